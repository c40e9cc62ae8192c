import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import { createTestNamespace, ensureCluster, kubectl } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { BffProcess, freePort } from '../support/bff-process';

/**
 * A kubeconfig with two contexts on the same cluster: the admin, and a ServiceAccount that may only
 * view one namespace. Switching context in the header must change whose RBAC decides.
 */
test('the context switcher moves the whole tab to another kubeconfig context and its RBAC', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-ctx');
  let bff: BffProcess | undefined;
  try {
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedSecret({
      namespace: ns.name,
      body: { metadata: { name: 'creds' }, stringData: { k: 'v' } },
    });
    await core.createNamespacedServiceAccount({ namespace: ns.name, body: { metadata: { name: 'viewer' } } });
    await kc.makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
      namespace: ns.name,
      body: {
        metadata: { name: 'viewer-view' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: ns.name }],
      },
    });
    const token = (await kubectl(['-n', ns.name, 'create', 'token', 'viewer', '--duration=10m'])).trim();
    const cluster = kc.getCurrentCluster();
    const user = kc.getCurrentUser();
    if (!cluster || !user) throw new Error('the test cluster kubeconfig has no current cluster/user');
    const two = new KubeConfig();
    two.loadFromOptions({
      clusters: [cluster],
      users: [user, { name: 'viewer', token }],
      contexts: [
        { name: 'admin', cluster: cluster.name, user: user.name },
        { name: 'viewer', cluster: cluster.name, user: 'viewer', namespace: ns.name },
      ],
      currentContext: 'admin',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'wh-ctx-'));
    const file = path.join(dir, 'kubeconfig');
    writeFileSync(file, two.exportConfig(), { mode: 0o600 });
    bff = new BffProcess(await freePort(), file);
    await bff.start();

    await page.goto(`${bff.url}/secrets?ns=${ns.name}`);
    const switcher = page.getByTestId('context-switcher');
    await expect(switcher).toHaveValue('admin');
    await expect(page.getByTestId('row-creds')).toBeVisible();

    await switcher.selectOption('viewer');
    await expect(page).toHaveURL(/ctx=viewer/);
    await expect(page.getByTestId('context-switcher')).toHaveValue('viewer');
    await expect(page.getByText(/You may not list secrets in namespace/)).toBeVisible();
    await page.screenshot({ path: screenshotPath('browse-context-viewer.png') });

    // The context stays with the tab while navigating, and the viewer can still list pods.
    await page.getByRole('link', { name: 'Pods', exact: true }).click();
    await expect(page).toHaveURL(/ctx=viewer/);
    await expect(page.getByText(`No pods in namespace ${ns.name}`)).toBeVisible();
  } finally {
    await bff?.kill('SIGTERM');
    await ns.cleanup();
  }
});
