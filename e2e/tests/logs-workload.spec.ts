import { readFile } from 'node:fs/promises';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { expect, type Page, test } from '@playwright/test';
import {
  appendPodLog,
  createDeployment,
  createTestNamespace,
  ensureCluster,
  kubectl,
  waitFor,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { expectNoSeriousA11yViolations, expectSameDocument, markDocument } from '../support/browse';

async function runningPods(kc: KubeConfig, namespace: string, count: number, not: string[] = []) {
  const core = kc.makeApiClient(CoreV1Api);
  return waitFor(
    async () => {
      const items = (await core.listNamespacedPod({ namespace, labelSelector: 'app=shop' })).items;
      const names = items
        .filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp)
        .map((p) => p.metadata?.name ?? '');
      return items.length === count && names.length === count && names.every((n) => !not.includes(n))
        ? names.sort()
        : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 250, what: `${count} running shop pods` },
  );
}

/** Lines of the viewer holding `text`, and the pods their prefixes name. */
async function podsWithLine(page: Page, text: string): Promise<string[]> {
  const prefixes = await page
    .getByTestId('log-line')
    .filter({ hasText: text })
    .getByTestId('log-prefix')
    .allInnerTexts();
  return prefixes.map((p) => p.trim().replace(/^\[pod\/(.*)\]$/, '$1')).sort();
}

test('a Deployment’s Logs tab merges its pods’ lines, follows a rollout without a reload, filters, and keeps markup as text', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-wlogs');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await createDeployment(kc, ns.name, 'shop', { replicas: 3, image: 'registry.invalid/shop:1' });
    const first = await runningPods(kc, ns.name, 3);

    await page.goto(`/deployments/${ns.name}/shop?tab=logs&ns=${ns.name}`);
    await markDocument(page);
    await expect(page.getByTestId('log-state')).toHaveText('Following 3 pods');
    for (const name of first) await expect(page.getByTestId(`log-pod-${name}`)).toBeVisible();

    // End-to-end latency of a line: appended to the file KWOK serves → on screen in the browser.
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const marker = `tick-${i}-${ns.name}`;
      const t0 = Date.now();
      await appendPodLog(`INFO ${marker}`);
      await page.waitForFunction(
        (m) => document.querySelector('[data-testid="log-output"]')?.textContent?.includes(m),
        marker,
        { polling: 'raf', timeout: 15_000 },
      );
      latencies.push(Date.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    const report = `log line latency (append → visible), 5 runs: median ${latencies[2]} ms, min ${latencies[0]} ms, max ${latencies[4]} ms`;
    console.log(report);
    test.info().annotations.push({ type: 'latency', description: report });

    // Every pod's copy of a line, prefixed with its pod; markup stays text, colour codes are colours.
    const hostile = `hostile-${ns.name}`;
    await appendPodLog(`WARN ${hostile} \u001b[31mred-${ns.name}\u001b[0m <img src=x onerror=alert(1)>`);
    await expect.poll(() => podsWithLine(page, hostile)).toEqual(first);
    const output = page.getByTestId('log-output');
    await expect(output.locator('img')).toHaveCount(0);
    await expect(output.getByText('<img src=x onerror=alert(1)>').first()).toBeVisible();
    await expect(output.getByText(`red-${ns.name}`).first()).toHaveCSS('color', 'rgb(248, 113, 113)');
    await expect(output).not.toContainText('\u001b[31m');

    // The filter narrows across pods; "only matching" off shows every line with the matches marked.
    await appendPodLog(`INFO alpha-${ns.name}\nINFO beta-${ns.name}`);
    await expect.poll(() => podsWithLine(page, `beta-${ns.name}`)).toEqual(first);
    await page.getByTestId('log-filter').fill(`beta-${ns.name}`);
    await expect(page.getByTestId('log-line')).toHaveCount(3);
    await expect(output).not.toContainText(`alpha-${ns.name}`);
    await expect(page).toHaveURL(new RegExp(`filter=beta-${ns.name}`));
    await page.getByTestId('log-only-matching').click();
    await expect(output).toContainText(`alpha-${ns.name}`);
    await expect(output.locator('mark')).toHaveCount(3);
    await page.getByTestId('log-only-matching').click();
    // The download is what is shown: the matching lines, prefixed, without terminal codes.
    const download = page.waitForEvent('download');
    await page.getByTestId('log-download').click();
    const saved = await readFile(await (await download).path(), 'utf8');
    expect(saved.trim().split('\n').sort()).toEqual(first.map((p) => `[pod/${p}] INFO beta-${ns.name}`));
    await page.getByTestId('log-filter').fill('');
    await page.screenshot({ path: screenshotPath('workload-logs.png') });
    await expectNoSeriousA11yViolations(page, 'the Logs tab of a Deployment');

    // A rollout: the new pods join, the old ones are marked gone, in the same page.
    await kubectl(['-n', ns.name, 'set', 'image', 'deployment/shop', 'shop=registry.invalid/shop:2']);
    const second = await runningPods(kc, ns.name, 3, first);
    for (const name of first) {
      await expect(page.getByTestId(`log-pod-${name}`)).toHaveAttribute('data-state', 'gone');
    }
    for (const name of second) {
      await expect(page.getByTestId(`log-pod-${name}`)).toHaveAttribute('data-state', 'Running');
    }
    const after = `after-rollout-${ns.name}`;
    await appendPodLog(`INFO ${after}`);
    await expect.poll(() => podsWithLine(page, after), { timeout: 20_000 }).toEqual(second);
    await expect(page.getByTestId('log-state')).toHaveText('Following 3 pods');
    await expectSameDocument(page);
    await page.screenshot({ path: screenshotPath('workload-logs-rollout.png') });
    expect(dialogs).toEqual([]);
  } finally {
    await ns.cleanup();
  }
});

test('keyboard only: filter the logs of a list’s selector and hide a pod; an unscheduled pod says it has no logs yet', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-wlogs-kb');
  try {
    await createDeployment(kc, ns.name, 'shop', { replicas: 2, image: 'registry.invalid/shop:1' });
    await kc.makeApiClient(CoreV1Api).createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: 'unscheduled' },
        spec: {
          nodeSelector: { 'wheelhouse.test/no-such-node': 'true' },
          containers: [{ name: 'main', image: 'registry.invalid/main:1' }],
        },
      },
    });
    const pods = await runningPods(kc, ns.name, 2);

    await page.goto(`/pods/${ns.name}/unscheduled?tab=logs&ns=${ns.name}`);
    await expect(page.getByTestId('log-no-logs')).toHaveText('No logs yet: the pod is not running (Pending)');
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.goto(`/pods?ns=${ns.name}&l=app%3Dshop`);
    await page.getByTestId('selector-logs').click();
    await expect(page).toHaveURL(/\/logs\?ns=.*&l=app%3Dshop/);
    await expect(page.getByTestId('log-state')).toHaveText('Following 2 pods');
    const marker = `kb-${ns.name}`;
    await appendPodLog(`INFO ${marker}`);
    await expect.poll(() => podsWithLine(page, marker)).toEqual(pods);

    // Tab to the filter, type, Tab on to the first pod's toggle and press Space.
    const focusedTestId = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    for (let i = 0; i < 60 && (await focusedTestId()) !== 'log-filter'; i++) await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('log-filter');
    await page.keyboard.type(marker);
    await expect(page.getByTestId('log-line')).toHaveCount(2);
    for (let i = 0; i < 30 && (await focusedTestId()) !== `log-pod-${pods[0]}`; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByTestId(`log-pod-${pods[0]}`)).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => podsWithLine(page, marker)).toEqual([pods[1]]);

    // Paused, lines keep arriving (counted on the button); resuming shows them.
    await page.getByTestId('log-filter').fill('');
    await page.getByTestId('log-pause').click();
    const late = `late-${ns.name}`;
    await appendPodLog(`INFO ${late}`);
    await expect(page.getByTestId('log-pause')).toHaveText(/^Resume \(\d+ new\)$/);
    await page.getByTestId('log-pause').click();
    await expect.poll(() => podsWithLine(page, late)).toEqual([pods[1]]);
    await expectNoSeriousA11yViolations(page, 'the logs of a selector');
  } finally {
    await ns.cleanup();
  }
});
