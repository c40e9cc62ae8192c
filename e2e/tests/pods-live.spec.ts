import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import {
  createDeployment,
  createTestNamespace,
  ensureCluster,
  flipReadiness,
  waitFor,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';

test('pods of a new Deployment appear, turn Running, change and disappear without a reload', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-pods');
  try {
    await page.goto(`/pods?ns=${ns.name}`);
    await expect(page.getByText(`No pods in namespace ${ns.name}`)).toBeVisible();
    await expect(page.getByTestId('live-indicator')).toContainText('Live');
    // Anything that reloads the page would drop this marker.
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });

    await createDeployment(kc, ns.name, 'hello', { replicas: 3, image: 'registry.invalid/hello:1' });
    const rows = page.locator('[data-testid^="row-hello-"]');
    await expect(rows).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await expect(rows.nth(i)).toContainText('Running');
      await expect(rows.nth(i)).toContainText('1/1');
      await expect(rows.nth(i)).toContainText(/kwok-node-\d/);
    }

    // A readiness flip shows as READY 0/1, as kubectl prints it.
    const core = kc.makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({ namespace: ns.name });
    const first = pods.items[0]?.metadata?.name ?? '';
    await flipReadiness(kc, ns.name, first, false);
    await expect(page.getByTestId(`row-${first}`)).toContainText('0/1');
    await page.screenshot({ path: screenshotPath('pods-live.png'), fullPage: true });

    await kc.makeApiClient(AppsV1Api).deleteNamespacedDeployment({ name: 'hello', namespace: ns.name });
    await expect(rows).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByText(`No pods in namespace ${ns.name}`)).toBeVisible();

    const sameDocument = await page.evaluate(
      () => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
    );
    expect(sameDocument).toBe(true);
  } finally {
    await ns.cleanup();
  }
});

test('a deep link to a namespace shows its pods and the filter narrows them', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-filter');
  try {
    await createDeployment(kc, ns.name, 'alpha', { replicas: 2, image: 'registry.invalid/alpha:1' });
    await createDeployment(kc, ns.name, 'beta', { replicas: 1, image: 'registry.invalid/beta:1' });
    const core = kc.makeApiClient(CoreV1Api);
    await waitFor(async () => (await core.listNamespacedPod({ namespace: ns.name })).items.length === 3, {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'three pods',
    });
    await page.goto(`/pods?ns=${ns.name}&q=alpha`);
    await expect(page.locator('[data-testid^="row-alpha-"]')).toHaveCount(2);
    await expect(page.locator('[data-testid^="row-beta-"]')).toHaveCount(0);
    await page.getByTestId('filter-input').fill('');
    await expect(page.locator('[data-testid^="row-alpha-"], [data-testid^="row-beta-"]')).toHaveCount(3);
    // `/` focuses the filter, as in kubectl-minded tools.
    await page.locator('body').click();
    await page.keyboard.press('/');
    await expect(page.getByTestId('filter-input')).toBeFocused();
  } finally {
    await ns.cleanup();
  }
});
