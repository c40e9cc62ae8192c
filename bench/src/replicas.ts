/**
 * Beyond one process: three BFF processes (the production build, each its own informers), 300
 * browser-protocol sockets (socket.io, WebSocket transport, as the SPA connects) spread round-robin
 * over them, all subscribed to one namespace's pods — what three replicas behind the chart's Service
 * with no sticky sessions would see. Asserted: one namespaced pods WATCH per process on the apiserver
 * (its apiserver_longrunning_requests, and each BFF's own informer gauge), and every client sees every
 * change (N status-free annotation patches; each client's state equals a fresh LIST afterwards).
 * Reported: per-replica RSS idle → with its sockets, and change → client latency p50/p99 (patch sent
 * → event received, keyed by the resourceVersion the patch produced).
 */
import { createServer } from 'node:net';
import { type Bff, connectSocket, startBff } from './bff';
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
import { LiveClient } from './live-client';
import { now } from './patcher';
import { mib, percentile, round } from './stats';

export interface ReplicaRow {
  port: number;
  sockets: number;
  podInformers: number;
  rssIdleMiB: number;
  rssMiB: number;
  cpuCores: number;
}

export interface ReplicasResult {
  replicas: number;
  sockets: number;
  pods: number;
  patches: number;
  patchRate: number;
  apiserverPodWatches: number;
  perReplica: ReplicaRow[];
  subscribeAllMs: number;
  latency: { p50: number; p95: number; p99: number; max: number; samples: number };
  /** The fewest of the patched versions any one client received (equals `patches` when none missed). */
  minSeenByAClient: number;
  clientsMatchingList: number;
  firstMismatches: string[];
  resyncs: number;
}

interface PatchedPod {
  metadata: { name: string; namespace: string; resourceVersion: string };
}

/** `total` annotation patches at `rate`/s round-robin over `pods`; resolves `ns/name@rv` → sent time. */
async function patchPaced(kube: Kube, ns: string, pods: string[], total: number, rate: number) {
  const sent = new Map<string, number>();
  const pending: Array<Promise<void>> = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const name = pods[i % pods.length] as string;
    const at = now();
    pending.push(
      kube
        .json<PatchedPod>(
          'PATCH',
          `/api/v1/namespaces/${ns}/pods/${name}`,
          { metadata: { annotations: { 'bench.wheelhouse.dev/replicas-seq': String(i) } } },
          'application/merge-patch+json',
        )
        .then((p) => {
          sent.set(`${ns}/${p.metadata.name}@${p.metadata.resourceVersion}`, at);
        }),
    );
  }
  await Promise.all(pending);
  return sent;
}

/** Whether 127.0.0.1:`port` can be bound now (another process's server would answer our health check). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** `count` free ports from `base` up (at most 50 tried). */
async function freePortsFrom(base: number, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let p = base; p < base + 50 && out.length < count; p++) if (await portFree(p)) out.push(p);
  if (out.length < count) throw new Error(`replicas: fewer than ${count} free ports in ${base}–${base + 49}`);
  return out;
}

export async function benchReplicas(
  kube: Kube,
  root: string,
  opts: { replicas: number; sockets: number; pods: number; patches: number; rate: number; basePort: number },
  log: (s: string) => void,
): Promise<ReplicasResult> {
  const ns = `bench-replicas-${Date.now().toString(36)}`;
  await createNamespace(kube, ns);
  const bffs: Bff[] = [];
  const clients: LiveClient[] = [];
  try {
    await createPods(kube, ns, 'rep', opts.pods);
    const ready = await waitForRunning(kube, ns, opts.pods, 120_000);
    if (!ready.complete) throw new Error(`replicas: only ${ready.running}/${opts.pods} pods Running`);
    const baseline = await namespacedWatches(kube, 'pods');
    for (const port of await freePortsFrom(opts.basePort, opts.replicas)) {
      bffs.push(await startBff(root, kube.kubeconfigPath, { port }));
    }
    await sleep(1000);
    const idle = await Promise.all(bffs.map((b) => b.metrics()));
    log(`replicas: ${bffs.length} BFFs on ${bffs.map((b) => new URL(b.url).port).join(', ')}`);

    // Round-robin, as a Service spreads new connections; 25 handshakes at a time.
    const t0 = performance.now();
    for (let i = 0; i < opts.sockets; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, opts.sockets - i) }, (_, j) =>
          connectSocket((bffs[(i + j) % bffs.length] as Bff).url),
        ),
      );
      clients.push(...batch.map((s) => new LiveClient(s)));
    }
    await Promise.all(clients.map((c) => c.subscribe({ kind: 'pods', namespace: ns }, 120_000)));
    const subscribeAllMs = performance.now() - t0;
    await sleep(1000);
    const watches = (await namespacedWatches(kube, 'pods')) - baseline;
    const before = await Promise.all(bffs.map((b) => b.metrics()));
    log(
      `replicas: ${clients.length} sockets subscribed in ${round(subscribeAllMs)} ms; ${watches} pods WATCHes`,
    );

    const pods = (await listPods(kube, ns)).items.map((p) => p.metadata.name);
    const c0 = performance.now();
    const sent = await patchPaced(kube, ns, pods, opts.patches, opts.rate);
    // The last events reach every client: wait until each has every patched version (bounded).
    const deadline = performance.now() + 15_000;
    while (performance.now() < deadline) {
      if (clients.every((c) => [...sent.keys()].every((k) => c.arrivals.has(k)))) break;
      await sleep(200);
    }
    const wall = performance.now() - c0;
    const after = await Promise.all(bffs.map((b) => b.metrics()));

    const latencies: number[] = [];
    let minSeen = Number.POSITIVE_INFINITY;
    for (const c of clients) {
      let seen = 0;
      for (const [k, at] of sent) {
        const got = c.arrivals.get(k);
        if (got === undefined) continue;
        seen++;
        latencies.push(got - at);
      }
      minSeen = Math.min(minSeen, seen);
    }
    const list = await listPods(kube, ns);
    const truth = new Map(list.items.map((p) => [`${ns}/${p.metadata.name}`, p.metadata.resourceVersion]));
    const mismatches = clients.flatMap((c, i) => c.diff(truth).map((d) => `client ${i}: ${d}`));
    const matching = clients.filter((c) => c.diff(truth, 1).length === 0).length;

    const perReplica: ReplicaRow[] = bffs.map((b, i) => ({
      port: Number(new URL(b.url).port),
      sockets: after[i]?.sockets ?? 0,
      podInformers: after[i]?.informers ?? 0,
      rssIdleMiB: mib(idle[i]?.rssBytes ?? 0),
      rssMiB: mib(after[i]?.rssBytes ?? 0),
      cpuCores: round(((after[i]?.cpuSeconds ?? 0) - (before[i]?.cpuSeconds ?? 0)) / (wall / 1000), 3),
    }));
    const result: ReplicasResult = {
      replicas: bffs.length,
      sockets: clients.length,
      pods: opts.pods,
      patches: sent.size,
      patchRate: opts.rate,
      apiserverPodWatches: watches,
      perReplica,
      subscribeAllMs: round(subscribeAllMs),
      latency: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(Math.max(...latencies)),
        samples: latencies.length,
      },
      minSeenByAClient: minSeen,
      clientsMatchingList: matching,
      firstMismatches: mismatches.slice(0, 5),
      resyncs: clients.reduce((n, c) => n + c.resyncs, 0),
    };
    log(
      `replicas: ${result.apiserverPodWatches} WATCHes, informers per BFF ${perReplica.map((r) => r.podInformers).join('/')}, RSS ${perReplica.map((r) => r.rssMiB).join('/')} MiB; change → client p50 ${result.latency.p50} p99 ${result.latency.p99} ms; min seen ${minSeen}/${sent.size}; ${matching}/${clients.length} equal a fresh LIST`,
    );
    return result;
  } finally {
    for (const c of clients) c.socket.close();
    for (const b of bffs) await b.stop();
    await deleteNamespace(kube, ns);
  }
}
