/**
 * What the soak's observers watch and what changes under them: the pods and ConfigMaps of one
 * namespace, pods created and deleted (one each a second), ConfigMaps written (two a second) and created
 * and deleted (every 10 s). Pod annotation patches run beside it (patcher.ts).
 */
import type { SubscribeRequest } from '@wheelhouse/shared-types';
import { type Kube, sleep } from './kube';

export const CONFIGMAPS = 10;
const CHURN_LABEL = 'soak-role=churn';

/** What observer `i` subscribes to: the namespace's pods and ConfigMaps; every other one, the churned pods by selector. */
export function requestsFor(i: number, namespace: string): SubscribeRequest[] {
  const reqs: SubscribeRequest[] = [
    { kind: 'pods', namespace },
    { kind: 'configmaps', namespace },
  ];
  if (i % 2 === 0) reqs.push({ kind: 'pods', namespace, labelSelector: CHURN_LABEL });
  return reqs;
}

/** Pods created and deleted (one each a second), ConfigMaps written (two a second) and created/deleted (every 10 s). */
export async function churnLoop(
  kube: Kube,
  ns: string,
  until: number,
  counts: Record<string, number>,
  errors: string[],
) {
  const base = `/api/v1/namespaces/${ns}`;
  const live: string[] = [];
  const temps: string[] = [];
  let n = 0;
  const ok = async (what: string, p: Promise<{ status: number; text: string }>) => {
    try {
      const r = await p;
      if (r.status < 300) counts[what] = (counts[what] ?? 0) + 1;
      else {
        counts.errors = (counts.errors ?? 0) + 1;
        if (errors.length < 5) errors.push(`${what}: ${r.status} ${r.text.slice(0, 160)}`);
      }
    } catch (err) {
      counts.errors = (counts.errors ?? 0) + 1;
      if (errors.length < 5) errors.push(`${what}: ${(err as Error).message}`);
    }
  };
  for (let step = 0; Date.now() < until && step < 1_000_000; step++) {
    const tick = Date.now();
    const phase = step % 4;
    if (phase === 0) {
      const name = `churn-${(n++).toString(36)}`;
      live.push(name);
      await ok(
        'podCreates',
        kube.request('POST', `${base}/pods`, {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, labels: { 'soak-role': 'churn' } },
          spec: {
            nodeName: `kwok-node-${n % 2}`,
            tolerations: [{ operator: 'Exists' }],
            containers: [{ name: 'app', image: 'registry.invalid/soak:1' }],
          },
        }),
      );
    } else if (phase === 2 && live.length > 8) {
      await ok('podDeletes', kube.request('DELETE', `${base}/pods/${live.shift()}?gracePeriodSeconds=0`));
    } else {
      await ok(
        'configMapWrites',
        kube.request(
          'PATCH',
          `${base}/configmaps/soak-${step % CONFIGMAPS}`,
          { data: { step: String(step), at: new Date().toISOString() } },
          'application/merge-patch+json',
        ),
      );
    }
    if (step % 40 === 0) {
      const name = `temp-${step.toString(36)}`;
      temps.push(name);
      await ok(
        'configMapCreates',
        kube.request('POST', `${base}/configmaps`, { metadata: { name }, data: { step: String(step) } }),
      );
      if (temps.length > 3)
        await ok('configMapDeletes', kube.request('DELETE', `${base}/configmaps/${temps.shift()}`));
    }
    await sleep(Math.max(0, 250 - (Date.now() - tick)));
  }
}
