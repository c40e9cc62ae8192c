/**
 * A pod's change → its row repainted, in a big list, with one and with several tabs open on it: the
 * readiness of pods whose rows are on screen is flipped by status patches (as a failing probe would),
 * and every tab's READY_PROBE stamps when each row's READY cell changed (page wall clock, as the patch
 * is stamped). Latency per flip per tab; p50/p99 over all of them. All tabs share one BFF (one watch).
 */
import type { Browser, Page } from '@playwright/test';
import { type Kube, sleep } from './kube';
import { waitForRowCount } from './page-probes';
import { flipReadinessInTurn, type Pod, patchReadiness, READY_PROBE, seenLatencies } from './readiness';
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
      await waitForRowCount(page, total, opts.timeoutMs, 200);
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
    const { sent, ready } = await flipReadinessInTurn(kube, ns, pods, opts);
    const latencies: number[] = [];
    let minSeen = Number.POSITIVE_INFINITY;
    for (const page of pages) {
      const seen = await seenLatencies(page, sent);
      latencies.push(...seen);
      minSeen = Math.min(minSeen, seen.length);
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
      await patchReadiness(kube, ns, pods.find((p) => p.metadata.name === name) as Pod, true);
    }
    return result;
  } finally {
    await context.close();
  }
}
