import { CoreV1Api } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import {
  createDeployment,
  createTestNamespace,
  ensureCluster,
  flipReadiness,
  kubectl,
  waitFor,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import {
  expectNoSeriousA11yViolations,
  expectSameDocument,
  fullScreenshot,
  markDocument,
} from '../support/browse';

test('Deployment → ReplicaSet → Pod and back, by keyboard and links, with the YAML tab', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-nav');
  try {
    await createDeployment(kc, ns.name, 'shop', {
      replicas: 2,
      image: 'registry.invalid/shop:1',
      probes: true,
    });
    await page.goto(`/deployments?ns=${ns.name}`);
    const row = page.getByTestId('row-shop');
    await expect(row.getByRole('cell').nth(1)).toHaveText('2/2');
    await markDocument(page);

    // Keyboard: the row is the table's tab stop; Enter opens it.
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Deployment shop' })).toBeVisible();
    await expect(page.getByTestId('rollout-message')).toHaveText('deployment "shop" successfully rolled out');
    await expect(page.getByTestId('strategy')).toHaveText(
      'RollingUpdate: maxSurge 25% (1 pod), maxUnavailable 25% (0 pods)',
    );
    await expect(page.getByTestId('rollout-link')).toHaveAttribute(
      'href',
      `/deployments/${ns.name}/shop/rollout`,
    );
    // Each pod row links its pod and its node.
    await expect(page.getByTestId('pods').locator('a[href^="/pods/"]')).toHaveCount(2);
    await expect(page.getByTestId('pods').locator('a[href^="/nodes/"]')).toHaveCount(2);
    await fullScreenshot(page, screenshotPath('browse-deployment-detail.png'));
    await expectNoSeriousA11yViolations(page, 'Deployment detail');

    const rsLink = page.getByTestId('replicasets').getByRole('link');
    await expect(rsLink).toHaveCount(1);
    const rsName = ((await rsLink.textContent()) ?? '').trim();
    await rsLink.click();
    await expect(page.getByRole('heading', { name: `ReplicaSet ${rsName}` })).toBeVisible();
    await expect(page.getByTestId('replicas')).toContainText('Controlled by');
    await expect(page.getByTestId('replicas').getByRole('link', { name: 'shop' })).toBeVisible();
    await expect(page.getByTestId('pods').locator('a[href^="/pods/"]')).toHaveCount(2);
    await expectNoSeriousA11yViolations(page, 'ReplicaSet detail');

    const podLink = page.getByTestId('pods').locator('a[href^="/pods/"]').first();
    const podName = ((await podLink.textContent()) ?? '').trim();
    await podLink.click();
    await expect(page.getByRole('heading', { name: `Pod ${podName}` })).toBeVisible();
    const chain = page.getByTestId('owner-chain');
    await expect(chain.getByRole('link', { name: 'shop', exact: true })).toHaveAttribute(
      'href',
      `/deployments/${ns.name}/shop?ns=${ns.name}`,
    );
    await expect(chain.getByRole('link', { name: rsName })).toBeVisible();
    const container = page.getByTestId('container-shop');
    await expect(container).toContainText('registry.invalid/shop:1');
    await expect(container).toContainText('Running');
    await expect(container).toContainText('HTTP GET http://:8080/readyz');
    await expect(container).toContainText('→ unready');
    await expect(page.getByTestId('condition-Ready')).toContainText('True');
    await expect(page.getByTestId('health-link')).toHaveAttribute(
      'href',
      `/pods/${ns.name}/${podName}/health`,
    );
    await fullScreenshot(page, screenshotPath('browse-pod-detail.png'));
    await expectNoSeriousA11yViolations(page, 'Pod detail');

    await page.getByTestId('tab-yaml').click();
    const yaml = page.getByTestId('yaml-view');
    await expect(yaml).toContainText('kind: Pod');
    await expect(yaml).toContainText(`name: ${podName}`);
    await expect(yaml).not.toContainText('managedFields');
    await page.screenshot({ path: screenshotPath('browse-pod-yaml.png') });
    await expectNoSeriousA11yViolations(page, 'Pod YAML');

    await page.goBack();
    await expect(page.getByRole('heading', { name: `ReplicaSet ${rsName}` })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Deployment shop' })).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('row-shop')).toBeVisible();
    await expectSameDocument(page);
  } finally {
    await ns.cleanup();
  }
});

test('Service: the selected pods with their EndpointSlice state follow a readiness flip', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-svc');
  try {
    await createDeployment(kc, ns.name, 'api', { replicas: 2, image: 'registry.invalid/api:1' });
    await kubectl(['-n', ns.name, 'create', 'service', 'clusterip', 'api', '--tcp=80:8080']);
    const core = kc.makeApiClient(CoreV1Api);
    await waitFor(
      async () => {
        const pods = await core.listNamespacedPod({ namespace: ns.name });
        return pods.items.length === 2 && pods.items.every((p) => p.status?.phase === 'Running');
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'two Running pods' },
    );
    const pods = (await core.listNamespacedPod({ namespace: ns.name })).items.map(
      (p) => p.metadata?.name ?? '',
    );
    const [first = '', second = ''] = pods.sort();

    await page.goto(`/services?ns=${ns.name}`);
    await page.getByRole('link', { name: 'api', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Service api' })).toBeVisible();
    const section = page.getByTestId('service-pods');
    await expect(section.getByRole('heading')).toHaveText('Pods (2/2 ready endpoints)');
    await expect(section.getByTestId(`pod-${first}`).getByTestId('endpoint-state')).toHaveText('ready');
    await markDocument(page);

    await flipReadiness(kc, ns.name, first, false);
    await expect(section.getByTestId(`pod-${first}`).getByTestId('endpoint-state')).toHaveText('not ready');
    await expect(section.getByTestId(`pod-${first}`)).toContainText('0/1');
    await expect(section.getByTestId(`pod-${second}`).getByTestId('endpoint-state')).toHaveText('ready');
    await expect(section.getByRole('heading')).toHaveText('Pods (1/2 ready endpoints)');
    await fullScreenshot(page, screenshotPath('browse-service-detail.png'));
    await expectNoSeriousA11yViolations(page, 'Service detail');

    await flipReadiness(kc, ns.name, first, true);
    await expect(section.getByTestId(`pod-${first}`).getByTestId('endpoint-state')).toHaveText('ready');
    await expectSameDocument(page);
  } finally {
    await ns.cleanup();
  }
});

test('Secret: keys with sizes, one value revealed on request (text, or hex when binary), hidden again after leaving', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-secret');
  try {
    await kubectl(['-n', ns.name, 'apply', '-f', '-'], {
      input: `apiVersion: v1
kind: Secret
metadata: {name: db}
type: Opaque
stringData: {password: correct-horse}
data: {blob: iVBORw0KGgo=}
`,
    });
    await page.goto(`/secrets/${ns.name}/db?ns=${ns.name}`);
    await expect(page.getByRole('heading', { name: 'Secret db' })).toBeVisible();
    const password = page.getByTestId('secret-key-password');
    await expect(password).toContainText('13 B');
    await expect(password).toContainText('value hidden');
    await expect(page.getByText('correct-horse')).toHaveCount(0);

    const reveal = page.waitForRequest((r) => r.url().endsWith(`/api/secrets/${ns.name}/db/reveal`));
    await password.getByRole('button', { name: 'Reveal password' }).click();
    const request = await reveal;
    expect(request.method()).toBe('POST');
    expect(request.headers()['x-wheelhouse-csrf']).toBeTruthy();
    await expect(password.getByTestId('secret-value')).toHaveText('correct-horse');
    await expect(password.getByRole('button', { name: 'Copy' })).toBeVisible();

    const blob = page.getByTestId('secret-key-blob');
    await blob.getByRole('button', { name: 'Reveal blob' }).click();
    await expect(blob.getByTestId('secret-hex')).toHaveText('00000000  89 50 4e 47 0d 0a 1a 0a');
    await expect(blob.getByRole('button', { name: 'Download' })).toBeVisible();
    await fullScreenshot(page, screenshotPath('browse-secret-detail.png'));
    await expectNoSeriousA11yViolations(page, 'Secret detail');

    // Leaving the page forgets the values.
    await page.getByRole('link', { name: 'Secrets', exact: true }).first().click();
    await expect(page.getByTestId('row-db')).toBeVisible();
    await page.getByRole('link', { name: 'db', exact: true }).click();
    await expect(page.getByTestId('secret-key-password')).toContainText('value hidden');
    await expect(page.getByText('correct-horse')).toHaveCount(0);
  } finally {
    await ns.cleanup();
  }
});

test('the Pods of the demo namespace (the README screenshot)', async ({ page }) => {
  const { kc } = await ensureCluster();
  const core = kc.makeApiClient(CoreV1Api);
  const demo = await core.listNamespacedPod({ namespace: 'demo' }).catch(() => undefined);
  expect(
    demo?.items.length,
    'the demo namespace is seeded (tools/cluster/cluster seed; make test does it)',
  ).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1440, height: 760 });
  await page.goto('/pods?ns=demo');
  await expect(page.locator('[data-testid^="row-payments-"]').first()).toContainText('0/1');
  await expect(page.getByTestId('live-indicator')).toContainText('Live');
  await page.screenshot({ path: screenshotPath('demo-pods.png') });
  await expectNoSeriousA11yViolations(page, 'Pods');
});
