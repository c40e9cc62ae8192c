import { expect, test } from '@playwright/test';
import {
  createDeployment,
  createTestNamespace,
  ensureCluster,
  kubectl,
  type TestNamespace,
  waitFor,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { expectNoSeriousA11yViolations } from '../support/browse';
import { replaceEditorText } from '../support/edit';

/**
 * Create from YAML, delete (one Pod from its page, ConfigMaps from a multi-row selection) and the
 * Secret key editor, against the real apiserver, each seen live in the lists.
 */

const twoDocuments = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
        - name: shop
          image: registry.invalid/shop:1
---
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector: {app: shop}
  ports:
    - port: 80
      targetPort: 8080
`;

test.describe('create, delete and key editors', () => {
  let ns: TestNamespace;
  test.beforeEach(async () => {
    const { kc } = await ensureCluster();
    ns = await createTestNamespace(kc, 'e2e-edit-objects');
  });
  test.afterEach(async () => {
    await ns?.cleanup();
  });

  test('create a Deployment and a Service from one paste: reviewed per document, both appear live', async ({
    page,
  }) => {
    await page.goto(`/deployments?ns=${ns.name}`);
    await expect(page.getByTestId('row-count')).toHaveText('0 deployments');
    await page.getByTestId('create-button').click();
    const dialog = page.getByRole('dialog', { name: 'Create from YAML' });
    await expect(dialog.getByTestId('create-namespace')).toHaveValue(ns.name);
    await replaceEditorText(page, dialog.getByTestId('yaml-editor'), twoDocuments);
    await dialog.getByTestId('create-review').click();
    await expect(dialog.getByTestId('apply-result-0')).toContainText(
      `Deployment/shop in ${ns.name} would be created`,
    );
    await expect(dialog.getByTestId('apply-result-1')).toContainText('Service/shop');
    await expect(dialog.getByTestId('apply-result-1')).toContainText('would be created');
    await dialog
      .getByTestId('apply-result-0')
      .getByText(/Your document/)
      .click();
    await expect(dialog.getByTestId('apply-diff-0')).toBeVisible();
    await page.screenshot({ path: screenshotPath('edit-create-review.png') });
    await expectNoSeriousA11yViolations(page, 'the create dialog');
    // The dry run wrote nothing.
    expect((await kubectl(['-n', ns.name, 'get', 'deployments,services', '-o', 'name'])).trim()).toBe('');

    await dialog.getByTestId('create-apply').click();
    await expect(dialog.getByTestId('apply-result-0').getByTestId('outcome')).toHaveText('created');
    await expect(dialog.getByTestId('apply-result-1').getByTestId('outcome')).toHaveText('created');
    await dialog.getByTestId('create-done').click();
    await expect(page.getByTestId('row-shop')).toBeVisible();
    await page.getByRole('link', { name: 'Services' }).click();
    await expect(page.getByTestId('row-shop')).toBeVisible();
  });

  test('delete a Pod from its page: it goes Terminating and its ReplicaSet’s replacement appears', async ({
    page,
  }) => {
    const { kc } = await ensureCluster();
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    const first = await waitFor(
      async () =>
        (await kubectl(['-n', ns.name, 'get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}'])).trim() ||
        undefined,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the first pod' },
    );
    // A finalizer holds the deleted pod in Terminating until the test lets it go, so that state can be seen.
    const hold = JSON.stringify({ metadata: { finalizers: ['wheelhouse.dev/e2e-hold'] } });
    await kubectl(['-n', ns.name, 'patch', 'pod', first, '--type=merge', '-p', hold]);
    await page.goto(`/pods/${ns.name}/${first}?ns=${ns.name}`);
    await page.getByTestId('delete-object').click();
    const dialog = page.getByRole('dialog', { name: `Delete pod/${first}` });
    await expect(dialog).toContainText(/Its ReplicaSet web-\w+ will replace it\./);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: screenshotPath('edit-delete-pod.png') });
    await expectNoSeriousA11yViolations(page, 'the delete dialog');
    await dialog.getByTestId('confirm').click();
    await expect(page).toHaveURL(new RegExp(`/pods\\?ns=${ns.name}`));
    await expect(page.getByTestId(`row-${first}`)).toContainText('Terminating');
    const replacement = page.locator('[data-testid^="row-web-"]').filter({ hasNotText: first });
    await expect(replacement).toHaveCount(1, { timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('edit-delete-pod-terminating.png') });
    await kubectl([
      '-n',
      ns.name,
      'patch',
      'pod',
      first,
      '--type=json',
      '-p',
      '[{"op":"remove","path":"/metadata/finalizers"}]',
    ]);
    await expect(page.getByTestId(`row-${first}`)).toHaveCount(0, { timeout: 60_000 });
  });

  test('select Pods in the list (rows on the wire) and delete them: each named with its ReplicaSet, both replaced', async ({
    page,
  }) => {
    const { kc } = await ensureCluster();
    await createDeployment(kc, ns.name, 'web', { replicas: 2, image: 'registry.invalid/web:1' });
    const names = await waitFor(
      async () => {
        const out = await kubectl(['-n', ns.name, 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']);
        const found = out.trim().split(/\s+/).filter(Boolean);
        return found.length === 2 ? found : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'the two pods' },
    );
    await page.goto(`/pods?ns=${ns.name}`);
    await page.getByTestId('select-rows').click();
    for (const name of names) await page.getByTestId(`select-${name}`).check();
    await page.getByTestId('delete-selected').click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 Pods' });
    for (const name of names) {
      await expect(dialog.getByTestId(`delete-item-${name}`)).toContainText(
        /Its ReplicaSet web-\w+ will replace it\./,
      );
    }
    await dialog.getByTestId('confirm').click();
    for (const name of names)
      await expect(page.getByTestId(`row-${name}`)).toHaveCount(0, { timeout: 30_000 });
    const replacements = page.locator('[data-testid^="row-web-"]');
    await expect(replacements).toHaveCount(2, { timeout: 30_000 });
  });

  test('select ConfigMaps in the list and delete them together', async ({ page }) => {
    for (const name of ['keep', 'gone-a', 'gone-b']) {
      await kubectl(['-n', ns.name, 'create', 'configmap', name, `--from-literal=k=${name}`]);
    }
    await page.goto(`/configmaps?ns=${ns.name}`);
    await page.getByTestId('select-rows').click();
    await page.getByTestId('select-gone-a').check();
    await page.getByTestId('select-gone-b').check();
    await page.getByTestId('delete-selected').click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 ConfigMaps' });
    await expect(dialog.getByTestId('delete-plan')).toContainText('configmap/gone-a');
    await expect(dialog.getByTestId('delete-plan')).toContainText('configmap/gone-b');
    await page.screenshot({ path: screenshotPath('edit-delete-configmaps.png') });
    await dialog.getByTestId('confirm').click();
    await expect(page.getByTestId('row-gone-a')).toHaveCount(0);
    await expect(page.getByTestId('row-gone-b')).toHaveCount(0);
    await expect(page.getByTestId('row-keep')).toBeVisible();
    expect((await kubectl(['-n', ns.name, 'get', 'configmaps', '-o', 'name'])).split('\n')).toContain(
      'configmap/keep',
    );
  });

  test('edit one Secret key without revealing the others: they stay byte-identical, binary included', async ({
    page,
  }) => {
    const binary = Buffer.from([0x00, 0xff, 0x10, 0x80, 0xfe]).toString('base64');
    await kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'db', namespace: ns.name },
        type: 'Opaque',
        data: {
          password: Buffer.from('s3cret').toString('base64'),
          'blob.bin': binary,
          token: Buffer.from('t0k').toString('base64'),
        },
      }),
    });
    const before = JSON.parse(await kubectl(['-n', ns.name, 'get', 'secret', 'db', '-o', 'json'])) as {
      data: Record<string, string>;
    };
    await page.goto(`/secrets/${ns.name}/db?ns=${ns.name}`);
    await page.getByTestId('edit-keys').click();
    const row = page.getByTestId('key-row-token');
    await row.getByRole('button', { name: 'Type a new value' }).click();
    await row.getByLabel('Value of token').fill('n3w-t0ken');
    await expect(page.getByTestId('keys-summary')).toHaveText('Will set token.');
    await page.screenshot({ path: screenshotPath('edit-secret-keys.png') });
    await expectNoSeriousA11yViolations(page, 'the key editor');
    await page.getByTestId('keys-save').click();
    await expect(page.getByTestId('keys-saved')).toContainText('Saved: set token.');

    const after = JSON.parse(await kubectl(['-n', ns.name, 'get', 'secret', 'db', '-o', 'json'])) as {
      data: Record<string, string>;
    };
    expect(Buffer.from(after.data.token ?? '', 'base64').toString()).toBe('n3w-t0ken');
    expect(after.data.password).toBe(before.data.password);
    expect(after.data['blob.bin']).toBe(binary);
  });
});
