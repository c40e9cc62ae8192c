/**
 * Steady churn for the length of the run: rollouts (set image), scale up and down, readiness flips
 * and restarts (testkit's pod status shaping, as a kubelet would), rollout restarts, ConfigMap and
 * Secret writes, creates and deletes. Operations are drawn from the seeded PRNG and sent at a fixed
 * rate; one that fails (the apiserver is down, a 409) is counted and the loop goes on. Also the
 * 1,000-change burst.
 */
import https from 'node:https';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { addRestarts, flipReadiness } from '@wheelhouse/testkit';
import { DEPLOYMENTS, type Kube, NAMESPACES, podBody } from './kube';
import { int, pick, type Rng } from './schedule';

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rejects after ms: no operation may hang the loop while the apiserver is away. */
function bounded<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

export interface ChurnStats {
  sent: number;
  failed: number;
  byOp: Record<string, number>;
}

type Op = (k: Kube, rng: Rng, n: number) => Promise<unknown>;

async function runningPod(k: Kube, rng: Rng, ns: string) {
  const pods = (await k.core.listNamespacedPod({ namespace: ns })).items.filter(
    (p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp,
  );
  return pods.length ? pick(rng, pods).metadata?.name : undefined;
}

const OPS: Array<[string, number, Op]> = [
  [
    'set-image',
    2,
    (k, rng, n) => {
      const name = pick(rng, DEPLOYMENTS); // its one container has its name (testkit's createDeployment)
      return k.apps.patchNamespacedDeployment(
        {
          name,
          namespace: pick(rng, NAMESPACES),
          body: {
            spec: { template: { spec: { containers: [{ name, image: `registry.invalid/${name}:${n}` }] } } },
          },
        },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      );
    },
  ],
  [
    'scale',
    3,
    (k, rng) =>
      k.apps.patchNamespacedDeploymentScale(
        {
          name: pick(rng, DEPLOYMENTS),
          namespace: pick(rng, NAMESPACES),
          body: { spec: { replicas: int(rng, 1, 5) } },
        },
        MERGE,
      ),
  ],
  [
    'readiness',
    4,
    async (k, rng) => {
      const ns = pick(rng, NAMESPACES);
      const ready = rng() < 0.5;
      const name = rng() < 0.3 ? 'sentinel' : await runningPod(k, rng, ns);
      if (name) await flipReadiness(k.kc, ns, name, ready);
    },
  ],
  [
    'pod-restart',
    2,
    async (k, rng) => {
      const ns = pick(rng, NAMESPACES);
      const name = rng() < 0.3 ? 'sentinel' : await runningPod(k, rng, ns);
      if (name) await addRestarts(k.kc, ns, name, { count: 1, reason: 'Error', exitCode: 1 });
    },
  ],
  [
    'rollout-restart',
    1,
    (k, rng) =>
      k.apps.patchNamespacedDeployment(
        {
          name: pick(rng, DEPLOYMENTS),
          namespace: pick(rng, NAMESPACES),
          body: {
            spec: {
              template: {
                metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': new Date().toISOString() } },
              },
            },
          },
        },
        MERGE,
      ),
  ],
  [
    'configmap-write',
    3,
    (k, rng, n) =>
      k.core.patchNamespacedConfigMap(
        { name: 'settings', namespace: pick(rng, NAMESPACES), body: { data: { generation: String(n) } } },
        MERGE,
      ),
  ],
  [
    'secret-write',
    2,
    (k, rng, n) =>
      k.core.patchNamespacedSecret(
        { name: 'token', namespace: pick(rng, NAMESPACES), body: { stringData: { generation: String(n) } } },
        MERGE,
      ),
  ],
  [
    'create-pod',
    2,
    (k, rng, n) =>
      k.core.createNamespacedPod({
        namespace: pick(rng, NAMESPACES),
        body: podBody(`loose-${n}`, { app: 'loose' }),
      }),
  ],
  [
    'delete-pod',
    2,
    async (k, rng) => {
      const ns = pick(rng, NAMESPACES);
      const loose = (await k.core.listNamespacedPod({ namespace: ns, labelSelector: 'app=loose' })).items;
      if (loose.length === 0) return;
      // Deployment pods too, now and then: their ReplicaSet replaces them.
      const name = rng() < 0.7 ? pick(rng, loose).metadata?.name : await runningPod(k, rng, ns);
      if (name && name !== 'sentinel')
        await k.core.deleteNamespacedPod({ name, namespace: ns, gracePeriodSeconds: 0 });
    },
  ],
  [
    'create-delete-configmap',
    2,
    async (k, rng, n) => {
      const ns = pick(rng, NAMESPACES);
      if (rng() < 0.5) {
        await k.core.createNamespacedConfigMap({
          namespace: ns,
          body: { metadata: { name: `tmp-${n}` }, data: { n: String(n) } },
        });
      } else {
        const tmp = (await k.core.listNamespacedConfigMap({ namespace: ns })).items.filter((c) =>
          c.metadata?.name?.startsWith('tmp-'),
        );
        if (tmp.length)
          await k.core.deleteNamespacedConfigMap({ name: tmp[0]?.metadata?.name as string, namespace: ns });
      }
    },
  ],
];
const TOTAL_WEIGHT = OPS.reduce((s, [, w]) => s + w, 0);

function drawOp(rng: Rng): [string, Op] {
  let x = rng() * TOTAL_WEIGHT;
  for (const [name, w, op] of OPS) {
    x -= w;
    if (x < 0) return [name, op];
  }
  const [name, , op] = OPS[0] as [string, number, Op];
  return [name, op];
}

/**
 * `rate` operations per second until `stopAt` (at most `rate × duration` of them), two in flight at
 * once so one slow call does not stall the rate.
 */
export async function churn(k: Kube, rng: Rng, rate: number, stopAt: number): Promise<ChurnStats> {
  const stats: ChurnStats = { sent: 0, failed: 0, byOp: {} };
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / rate;
  const max = Math.ceil(((stopAt - Date.now()) / 1000) * rate) + 1;
  for (let n = 1; n <= max && Date.now() < stopAt; n++) {
    const t0 = Date.now();
    const [name, op] = drawOp(rng);
    stats.sent++;
    stats.byOp[name] = (stats.byOp[name] ?? 0) + 1;
    const p: Promise<void> = bounded(op(k, rng, n), 15_000)
      .then(() => undefined)
      .catch(() => {
        stats.failed++;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 2) await Promise.race(inFlight);
    await sleep(Math.max(0, interval - (Date.now() - t0)));
  }
  await Promise.allSettled(inFlight);
  return stats;
}

/**
 * 1,000 metadata changes (an annotation on the pods and the ConfigMap of one namespace, round robin),
 * 64 in flight over keep-alive HTTPS (client-node's per-call overhead is too much for one second),
 * as fast as the apiserver takes them: aimed at one second, the time it took is reported.
 */
export async function burst(
  k: Kube,
  ns: string,
  tag: string,
): Promise<{ sent: number; failed: number; ms: number }> {
  // Its targets, read when the apiserver answers (a kill may be under way: wait, bounded, for it).
  let pods: string[] = [];
  for (let i = 0; pods.length === 0; i++) {
    try {
      pods = (await k.core.listNamespacedPod({ namespace: ns })).items.map((p) => p.metadata?.name as string);
    } catch (err) {
      if (i >= 180) throw err;
      await sleep(1_000);
    }
  }
  const server = new URL(k.kc.getCurrentCluster()?.server ?? '');
  const tls: https.RequestOptions = {};
  await k.kc.applyToHTTPSOptions(tls);
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 64,
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
  });
  const patch = (path: string, body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = https.request(
        {
          host: server.hostname,
          port: server.port,
          path,
          method: 'PATCH',
          agent,
          timeout: 15_000,
          headers: {
            'Content-Type': 'application/merge-patch+json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          // 'close' also comes when the connection is reset mid-body ('end' then never does).
          res.on('close', () => resolve(res.complete ? (res.statusCode ?? 0) : 0));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end(body);
    });
  const t0 = Date.now();
  let next = 0;
  let failed = 0;
  const one = async (i: number) => {
    const body = JSON.stringify({ metadata: { annotations: { 'wheelhouse.test/burst': `${tag}-${i}` } } });
    const path =
      i % 4 === 3
        ? `/api/v1/namespaces/${ns}/configmaps/settings`
        : `/api/v1/namespaces/${ns}/pods/${pods[i % pods.length]}`;
    const status = await patch(path, body).catch(() => 0);
    if (status < 200 || status >= 300) failed++;
  };
  try {
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < 1000) await one(next++);
      }),
    );
  } finally {
    agent.destroy();
  }
  return { sent: 1000, failed, ms: Date.now() - t0 };
}
