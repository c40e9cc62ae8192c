/**
 * A pod's change → its row repainted, in a big list, with one and with several tabs open on it: the
 * readiness of pods whose rows are on screen is flipped by status patches (as a failing probe would),
 * and every tab's READY_PROBE stamps when each row's READY cell changed (page wall clock, as the patch
 * is stamped). Latency per flip per tab; p50/p99 over all of them. All tabs share one BFF (one watch).
 */
import type { Browser, Page } from '@playwright/test';
import { READY_PROBE } from './dom-latency';
import { type Kube, sleep } from './kube';
import { now } from './patcher';
import { percentile, round } from './stats';

export interface RepaintResult {
  tabs: number;
  pods: number;
  flips: number;
  /** Flips matched to a repaint, fewest over the tabs. */
  minSeenByATab: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Pod {
  metadata: { name: string };
  status: { containerStatuses?: Array<Record<string, unknown>> };
}

export async function measureRepaint(
  kube: Kube,
  browser: Browser,
  url: string,
  ns: string,
  total: number,
  opts: { tabs: number; flips: number; ratePerSecond: number; timeoutMs: number },
  log: (s: string) => void,
): Promise<RepaintResult> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1400, height: 1600 } });
  try {
    await context.addInitScript(READY_PROBE);
    const pages: Page[] = [];
    for (let i = 0; i < opts.tabs; i++) {
      const page = await context.newPage();
      await page.goto(`/pods?ns=${ns}`);
      await page.waitForFunction(
        (n) => {
          const m = /^\s*([\d,]+) pods?\s*$/.exec(
            document.querySelector('[data-testid="row-count"]')?.textContent ?? '',
          );
          return m !== null && Number((m[1] as string).replace(/,/g, '')) >= n;
        },
        total,
        { timeout: opts.timeoutMs, polling: 200 },
      );
      pages.push(page);
    }
    await sleep(1000);
    // The pods on screen in every tab (same sort, same viewport): up to 20 of the first rows.
    const names = (
      await (pages[0] as Page)
        .locator('[data-testid^="row-"]:not([data-testid="row-count"])')
        .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').slice(4)))
    ).slice(0, 20);
    if (names.length === 0) throw new Error('repaint: no rows on screen');
    const pods = await Promise.all(
      names.map((n) => kube.json<Pod>('GET', `/api/v1/namespaces/${ns}/pods/${n}`)),
    );
    const ready = new Map(names.map((n) => [n, true]));
    const sent: Array<{ name: string; text: string; t: number; nth: number }> = [];
    const flipsOf = new Map<string, number>();
    const gap = 1000 / opts.ratePerSecond;
    const t0 = performance.now();
    for (let i = 0; i < opts.flips; i++) {
      const pod = pods[i % pods.length] as Pod;
      const name = pod.metadata.name;
      const next = !ready.get(name);
      ready.set(name, next);
      const status = next ? 'True' : 'False';
      const t = now();
      const r = await kube.request(
        'PATCH',
        `/api/v1/namespaces/${ns}/pods/${name}/status`,
        {
          status: {
            conditions: [
              { type: 'Ready', status },
              { type: 'ContainersReady', status },
            ],
            containerStatuses: (pod.status.containerStatuses ?? []).map((c) => ({ ...c, ready: next })),
          },
        },
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
    const latencies: number[] = [];
    let minSeen = Number.POSITIVE_INFINITY;
    for (const page of pages) {
      const seenByName = (await page.evaluate(
        () => (window as unknown as { __ready: Record<string, Array<[string, number]>> }).__ready,
      )) as Record<string, Array<[string, number]>>;
      let seen = 0;
      for (const s of sent) {
        // The row's values after its first render: the nth flip is the (n+1)th value seen.
        const entry = seenByName[s.name]?.[s.nth];
        if (entry && entry[0] === s.text) {
          latencies.push(entry[1] - s.t);
          seen++;
        }
      }
      minSeen = Math.min(minSeen, seen);
    }
    const result: RepaintResult = {
      tabs: opts.tabs,
      pods: total,
      flips: sent.length,
      minSeenByATab: minSeen,
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(percentile(latencies, 100)),
    };
    log(
      `repaint ${total} pods, ${opts.tabs} tab(s): p50 ${result.p50} p99 ${result.p99} ms (${minSeen}/${sent.length} seen by every tab)`,
    );
    // Leave the pods as they were (Ready), so later measurements see the same list.
    for (const [name, isReady] of ready) {
      if (isReady) continue;
      const pod = pods.find((p) => p.metadata.name === name) as Pod;
      await kube.request(
        'PATCH',
        `/api/v1/namespaces/${ns}/pods/${name}/status`,
        {
          status: {
            conditions: [
              { type: 'Ready', status: 'True' },
              { type: 'ContainersReady', status: 'True' },
            ],
            containerStatuses: (pod.status.containerStatuses ?? []).map((c) => ({ ...c, ready: true })),
          },
        },
        'application/strategic-merge-patch+json',
      );
    }
    return result;
  } finally {
    await context.close();
  }
}
