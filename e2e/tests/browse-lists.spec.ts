import { expect, type Page, test } from '@playwright/test';
import { createDeployment, createTestNamespace, ensureCluster, kubectl } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import {
  expectNoSeriousA11yViolations,
  expectSameDocument,
  fullScreenshot,
  markDocument,
  rowCells,
} from '../support/browse';

/** Every list view, live: an object added, changed and deleted shows without a reload. */

async function openList(page: Page, kind: string, ns: string, emptyNoun: string) {
  await page.goto(`/${kind}?ns=${ns}`);
  await expect(page.getByTestId('live-indicator')).toContainText('Live');
  if (emptyNoun) await expect(page.getByText(`No ${emptyNoun} in namespace ${ns}`)).toBeVisible();
  await markDocument(page);
}

test('Deployments and ReplicaSets: a new Deployment, scaled, then deleted', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-deploy');
  try {
    await openList(page, 'deployments', ns.name, 'deployments');
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    const row = page.getByTestId('row-web');
    await expect(row).toBeVisible();
    await expect
      .poll(() => rowCells(page, 'web'))
      .toEqual([
        'web',
        '1/1',
        '1',
        '1',
        expect.stringMatching(/^\d+s$/),
        'web',
        'registry.invalid/web:1',
        'app=web',
      ]);

    await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=3']);
    await expect(row.getByRole('cell').nth(1)).toHaveText('3/3');
    await expect(page.getByTestId('row-count')).toHaveText('1 deployment');
    await page.screenshot({ path: screenshotPath('browse-deployments.png') });
    await expectNoSeriousA11yViolations(page, 'Deployments');

    // The ReplicaSet list of the same namespace: one ReplicaSet owned by the Deployment.
    await page.getByRole('link', { name: 'ReplicaSets' }).click();
    const rs = page.locator('[data-testid^="row-web-"]');
    await expect(rs).toHaveCount(1);
    // Each kind has its own watch: the ReplicaSet's status may arrive a moment after the Deployment's.
    await expect
      .poll(async () => (await rs.getByRole('cell').allInnerTexts()).slice(1, 4))
      .toEqual(['3', '3', '3']);
    const rsCells = await rs.getByRole('cell').allInnerTexts();
    expect(rsCells[7]).toMatch(/^app=web,pod-template-hash=[a-z0-9]+$/);
    expect(rsCells[8]).toBe('Deployment/web');
    await page.screenshot({ path: screenshotPath('browse-replicasets.png') });
    await expectNoSeriousA11yViolations(page, 'ReplicaSets');

    await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=1']);
    await expect(rs.getByRole('cell').nth(1)).toHaveText('1');
    await kubectl(['-n', ns.name, 'delete', 'deployment/web', '--wait=false']);
    await expect(rs).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByText(`No replicasets in namespace ${ns.name}`)).toBeVisible();
    await expectSameDocument(page);
  } finally {
    await ns.cleanup();
  }
});

test('Services: ports as kubectl prints them, changed and deleted live', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-svc');
  try {
    await openList(page, 'services', ns.name, 'services');
    await kubectl(['-n', ns.name, 'apply', '-f', '-'], {
      input: `apiVersion: v1
kind: Service
metadata: {name: shop, labels: {app: shop}}
spec:
  type: NodePort
  selector: {app: shop, tier: web}
  ports:
  - {name: http, port: 80, targetPort: 8080, nodePort: 30080}
`,
    });
    const row = page.getByTestId('row-shop');
    await expect(row).toBeVisible();
    const cells = await rowCells(page, 'shop');
    expect(cells[1]).toBe('NodePort');
    expect(cells[2]).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(cells[3]).toBe('<none>');
    expect(cells[4]).toBe('80:30080/TCP');
    expect(cells[6]).toBe('app=shop,tier=web');

    await kubectl([
      '-n',
      ns.name,
      'patch',
      'service/shop',
      '--type=merge',
      '-p',
      '{"spec":{"type":"ClusterIP","ports":[{"name":"http","port":80,"targetPort":8080},{"name":"dns","port":53,"protocol":"UDP"}]}}',
    ]);
    await expect(row.getByRole('cell').nth(4)).toHaveText('80/TCP,53/UDP');
    await expect(row.getByRole('cell').nth(1)).toHaveText('ClusterIP');
    await page.screenshot({ path: screenshotPath('browse-services.png') });
    await expectNoSeriousA11yViolations(page, 'Services');

    await kubectl(['-n', ns.name, 'delete', 'service/shop']);
    await expect(row).toHaveCount(0);
    await expectSameDocument(page);
  } finally {
    await ns.cleanup();
  }
});

test('ConfigMaps and Secrets: DATA counts follow edits; deletions disappear', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-data');
  try {
    // Every namespace gets kube-root-ca.crt, so the ConfigMap list is never empty.
    await page.goto(`/configmaps?ns=${ns.name}`);
    await expect(page.getByTestId('row-kube-root-ca.crt')).toBeVisible();
    await markDocument(page);
    await kubectl([
      '-n',
      ns.name,
      'create',
      'configmap',
      'settings',
      '--from-literal=a=1',
      '--from-literal=b=2',
    ]);
    const cm = page.getByTestId('row-settings');
    await expect(cm.getByRole('cell').nth(1)).toHaveText('2');
    await kubectl([
      '-n',
      ns.name,
      'patch',
      'configmap/settings',
      '--type=merge',
      '-p',
      '{"data":{"c":"3"},"binaryData":{"d":"AAE="}}',
    ]);
    await expect(cm.getByRole('cell').nth(1)).toHaveText('4');
    await page.screenshot({ path: screenshotPath('browse-configmaps.png') });
    await expectNoSeriousA11yViolations(page, 'ConfigMaps');

    // Its page: text values per key, binary ones marked with their size.
    await page.getByRole('link', { name: 'settings', exact: true }).click();
    await expect(page.getByTestId('data-a')).toContainText('1');
    await expect(page.getByTestId('data-d')).toContainText('binary, 2 B');
    await fullScreenshot(page, screenshotPath('browse-configmap-detail.png'));
    await expectNoSeriousA11yViolations(page, 'ConfigMap detail');
    await page.goBack();
    await kubectl(['-n', ns.name, 'delete', 'configmap/settings']);
    await expect(cm).toHaveCount(0);

    await page.getByRole('link', { name: 'Secrets' }).click();
    await expect(page.getByText(`No secrets in namespace ${ns.name}`)).toBeVisible();
    await kubectl(['-n', ns.name, 'create', 'secret', 'generic', 'db', '--from-literal=password=s3cret']);
    const secret = page.getByTestId('row-db');
    await expect
      .poll(() => rowCells(page, 'db'))
      .toEqual(['db', 'Opaque', '1', expect.stringMatching(/^\d+s$/)]);
    await kubectl([
      '-n',
      ns.name,
      'patch',
      'secret/db',
      '--type=merge',
      '-p',
      '{"stringData":{"user":"admin"}}',
    ]);
    await expect(secret.getByRole('cell').nth(2)).toHaveText('2');
    await page.screenshot({ path: screenshotPath('browse-secrets.png') });
    await expectNoSeriousA11yViolations(page, 'Secrets');
    await kubectl(['-n', ns.name, 'delete', 'secret/db']);
    await expect(secret).toHaveCount(0);
    await expectSameDocument(page);
  } finally {
    await ns.cleanup();
  }
});

test('label selector: an invalid expression points at the problem and keeps the list; a valid one narrows it on the server', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-selector');
  try {
    await createDeployment(kc, ns.name, 'alpha', {
      replicas: 1,
      image: 'registry.invalid/a:1',
      labels: { tier: 'web' },
    });
    await createDeployment(kc, ns.name, 'beta', {
      replicas: 1,
      image: 'registry.invalid/b:1',
      labels: { tier: 'db' },
    });
    await page.goto(`/deployments?ns=${ns.name}`);
    await expect(page.getByTestId('row-count')).toHaveText('2 deployments');
    await markDocument(page);

    const input = page.getByTestId('selector-input');
    await input.fill('tier in (web');
    await expect(page.getByTestId('selector-error')).toContainText(
      "found end of string, expected: ',' or ')'",
    );
    await expect(page.getByTestId('selector-caret')).toHaveText(`${' '.repeat(12)}^`);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('row-count')).toHaveText('2 deployments');
    await page.screenshot({ path: screenshotPath('browse-selector-invalid.png') });
    await expectNoSeriousA11yViolations(page, 'Deployments with an invalid selector');

    await input.fill('tier in (web)');
    await expect(page.getByTestId('selector-error')).toHaveCount(0);
    await expect(page.getByTestId('row-alpha')).toBeVisible();
    await expect(page.getByTestId('row-beta')).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]l=tier\+in\+%28web%29/);

    // Live through the selector: a new matching Deployment appears, a non-matching one does not.
    await createDeployment(kc, ns.name, 'gamma', {
      replicas: 1,
      image: 'registry.invalid/g:1',
      labels: { tier: 'web' },
    });
    await createDeployment(kc, ns.name, 'delta', {
      replicas: 1,
      image: 'registry.invalid/d:1',
      labels: { tier: 'db' },
    });
    await expect(page.getByTestId('row-gamma')).toBeVisible();
    await expect(page.getByTestId('row-count')).toHaveText('2 deployments');

    // A label chip on a detail page adds key=value to the selector the list had.
    await page.getByRole('link', { name: 'alpha', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Deployment alpha' })).toBeVisible();
    await page.getByTestId('label-app').click();
    await expect(page).toHaveURL(/\/deployments\?ns=[^&]+&l=tier\+in\+%28web%29%2Capp%3Dalpha$/);
    await expect(page.getByTestId('selector-input')).toHaveValue('tier in (web),app=alpha');
    await expect(page.getByTestId('row-count')).toHaveText('1 deployment');

    // The same selector on the Pods list.
    await page.getByRole('link', { name: 'Pods', exact: true }).click();
    await expect(page.locator('[data-testid^="row-alpha-"]')).toHaveCount(1);
    await expect(page.locator('[data-testid^="row-beta-"]')).toHaveCount(0);
    await expect(page.getByTestId('selector-input')).toHaveValue('tier in (web),app=alpha');
    await page.screenshot({ path: screenshotPath('browse-pods-selector.png') });
    await expectNoSeriousA11yViolations(page, 'Pods');
    await expectSameDocument(page);
  } finally {
    await ns.cleanup();
  }
});

test('the theme toggle switches to dark mode and it sticks across a reload', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-dark');
  try {
    await createDeployment(kc, ns.name, 'web', { replicas: 2, image: 'registry.invalid/web:1' });
    await kubectl(['-n', ns.name, 'create', 'service', 'clusterip', 'web', '--tcp=80:8080']);
    await page.goto(`/deployments?ns=${ns.name}`);
    await expect(page.getByTestId('row-web')).toBeVisible();
    const toggle = page.getByTestId('theme-toggle');
    // System → Light → Dark.
    for (let i = 0; i < 3 && (await page.locator('html.dark').count()) === 0; i++) await toggle.click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(toggle).toHaveAttribute('aria-label', /Dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(page.getByTestId('row-web').getByRole('cell').nth(1)).toHaveText('2/2');
    await page.screenshot({ path: screenshotPath('browse-dark-deployments.png') });
    await expectNoSeriousA11yViolations(page, 'Deployments, dark');

    await page.goto(`/services/${ns.name}/web?ns=${ns.name}`);
    await expect(page.getByTestId('service-pods').getByRole('heading')).toHaveText(
      'Pods (2/2 ready endpoints)',
    );
    await fullScreenshot(page, screenshotPath('browse-dark-service.png'));
    await expectNoSeriousA11yViolations(page, 'Service detail, dark');

    // The YAML view keeps its contrast in the dark theme.
    await page.getByTestId('tab-yaml').click();
    await expect(page.getByTestId('yaml-view')).toContainText('kind: Service');
    await page.screenshot({ path: screenshotPath('browse-dark-yaml.png') });
    await expectNoSeriousA11yViolations(page, 'YAML, dark');
  } finally {
    await ns.cleanup();
  }
});
