/**
 * Many pods across many namespaces, fast: bare pods (no controller in the path) pinned to the KWOK nodes
 * by nodeName, POSTed straight to the apiserver on 127.0.0.1 with bounded concurrency. KWOK's fast
 * stages then mark them Running/Ready (one status write each). Growth stops at the target, at the time
 * budget, or when the control plane stops keeping up (creates failing or slower than `minRate`): the
 * caller measures the size that was reached and says where it stopped.
 */
import { type Kube, sleep } from './kube';

export const MANY_LABEL = 'wheelhouse.dev/bench-many';

export interface GrowResult {
  namespaces: number;
  created: number;
  failed: number;
  ms: number;
  ratePerSecond: number;
  stoppedBecause?: string;
  firstErrors: string[];
}

export function manyNamespace(prefix: string, i: number): string {
  return `${prefix}-${String(i).padStart(4, '0')}`;
}

function podBody(i: number, node: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `many-${i.toString(36).padStart(4, '0')}-${((i * 2654435761) % 0x100000) >>> 0}`,
      labels: { app: `many-${i % 50}`, [MANY_LABEL]: 'true' },
    },
    spec: {
      nodeName: node,
      tolerations: [{ operator: 'Exists' }],
      automountServiceAccountToken: false,
      containers: [
        {
          name: 'app',
          image: 'registry.invalid/many:1',
          ports: [{ name: 'http', containerPort: 8080 }],
          resources: { requests: { cpu: '1m', memory: '1Mi' } },
        },
      ],
    },
  };
}

/** Creates the namespaces `prefix-0000` … (bounded concurrency), each labelled for clean-up. */
export async function createManyNamespaces(kube: Kube, prefix: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const name = manyNamespace(prefix, next++);
      const r = await kube.request('POST', '/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { [MANY_LABEL]: 'true' } },
      });
      if (r.status >= 300 && r.status !== 409)
        throw new Error(`namespace ${name}: ${r.status} ${r.text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  // Pods need each namespace's default ServiceAccount (admission looks it up): wait for all of them.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const sas = await kube.json<{ items: Array<{ metadata: { namespace: string } }> }>(
      'GET',
      '/api/v1/serviceaccounts?fieldSelector=metadata.name%3Ddefault',
    );
    if (sas.items.filter((sa) => sa.metadata.namespace.startsWith(`${prefix}-`)).length >= count) return;
    await sleep(500);
  }
  throw new Error(`namespaces ${prefix}-*: not every default ServiceAccount exists after 120 s`);
}

/**
 * Grows from `from` to `to` pods, pod i in namespace i mod `namespaces`. Stops early (and says why) after
 * `budgetMs`, or when a 10 s window creates fewer than `minRate` pods per second.
 */
export async function growPods(
  kube: Kube,
  prefix: string,
  opts: {
    namespaces: number;
    from: number;
    to: number;
    concurrency: number;
    budgetMs: number;
    minRate: number;
  },
  log: (s: string) => void,
): Promise<GrowResult> {
  const t0 = performance.now();
  let next = opts.from;
  let created = 0;
  let failed = 0;
  let stoppedBecause: string | undefined;
  const firstErrors: string[] = [];
  let windowStart = t0;
  let windowCreated = 0;
  const worker = async () => {
    while (next < opts.to && !stoppedBecause) {
      const i = next++;
      const ns = manyNamespace(prefix, i % opts.namespaces);
      const body = podBody(i, `kwok-node-${i % 2}`);
      let ok = false;
      // A namespace's default ServiceAccount appears a moment after the namespace (admission needs it).
      for (let attempt = 0; attempt < 5 && !ok; attempt++) {
        try {
          const r = await kube.request('POST', `/api/v1/namespaces/${ns}/pods`, body);
          if (r.status < 300 || r.status === 409) ok = true;
          else if (r.status === 403 || r.status === 429 || r.status >= 500) {
            if (firstErrors.length < 3) firstErrors.push(`${r.status} ${r.text.slice(0, 160)}`);
            await sleep(200 * (attempt + 1));
          } else {
            if (firstErrors.length < 3) firstErrors.push(`${r.status} ${r.text.slice(0, 160)}`);
            break;
          }
        } catch (err) {
          if (firstErrors.length < 3) firstErrors.push((err as Error).message);
          await sleep(500 * (attempt + 1));
        }
      }
      if (ok) {
        created++;
        windowCreated++;
      } else failed++;
      const now = performance.now();
      if (now - windowStart >= 10_000) {
        const rate = (windowCreated * 1000) / (now - windowStart);
        log(`many pods: ${opts.from + created} created (${Math.round(rate)}/s), ${failed} failed`);
        if (rate < opts.minRate && !stoppedBecause) {
          stoppedBecause = `creates slowed to ${Math.round(rate)}/s (below ${opts.minRate}/s) at ${opts.from + created} pods`;
        }
        windowStart = now;
        windowCreated = 0;
      }
      if (now - t0 > opts.budgetMs && !stoppedBecause) {
        stoppedBecause = `time budget of ${Math.round(opts.budgetMs / 1000)} s spent at ${opts.from + created} pods`;
      }
      if (failed > 200 && !stoppedBecause)
        stoppedBecause = `${failed} creates failed (${firstErrors[0] ?? ''})`;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const ms = performance.now() - t0;
  return {
    namespaces: opts.namespaces,
    created: opts.from + created,
    failed,
    ms: Math.round(ms),
    ratePerSecond: Math.round((created * 1000) / ms),
    ...(stoppedBecause ? { stoppedBecause } : {}),
    firstErrors,
  };
}

/** Pods in all namespaces and how many are Running, counted from a chunked LIST (pages of 5,000). */
export async function countAllPods(
  kube: Kube,
  selector = `${MANY_LABEL}=true`,
): Promise<{ total: number; running: number }> {
  let total = 0;
  let running = 0;
  let cont = '';
  for (let page = 0; page < 1000; page++) {
    const q = new URLSearchParams({
      labelSelector: selector,
      limit: '5000',
      ...(cont ? { continue: cont } : {}),
    });
    const list = await kube.json<{
      metadata: { continue?: string };
      items: Array<{ status?: { phase?: string } }>;
    }>('GET', `/api/v1/pods?${q}`);
    total += list.items.length;
    running += list.items.filter((p) => p.status?.phase === 'Running').length;
    cont = list.metadata.continue ?? '';
    if (!cont) break;
  }
  return { total, running };
}
