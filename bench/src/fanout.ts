/**
 * (a) Fan-out: N socket clients subscribed to the same pods list cost the apiserver one WATCH. For each
 * N: the apiserver's namespaced pods WATCH count (from its /metrics), the BFF's CPU while the pods change
 * at a steady rate, its RSS, and whether every client saw every change.
 */
import { type BenchSocket, type Bff, connectSocket, cpuShare, subscribe } from './bff';
import {
  createNamespace,
  createPods,
  deleteNamespace,
  type Kube,
  listPods,
  namespacedWatches,
  sleep,
  waitForRunning,
} from './kube';
import { patchLoop, stamp } from './patcher';
import { mib, round } from './stats';

export interface FanoutRow {
  clients: number;
  apiserverPodWatches: number;
  bffInformers: number;
  subscribeAllMs: number;
  churnRate: number;
  patchesSent: number;
  bffCpuCores: number;
  bffRssMiB: number;
  /** The fewest of the patches any one client saw (by sequence number); equals patchesSent when none missed. */
  minSeenByAClient: number;
  queueDrops: number;
}

const PODS = 20;
const CHURN_RATE = 20;
const CHURN_MS = 8_000;

export async function benchFanout(kube: Kube, bff: Bff, counts: number[], log: (s: string) => void) {
  const ns = `bench-fanout-${Date.now().toString(36)}`;
  await createNamespace(kube, ns);
  const rows: FanoutRow[] = [];
  try {
    await createPods(kube, ns, 'fan', PODS);
    const ready = await waitForRunning(kube, ns, PODS, 120_000);
    if (!ready.complete) throw new Error(`fan-out: only ${ready.running}/${PODS} pods Running`);
    const pods = (await listPods(kube, ns)).items.map((p) => p.metadata.name);
    const baseline = await namespacedWatches(kube, 'pods');
    let seqStart = 0;
    for (const n of counts) {
      const sockets: BenchSocket[] = [];
      const seen: Array<Set<number>> = [];
      try {
        const t0 = performance.now();
        for (let i = 0; i < n; i += 25) {
          const batch = await Promise.all(
            Array.from({ length: Math.min(25, n - i) }, () => connectSocket(bff.url)),
          );
          sockets.push(...batch);
        }
        await Promise.all(
          sockets.map(async (s) => {
            const mine = new Set<number>();
            seen.push(mine);
            s.on('events', ({ batch }) => {
              for (const e of batch) {
                const st = stamp(e.object);
                if (st) mine.add(st.seq);
              }
            });
            await subscribe(s, { kind: 'pods', namespace: ns });
          }),
        );
        const subscribeAllMs = performance.now() - t0;
        await sleep(1000);
        const watches = (await namespacedWatches(kube, 'pods')) - baseline;
        const before = await bff.metrics();
        const c0 = performance.now();
        const run = await patchLoop(kube, ns, pods, CHURN_RATE, CHURN_MS, { seqStart });
        seqStart += run.scheduled + 1;
        await sleep(1500); // the last batches reach every client
        const after = await bff.metrics();
        const wall = performance.now() - c0;
        const minSeen = Math.min(...seen.map((set) => run.seqs.filter((q) => set.has(q)).length));
        const row: FanoutRow = {
          clients: n,
          apiserverPodWatches: watches,
          bffInformers: after.informers,
          subscribeAllMs: round(subscribeAllMs),
          churnRate: CHURN_RATE,
          patchesSent: run.sent,
          bffCpuCores: round(cpuShare(before, after, wall), 3),
          bffRssMiB: mib(after.rssBytes),
          minSeenByAClient: minSeen,
          queueDrops: after.queueDrops - before.queueDrops,
        };
        rows.push(row);
        log(
          `fan-out ${n}: ${watches} apiserver pods watch(es), cpu ${row.bffCpuCores} cores, rss ${row.bffRssMiB} MiB, min seen ${minSeen}/${run.sent}`,
        );
      } finally {
        for (const s of sockets) s.close();
      }
      await sleep(500);
    }
  } finally {
    await deleteNamespace(kube, ns);
  }
  return { namespacePods: PODS, churnRate: CHURN_RATE, churnMs: CHURN_MS, rows };
}
