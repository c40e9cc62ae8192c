/**
 * Plain HTTPS to the bench cluster's apiserver (127.0.0.1 only): the kubeconfig's CA and client
 * certificate, one keep-alive agent, bodies parsed with JSON.parse — the cheapest a client can be, which
 * is what a "raw LIST" should cost.
 */
import { execFile } from 'node:child_process';
import https from 'node:https';
import { promisify } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { namespacedWatchCount } from '@wheelhouse/testkit';

const run = promisify(execFile);

export interface Kube {
  kc: KubeConfig;
  kubeconfigPath: string;
  server: URL;
  request(
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<{ status: number; text: string }>;
  json<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T>;
  close(): void;
}

export async function connectKube(kubeconfigPath: string): Promise<Kube> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const serverText = kc.getCurrentCluster()?.server;
  if (!serverText) throw new Error(`no server in ${kubeconfigPath}`);
  const server = new URL(serverText);
  if (server.hostname !== '127.0.0.1' && server.hostname !== 'localhost') {
    throw new Error(`bench: ${kubeconfigPath} points at ${serverText}; the bench only talks to 127.0.0.1`);
  }
  const opts: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 64,
    ca: opts.ca,
    cert: opts.cert,
    key: opts.key,
  });

  function request(method: string, path: string, body?: unknown, contentType = 'application/json') {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        {
          host: server.hostname,
          port: server.port,
          path,
          method,
          agent,
          timeout: 120_000,
          headers: {
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async function json<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const res = await request(method, path, body, contentType);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${res.text.slice(0, 300)}`);
    return JSON.parse(res.text) as T;
  }

  return { kc, kubeconfigPath, server, request, json, close: () => agent.destroy() };
}

/** Namespace-scoped WATCH requests the apiserver holds open for `resource` (apiserver_longrunning_requests). */
export async function namespacedWatches(kube: Kube, resource: string): Promise<number> {
  return namespacedWatchCount((await kube.request('GET', '/metrics')).text, resource);
}

export async function createNamespace(kube: Kube, name: string): Promise<void> {
  await kube.json('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'wheelhouse.dev/bench': 'true' } },
  });
  // Pods need the default ServiceAccount (admission) before they can be created.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const r = await kube.request('GET', `/api/v1/namespaces/${name}/serviceaccounts/default`);
    if (r.status === 200) return;
    await sleep(100);
  }
  throw new Error(`namespace ${name}: no default ServiceAccount after 30 s`);
}

export async function deleteNamespace(kube: Kube, name: string): Promise<void> {
  await kube.request('DELETE', `/api/v1/namespaces/${name}`);
}

/**
 * A ReplicaSet of `replicas` pods pinned to the fake nodes by nodeName (no scheduler in the path; KWOK's
 * fast stages make them Running/Ready at once). Several ReplicaSets spread the pods over the nodes.
 */
export async function createPods(
  kube: Kube,
  namespace: string,
  name: string,
  replicas: number,
): Promise<void> {
  const nodes = ['kwok-node-0', 'kwok-node-1'];
  const per = Math.ceil(replicas / nodes.length);
  let left = replicas;
  for (const [i, node] of nodes.entries()) {
    const n = Math.min(per, left);
    left -= n;
    if (n === 0) continue;
    const rsName = `${name}-${i}`;
    await kube.json('POST', `/apis/apps/v1/namespaces/${namespace}/replicasets`, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: rsName },
      spec: {
        replicas: n,
        selector: { matchLabels: { app: rsName } },
        template: {
          metadata: { labels: { app: rsName, bench: name } },
          spec: {
            nodeName: node,
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'app',
                image: `registry.invalid/${name}:1`,
                ports: [{ name: 'http', containerPort: 8080 }],
                resources: { requests: { cpu: '1m', memory: '1Mi' } },
              },
            ],
          },
        },
      },
    });
  }
}

interface PodList {
  metadata: { resourceVersion: string };
  items: Array<{ metadata: { name: string; resourceVersion: string }; status?: { phase?: string } }>;
}

export async function countPods(kube: Kube, namespace: string): Promise<{ total: number; running: number }> {
  const list = await kube.json<PodList>('GET', `/api/v1/namespaces/${namespace}/pods`);
  return {
    total: list.items.length,
    running: list.items.filter((p) => p.status?.phase === 'Running').length,
  };
}

export async function listPods(kube: Kube, namespace: string): Promise<PodList> {
  return kube.json<PodList>('GET', `/api/v1/namespaces/${namespace}/pods`);
}

/** Waits until `namespace` holds `n` Running pods; gives up after `timeoutMs` and says how far it got. */
export async function waitForRunning(
  kube: Kube,
  namespace: string,
  n: number,
  timeoutMs: number,
  progress?: (c: { total: number; running: number }) => void,
): Promise<{ total: number; running: number; ms: number; complete: boolean }> {
  const t0 = Date.now();
  let c = { total: 0, running: 0 };
  let lastReport = 0;
  while (Date.now() - t0 < timeoutMs) {
    c = await countPods(kube, namespace);
    if (c.running >= n) return { ...c, ms: Date.now() - t0, complete: true };
    if (progress && Date.now() - lastReport > 10_000) {
      progress(c);
      lastReport = Date.now();
    }
    await sleep(n > 5000 ? 2000 : 300);
  }
  return { ...c, ms: Date.now() - t0, complete: false };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The repository's cluster script for the bench instance (WHEELHOUSE_CLUSTER is inherited). */
export async function clusterEnv(clusterScript: string): Promise<string> {
  const { stdout } = await run(clusterScript, ['env'], { timeout: 10_000 });
  const m = /^export KUBECONFIG=(.+)$/m.exec(stdout.trim());
  if (!m?.[1]) throw new Error(`unexpected output of cluster env: ${stdout}`);
  return m[1];
}

/** The directory of the cluster's kubectl (`cluster bin`). */
export async function clusterBin(clusterScript: string): Promise<string> {
  const { stdout } = await run(clusterScript, ['bin'], { timeout: 10_000 });
  return stdout.trim();
}
