import { CoreV1Api } from '@kubernetes/client-node';
import { expect, type Page, test } from '@playwright/test';
import { createDeployment, createTestNamespace, ensureCluster, waitFor } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { BffProcess, freePort } from '../support/bff-process';

/** Pod names the page shows (the table is virtualised: fine for a handful of pods). */
async function rowNames(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="row-"]:not([data-testid="row-count"])')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^row-/, '')).sort());
}

test.describe('fault: the BFF restarts under an open page', () => {
  // Their own stage of make test (scripts/test.sh "e2e: faults"): playwright.config.ts only
  // includes them when WHEELHOUSE_E2E_FAULTS=1.
  test.setTimeout(180_000);

  test('the page reconnects, re-subscribes by itself within 5 s and shows pods created while the BFF was down', async ({
    page,
  }) => {
    const kubeconfig = process.env.WHEELHOUSE_KUBECONFIG as string;
    const { kc } = await ensureCluster();
    const core = kc.makeApiClient(CoreV1Api);
    const ns = await createTestNamespace(kc, 'e2e-bff-restart');
    // A BFF of this test's own (Playwright's webServer one is left alone), killed and started by PID.
    const bff = new BffProcess(await freePort(), kubeconfig);
    try {
      await bff.start();
      await createDeployment(kc, ns.name, 'before', { replicas: 2, image: 'registry.invalid/before:1' });
      await page.goto(`${bff.url}/pods?ns=${ns.name}`);
      await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live');
      await expect(page.locator('[data-testid^="row-before-"]')).toHaveCount(2);
      await page.evaluate(() => {
        (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      });

      await bff.kill('SIGKILL');
      await expect(page.getByTestId('live-indicator')).not.toHaveAttribute('data-state', 'live', {
        timeout: 10_000,
      });
      // The world moves on while nobody is watching for the page.
      await createDeployment(kc, ns.name, 'during', { replicas: 2, image: 'registry.invalid/during:1' });
      const expected = await waitFor(
        async () => {
          const pods = await core.listNamespacedPod({ namespace: ns.name });
          const names = pods.items.map((p) => p.metadata?.name ?? '').sort();
          return names.filter((n) => n.startsWith('during-')).length === 2 ? names : false;
        },
        { timeoutMs: 30_000, intervalMs: 100, what: 'the pods of "during" to exist' },
      );
      await page.screenshot({ path: screenshotPath('faults-bff-down.png') });

      await bff.start();
      const restartedAt = Date.now();
      // Back by itself: no reload, no click, live again and showing the pods made while it was down.
      await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live', {
        timeout: 5_000,
      });
      await expect(page.locator('[data-testid^="row-during-"]')).toHaveCount(2, {
        timeout: Math.max(1, 5_000 - (Date.now() - restartedAt)),
      });
      const recoveredMs = Date.now() - restartedAt;
      test.info().annotations.push({ type: 'recovered after restart', description: `${recoveredMs} ms` });
      console.log(`BFF restart: live with the new pods ${recoveredMs} ms after the server was back`);
      expect(recoveredMs).toBeLessThanOrEqual(5_000);

      // Exactly the pods a fresh LIST has: none missing, no ghosts.
      const list = (await core.listNamespacedPod({ namespace: ns.name })).items
        .map((p) => p.metadata?.name ?? '')
        .sort();
      expect(list).toEqual(expected);
      await expect.poll(() => rowNames(page), { timeout: 5_000 }).toEqual(list);
      const sameDocument = await page.evaluate(
        () => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
      );
      expect(sameDocument).toBe(true);
      await page.screenshot({ path: screenshotPath('faults-bff-recovered.png') });
    } finally {
      await bff.kill('SIGTERM');
      await ns.cleanup();
    }
  });
});
