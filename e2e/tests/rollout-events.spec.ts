import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import { createDeployment, createTestNamespace, ensureCluster, waitFor } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';

test('the cockpit shows the Events of the rollout on its timeline and in a list, live', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-rollout-events');
  try {
    await createDeployment(kc, ns.name, 'shop', { replicas: 2, image: 'registry.invalid/shop:1' });
    const apps = kc.makeApiClient(AppsV1Api);
    const rs = await waitFor(
      async () => (await apps.listNamespacedReplicaSet({ namespace: ns.name })).items[0]?.metadata,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the ReplicaSet' },
    );
    await page.goto(`/deployments/${ns.name}/shop/rollout`);
    await expect(page.getByTestId('rollout-timeline')).toBeVisible();

    // What the replicaset controller records when a quota refuses a pod (KWOK has no kubelet, so
    // the test writes the Event through the API like a controller would).
    const now = new Date();
    await kc.makeApiClient(CoreV1Api).createNamespacedEvent({
      namespace: ns.name,
      body: {
        metadata: { name: `${rs.name}.quota` },
        involvedObject: {
          kind: 'ReplicaSet',
          name: rs.name,
          namespace: ns.name,
          uid: rs.uid,
          apiVersion: 'apps/v1',
        },
        reason: 'FailedCreate',
        message: 'pods "shop-x" is forbidden: exceeded quota: compute, requested: cpu=500m',
        type: 'Warning',
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: 'replicaset-controller' },
      },
    });
    const item = page.getByTestId('rollout-event').filter({ hasText: 'FailedCreate' });
    await expect(item).toContainText('exceeded quota');
    await expect(item).toContainText(`replicaset/${rs.name}`);
    await expect(page.getByTestId('timeline-event').first()).toBeAttached();
    await page.screenshot({ path: screenshotPath('rollout-events.png'), fullPage: true });
  } finally {
    await ns.cleanup();
  }
});
