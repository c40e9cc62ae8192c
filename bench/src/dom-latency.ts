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
import { flipReadinessInTurn, type Pod, READY_PROBE, seenLatencies } from './readiness';
import { percentile, round } from './stats';

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

    const { sent } = await flipReadinessInTurn(kube, ns, pods, opts);
    const latencies = await seenLatencies(page, sent);
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
