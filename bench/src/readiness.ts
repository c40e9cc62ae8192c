/**
 * Readiness flips, as a failing probe makes them: status patches that set a pod's Ready and
 * ContainersReady conditions, stamped with the wall clock when sent; and READY_PROBE, which stamps in
 * the page (same clock, same machine) each new READY value a row shows. Latency = seen − sent.
 */
import type { Page } from '@playwright/test';
import { type Kube, sleep } from './kube';
import { now } from './patcher';

export interface Pod {
  metadata: { name: string };
  status: { containerStatuses?: Array<Record<string, unknown>> };
}

/** One flip sent: the READY text it should show, when it was sent, and which flip of its pod it was. */
export interface Flip {
  name: string;
  text: string;
  t: number;
  nth: number;
}

/** Records, per row, each new READY value ("1/1", "0/1") and when it appeared. */
export const READY_PROBE = `
(() => {
  const w = window;
  w.__ready = {};
  const last = {};
  const scan = () => {
    const t = performance.timeOrigin + performance.now();
    for (const row of document.querySelectorAll('[data-testid^="row-"]')) {
      const id = row.getAttribute('data-testid');
      if (id === 'row-count') continue;
      const m = /(\\d+)\\/(\\d+)/.exec(row.textContent || '');
      if (!m) continue;
      const name = id.slice(4);
      if (last[name] !== m[0]) {
        last[name] = m[0];
        (w.__ready[name] = w.__ready[name] || []).push([m[0], t]);
      }
    }
  };
  const obs = new MutationObserver(scan);
  document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { childList: true, subtree: true, characterData: true }));
})();
`;

/** Sets a pod's readiness (its Ready and ContainersReady conditions, each container's `ready`). */
export function patchReadiness(kube: Kube, ns: string, pod: Pod, ready: boolean) {
  const status = ready ? 'True' : 'False';
  return kube.request(
    'PATCH',
    `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}/status`,
    {
      status: {
        conditions: [
          { type: 'Ready', status },
          { type: 'ContainersReady', status },
        ],
        containerStatuses: (pod.status.containerStatuses ?? []).map((c) => ({ ...c, ready })),
      },
    },
    'application/strategic-merge-patch+json',
  );
}

/**
 * Flips the readiness of `pods` (Ready at the start) in turn, `flips` times at `ratePerSecond`, then
 * waits 3 s for the last ones to land. Returns each flip sent and every pod's readiness at the end.
 */
export async function flipReadinessInTurn(
  kube: Kube,
  ns: string,
  pods: Pod[],
  opts: { flips: number; ratePerSecond: number },
): Promise<{ sent: Flip[]; ready: Map<string, boolean> }> {
  const ready = new Map(pods.map((p) => [p.metadata.name, true]));
  const sent: Flip[] = [];
  const flipsOf = new Map<string, number>();
  const gap = 1000 / opts.ratePerSecond;
  const t0 = performance.now();
  for (let i = 0; i < opts.flips; i++) {
    const pod = pods[i % pods.length] as Pod;
    const name = pod.metadata.name;
    const next = !ready.get(name);
    ready.set(name, next);
    const t = now();
    const r = await patchReadiness(kube, ns, pod, next);
    if (r.status >= 300) throw new Error(`status patch: ${r.status} ${r.text.slice(0, 200)}`);
    const nth = (flipsOf.get(name) ?? 0) + 1;
    flipsOf.set(name, nth);
    sent.push({ name, text: next ? '1/1' : '0/1', t, nth });
    const wait = t0 + (i + 1) * gap - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await sleep(3000);
  return { sent, ready };
}

/** The latency of each flip the page's READY_PROBE saw with the value sent (unseen flips are left out). */
export async function seenLatencies(page: Page, sent: Flip[]): Promise<number[]> {
  const seenByName = (await page.evaluate(
    () => (window as unknown as { __ready: Record<string, Array<[string, number]>> }).__ready,
  )) as Record<string, Array<[string, number]>>;
  const latencies: number[] = [];
  for (const s of sent) {
    // The row's values after its first render: the nth flip is the (n+1)th value seen.
    const entry = seenByName[s.name]?.[s.nth];
    if (entry && entry[0] === s.text) latencies.push(entry[1] - s.t);
  }
  return latencies;
}
