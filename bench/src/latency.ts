/**
 * (b) Event latency: pods patched at a fixed rate, each patch stamped with the moment it was sent. Two
 * receivers in the same process and the same run: a raw apiserver watch (client-node Watch, the physical
 * floor) and a socket.io client through the BFF. Latency = receipt − sent, per sequence number, first
 * receipt only.
 */
import { Watch } from '@kubernetes/client-node';
import { type Bff, connectSocket, cpuShare, subscribe } from './bff';
import {
  createNamespace,
  createPods,
  deleteNamespace,
  type Kube,
  listPods,
  sleep,
  waitForRunning,
} from './kube';
import { now, patchLoop, stamp } from './patcher';
import { percentile, round } from './stats';

export interface LatencySide {
  received: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LatencyRow {
  targetRate: number;
  achievedRate: number;
  sent: number;
  errors: number;
  durationMs: number;
  patchResponseP50Ms: number;
  raw: LatencySide;
  bff: LatencySide;
  bffCpuCores: number;
  /** Times the raw watch had to be resumed so far (the apiserver drops watchers that fall behind). */
  rawWatchRestarts?: number;
}

const PODS = 100;

function side(lat: Map<number, number>, sent: number[]): LatencySide {
  const values = sent.map((s) => lat.get(s)).filter((v): v is number => v !== undefined);
  return {
    received: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(percentile(values, 100)),
  };
}

export async function benchLatency(
  kube: Kube,
  bff: Bff,
  rates: number[],
  durationMs: number,
  log: (s: string) => void,
) {
  const ns = `bench-latency-${Date.now().toString(36)}`;
  await createNamespace(kube, ns);
  const rows: LatencyRow[] = [];
  let abort: AbortController | undefined;
  let stopRaw = () => abort?.abort();
  let rawRestarts = 0;
  const socket = await connectSocket(bff.url);
  try {
    await createPods(kube, ns, 'lat', PODS);
    const ready = await waitForRunning(kube, ns, PODS, 120_000);
    if (!ready.complete) throw new Error(`latency: only ${ready.running}/${PODS} pods Running`);
    await sleep(1000);
    const pods = (await listPods(kube, ns)).items.map((p) => p.metadata.name);

    const raw = new Map<number, number>();
    const viaBff = new Map<number, number>();
    const record = (into: Map<number, number>, obj: unknown) => {
      const t = now();
      const st = stamp(obj);
      if (st && !into.has(st.seq)) into.set(st.seq, t - st.sent);
    };

    let rawAdded = 0;
    let rawRv = '';
    let stopping = false;
    // The apiserver closes a watcher that does not keep up (and client-node ends one idle for 30 s):
    // the raw client resumes from the last resourceVersion it saw, and the restarts are counted.
    const startRaw = async (): Promise<void> => {
      abort = await new Watch(kube.kc).watch(
        `/api/v1/namespaces/${ns}/pods`,
        { allowWatchBookmarks: true, ...(rawRv ? { resourceVersion: rawRv } : {}) },
        (phase, obj) => {
          const rv = (obj as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
          if (rv) rawRv = rv;
          if (phase === 'ADDED') rawAdded++;
          if (phase === 'MODIFIED') record(raw, obj);
        },
        (err) => {
          if (stopping) return;
          rawRestarts++;
          log(
            `raw watch ended (${(err as Error | null)?.message ?? 'closed by the server'}); resuming at ${rawRv}`,
          );
          setTimeout(
            () => void startRaw().catch((e: Error) => log(`raw watch restart failed: ${e.message}`)),
            100,
          );
        },
      );
    };
    await startRaw();
    stopRaw = () => {
      stopping = true;
      abort?.abort();
    };
    socket.on('events', ({ batch }) => {
      for (const e of batch) if (e.type === 'MODIFIED') record(viaBff, e.object);
    });
    await subscribe(socket, { kind: 'pods', namespace: ns });
    const deadline = Date.now() + 30_000;
    while (rawAdded < PODS && Date.now() < deadline) await sleep(50);

    let seqStart = 0;
    for (const rate of rates) {
      const before = await bff.metrics();
      const t0 = performance.now();
      const run = await patchLoop(kube, ns, pods, rate, durationMs, { seqStart });
      seqStart += run.scheduled + 1;
      // Let the stragglers arrive (bounded).
      const until = Date.now() + 15_000;
      while (Date.now() < until && (raw.size < seqStart - 1 || viaBff.size < seqStart - 1)) {
        const have = run.seqs.every((s) => raw.has(s) && viaBff.has(s));
        if (have) break;
        await sleep(100);
      }
      const after = await bff.metrics();
      const row: LatencyRow = {
        targetRate: rate,
        achievedRate: round(run.achievedRate),
        sent: run.sent,
        errors: run.errors,
        durationMs,
        patchResponseP50Ms: round(run.patchP50Ms),
        raw: side(raw, run.seqs),
        bff: side(viaBff, run.seqs),
        bffCpuCores: round(cpuShare(before, after, performance.now() - t0), 3),
        rawWatchRestarts: rawRestarts,
      };
      rows.push(row);
      log(
        `latency ${rate}/s (achieved ${row.achievedRate}/s, ${run.errors} errors): raw p50 ${row.raw.p50} p99 ${row.raw.p99} ms (${row.raw.received}/${run.sent}); bff p50 ${row.bff.p50} p99 ${row.bff.p99} ms (${row.bff.received}/${run.sent})`,
      );
      if (run.firstErrors.length) log(`  first errors: ${run.firstErrors.join(' | ')}`);
      await sleep(2000);
    }
  } finally {
    stopRaw();
    socket.close();
    await deleteNamespace(kube, ns);
  }
  return { pods: PODS, rows };
}
