/**
 * (b, optional) Event latency to the DOM: a pod's readiness flipped (status patch, as a failing probe
 * would) → the READY cell of its row in the production SPA in chromium shows the new value. The page
 * stamps each change with its wall clock (performance.timeOrigin + now), the bench stamps the patch the
 * same way; both run on this machine.
 */
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '@wheelhouse/testkit';
import { type Bff, connectSocket, subscribe } from './bff';
import { createNamespace, createPods, deleteNamespace, type Kube, sleep, waitForRunning } from './kube';
import { now } from './patcher';
import { percentile, round } from './stats';

interface Pod {
  metadata: { name: string };
  status: { containerStatuses?: Array<Record<string, unknown>> };
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

export interface DomLatencyResult {
  flips: number;
  seen: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function benchDomLatency(
  kube: Kube,
  bff: Bff,
  opts: { flips: number; ratePerSecond: number },
  log: (s: string) => void,
): Promise<DomLatencyResult> {
  const ns = `bench-dom-${Date.now().toString(36)}`;
  const PODS = 20;
  await createNamespace(kube, ns);
  let browser: Browser | undefined;
  const holder = await connectSocket(bff.url);
  try {
    await createPods(kube, ns, 'dom', PODS);
    const ready = await waitForRunning(kube, ns, PODS, 120_000);
    if (!ready.complete) throw new Error(`dom latency: only ${ready.running}/${PODS} pods Running`);
    await sleep(2000);
    await subscribe(holder, { kind: 'pods', namespace: ns });
    const pods = (await kube.json<{ items: Pod[] }>('GET', `/api/v1/namespaces/${ns}/pods`)).items;

    browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext({ viewport: { width: 1400, height: 2400 } });
    await context.addInitScript(READY_PROBE);
    const page = await context.newPage();
    await page.goto(`${bff.url}/pods?ns=${ns}`);
    await page
      .locator('[data-testid^="row-dom-"]')
      .nth(PODS - 1)
      .waitFor({ timeout: 60_000 });
    await sleep(1000);

    const isReady = new Map(pods.map((p) => [p.metadata.name, true]));
    const sent: Array<{ name: string; text: string; t: number; nth: number }> = [];
    const flipsOf = new Map<string, number>();
    const gap = 1000 / opts.ratePerSecond;
    const t0 = performance.now();
    for (let i = 0; i < opts.flips; i++) {
      const pod = pods[i % pods.length] as Pod;
      const name = pod.metadata.name;
      const next = !isReady.get(name);
      isReady.set(name, next);
      const status = next ? 'True' : 'False';
      const body = {
        status: {
          conditions: [
            { type: 'Ready', status },
            { type: 'ContainersReady', status },
          ],
          containerStatuses: (pod.status.containerStatuses ?? []).map((c) => ({ ...c, ready: next })),
        },
      };
      const t = now();
      const r = await kube.request(
        'PATCH',
        `/api/v1/namespaces/${ns}/pods/${name}/status`,
        body,
        'application/strategic-merge-patch+json',
      );
      if (r.status >= 300) throw new Error(`status patch: ${r.status} ${r.text.slice(0, 200)}`);
      const nth = (flipsOf.get(name) ?? 0) + 1;
      flipsOf.set(name, nth);
      sent.push({ name, text: next ? '1/1' : '0/1', t, nth });
      const wait = t0 + (i + 1) * gap - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await sleep(3000);
    const seenByName = (await page.evaluate(
      () => (window as unknown as { __ready: Record<string, Array<[string, number]>> }).__ready,
    )) as Record<string, Array<[string, number]>>;
    const latencies: number[] = [];
    for (const s of sent) {
      // The row's changes after its first render: the nth flip is the (n+1)th value seen.
      const entry = seenByName[s.name]?.[s.nth];
      if (entry && entry[0] === s.text) latencies.push(entry[1] - s.t);
    }
    const result: DomLatencyResult = {
      flips: sent.length,
      seen: latencies.length,
      rate: opts.ratePerSecond,
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(percentile(latencies, 100)),
    };
    log(
      `DOM latency (${opts.ratePerSecond} flips/s): p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} ms (${result.seen}/${result.flips} seen)`,
    );
    return result;
  } finally {
    holder.close();
    await browser?.close();
    await deleteNamespace(kube, ns);
  }
}
