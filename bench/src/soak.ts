/**
 * The soak: N socket.io observers (default 200) subscribed for M minutes (default 30) to one namespace
 * under light churn — pod annotation patches, pods created and deleted, ConfigMap writes, one observer
 * reconnecting every 15 s — while the BFF's RSS and event-loop lag are scraped from its /metrics every
 * 10 s. The verdict (soak-analysis.ts) fails on a leak and on any observer whose state
 * differs from a fresh LIST at the end. Raw samples go to bench/results/soak-<date>.json.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Bff, startBff } from './bff';
import {
  createNamespace,
  createPods,
  deleteNamespace,
  type Kube,
  listPods,
  sleep,
  waitForRunning,
} from './kube';
import { patchLoop } from './patcher';
import { analyseSoak, type SoakAnalysis, type SoakSample } from './soak-analysis';
import { type Divergence, listState, requestKey, SoakClient } from './soak-client';
import { CONFIGMAPS, churnLoop, requestsFor } from './soak-load';
import { round } from './stats';

export interface SoakOptions {
  minutes: number;
  clients: number;
  /** A fixed BFF port (BENCH_BFF_PORT), else a free one. */
  port?: number;
  samplesDir: string;
}

const SAMPLE_MS = 10_000;
const RECONNECT_MS = 15_000;
const PODS = 20;
const PATCH_RATE = 3;

export interface SoakResult extends SoakAnalysis {
  minutes: number;
  clients: number;
  subscriptions: number;
  churn: Record<string, number>;
  churnErrors: string[];
  reconnects: number;
  reconnectFailures: number;
  unexpectedDisconnects: number;
  notLive: number;
  observerResyncs: number;
  divergence: Divergence & { observersChecked: number; observersDiverged: number; quietSeconds: number };
  rssAfterCloseMiB: number;
  samples: number;
  samplesFile: string;
  pass: boolean;
}

/** The few /metrics series the soak follows, from one scrape (one scrape per sample: the lag histogram resets on each). */
async function scrape(bff: Bff) {
  const text = await (await fetch(`${bff.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  const v = (name: string) => {
    let sum = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith(`${name} `) || line.startsWith(`${name}{`))
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return sum;
  };
  const m = (name: string) => v(`wheelhouse_${name}`);
  return {
    rssMiB: round(m('process_resident_memory_bytes') / 2 ** 20, 2),
    heapUsedMiB: round(m('nodejs_heap_size_used_bytes') / 2 ** 20, 2),
    externalMiB: round(m('nodejs_external_memory_bytes') / 2 ** 20, 2),
    lagP50Ms: round(m('nodejs_eventloop_lag_p50_seconds') * 1000, 2),
    lagP99Ms: round(m('nodejs_eventloop_lag_p99_seconds') * 1000, 2),
    lagMaxMs: round(m('nodejs_eventloop_lag_max_seconds') * 1000, 2),
    cpuSeconds: m('process_cpu_seconds_total'),
    sockets: m('sockets'),
    subscriptions: m('subscriptions'),
    informers: m('informers'),
    activeHandles: m('nodejs_active_handles_total'),
    eventsSent: m('events_sent_total'),
    queueDrops: m('queue_drops_total'),
    resyncs: m('resyncs_total'),
  };
}

export async function benchSoak(
  kube: Kube,
  root: string,
  opts: SoakOptions,
  log: (s: string) => void,
): Promise<SoakResult> {
  const ns = `bench-soak-${Date.now().toString(36)}`;
  const totalMs = opts.minutes * 60_000;
  await createNamespace(kube, ns);
  const clients: SoakClient[] = [];
  let bff: Bff | undefined;
  try {
    await createPods(kube, ns, 'soak', PODS);
    const ready = await waitForRunning(kube, ns, PODS, 120_000);
    if (!ready.complete) throw new Error(`soak: only ${ready.running}/${PODS} pods Running`);
    for (let i = 0; i < CONFIGMAPS; i++) {
      await kube.json('POST', `/api/v1/namespaces/${ns}/configmaps`, {
        metadata: { name: `soak-${i}` },
        data: {},
      });
    }
    bff = await startBff(root, kube.kubeconfigPath, { port: opts.port });
    const server = bff;
    for (let i = 0; i < opts.clients; i += 25) {
      const batch = Array.from(
        { length: Math.min(25, opts.clients - i) },
        (_, j) => new SoakClient(server.url, requestsFor(i + j, ns)),
      );
      await Promise.all(batch.map((c) => c.open()));
      clients.push(...batch);
    }
    const subscriptions = clients.reduce((n, c) => n + c.reqs.length, 0);
    log(`soak: ${clients.length} observers, ${subscriptions} subscriptions; ${opts.minutes} min of churn`);

    const samples: SoakSample[] = [];
    const t0 = Date.now();
    const until = t0 + totalMs;
    let prevCpu: { s: number; at: number } | undefined;
    const sampleOnce = async () => {
      const m = await scrape(server);
      const at = Date.now();
      const cpuCores = prevCpu ? (m.cpuSeconds - prevCpu.s) / ((at - prevCpu.at) / 1000) : 0;
      prevCpu = { s: m.cpuSeconds, at };
      const { cpuSeconds: _, ...rest } = m;
      samples.push({
        t: Math.round((at - t0) / 1000),
        ...rest,
        cpuCores: round(cpuCores, 3),
        observerEvents: clients.reduce((n, c) => n + c.events, 0),
        loadAverage: round(os.loadavg()[0] ?? 0, 2),
      });
    };
    const sampler = (async () => {
      for (let k = 0; k <= totalMs / SAMPLE_MS + 1; k++) {
        const due = t0 + k * SAMPLE_MS;
        if (due > until) break;
        await sleep(Math.max(0, due - Date.now()));
        try {
          await sampleOnce();
        } catch (err) {
          log(`soak: scrape failed: ${(err as Error).message}`);
        }
        if (k % 30 === 0 && samples.length) {
          const s = samples[samples.length - 1] as SoakSample;
          log(
            `soak +${s.t}s: rss ${s.rssMiB} MiB, heap ${s.heapUsedMiB} MiB, lag p99 ${s.lagP99Ms} ms, ${s.sockets} sockets, ${s.observerEvents} events seen`,
          );
        }
      }
    })();
    const counts: Record<string, number> = {};
    const churnErrors: string[] = [];
    const pods = (await listPods(kube, ns)).items.map((p) => p.metadata.name);
    const patches = patchLoop(kube, ns, pods, PATCH_RATE, totalMs);
    const churn = churnLoop(kube, ns, until, counts, churnErrors);
    let reconnects = 0;
    let reconnectFailures = 0;
    const reconnector = (async () => {
      for (let k = 0; Date.now() + RECONNECT_MS < until && k < 100_000; k++) {
        await sleep(RECONNECT_MS);
        const c = clients[k % clients.length] as SoakClient;
        c.close();
        try {
          await c.open();
          reconnects++;
        } catch (err) {
          reconnectFailures++;
          log(`soak: reconnect failed: ${(err as Error).message}`);
        }
      }
    })();
    const [patchRun] = await Promise.all([patches, churn, sampler, reconnector]);
    counts.podPatches = patchRun.sent;
    counts.errors = (counts.errors ?? 0) + patchRun.errors;
    churnErrors.push(...patchRun.firstErrors);

    // Quiet: no more writes; the last batches reach every observer, then each is compared with a LIST.
    const quietStart = Date.now();
    let divergence = {
      missing: 0,
      ghosts: 0,
      stale: 0,
      observersChecked: 0,
      observersDiverged: 0,
      quietSeconds: 0,
    };
    for (let attempt = 0; attempt < 15; attempt++) {
      await sleep(attempt === 0 ? 3000 : 2000);
      const truth = new Map<string, Map<string, string>>();
      for (const req of requestsFor(0, ns)) {
        const q = req.labelSelector ? `?labelSelector=${encodeURIComponent(req.labelSelector)}` : '';
        const list = await kube.json<{ items: Parameters<typeof listState>[0] }>(
          'GET',
          `/api/v1/namespaces/${ns}/${req.kind}${q}`,
        );
        truth.set(requestKey(req), listState(list.items));
      }
      const each = clients.map((c) => c.diverge(truth));
      divergence = {
        missing: each.reduce((n, d) => n + d.missing, 0),
        ghosts: each.reduce((n, d) => n + d.ghosts, 0),
        stale: each.reduce((n, d) => n + d.stale, 0),
        observersChecked: clients.length,
        observersDiverged: each.filter((d) => d.missing + d.ghosts + d.stale > 0).length,
        quietSeconds: round((Date.now() - quietStart) / 1000),
      };
      if (divergence.observersDiverged === 0) break;
    }
    for (const c of clients) c.close();
    await sleep(3000);
    const afterClose = await scrape(server);

    const analysis = analyseSoak(samples, totalMs / 1000);
    const unexpectedDisconnects = clients.reduce((n, c) => n + c.unexpectedDisconnects, 0);
    const correct =
      divergence.observersDiverged === 0 && reconnectFailures === 0 && unexpectedDisconnects === 0;
    if (!correct) {
      analysis.reasons.push(
        `observers diverged from a fresh LIST: ${divergence.observersDiverged} of ${clients.length} (missing ${divergence.missing}, ghosts ${divergence.ghosts}, stale ${divergence.stale}); ${unexpectedDisconnects} dropped, ${reconnectFailures} failed reconnects`,
      );
    }
    const samplesFile = `soak-${new Date(t0).toISOString().slice(0, 10)}.json`;
    const result: SoakResult = {
      minutes: opts.minutes,
      clients: clients.length,
      subscriptions,
      churn: {
        ...counts,
        perSecond: round(
          Object.entries(counts)
            .filter(([k]) => k !== 'errors')
            .reduce((n, [, v]) => n + v, 0) /
            (totalMs / 1000),
          1,
        ),
      },
      churnErrors,
      reconnects,
      reconnectFailures,
      unexpectedDisconnects,
      notLive: clients.reduce((n, c) => n + c.notLive, 0),
      observerResyncs: clients.reduce((n, c) => n + c.resyncs, 0),
      divergence,
      rssAfterCloseMiB: afterClose.rssMiB,
      ...analysis,
      samples: samples.length,
      samplesFile,
      pass: correct && !analysis.leak,
    };
    writeFileSync(
      path.join(opts.samplesDir, samplesFile),
      `${JSON.stringify({ ...result, samples }, null, 2)}\n`,
    );
    log(
      `soak: ${result.pass ? 'PASS' : `FAIL: ${analysis.reasons.join('; ')}`}; rss slope ${analysis.rssMiB.slopePerHour} MiB/h`,
    );
    return result;
  } finally {
    for (const c of clients) c.close();
    await bff?.stop();
    await deleteNamespace(kube, ns);
  }
}
