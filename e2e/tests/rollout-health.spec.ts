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
import { expectNoSeriousA11yViolations } from '../support/browse';

test('a pod whose readiness fails leaves its Service in the health view, and comes back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-health');
  try {
    await createDeployment(kc, ns.name, 'api', {
      replicas: 2,
      image: 'registry.invalid/api:1',
      probes: true,
    });
    await kubectl(['-n', ns.name, 'expose', 'deployment/api', '--port=80', '--target-port=http']);
    const core = kc.makeApiClient(CoreV1Api);
    const pod = await waitFor(
      async () => {
        const pods = (await core.listNamespacedPod({ namespace: ns.name })).items;
        return pods.find(
          (p) =>
            p.status?.phase === 'Running' &&
            p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
        );
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'a Ready api pod' },
    );
    const name = pod.metadata?.name ?? '';

    await page.goto(`/pods/${ns.name}/${name}/health`);
    await expect(page.getByTestId('probe-api-readiness')).toContainText(
      'HTTP GET http://:8080/readyz (port "http") every 5s, timeout 1s; 3 failures → unready',
    );
    await expect(page.getByTestId('probe-api-liveness')).toContainText(
      'every 10s, timeout 1s; 3 failures → restart',
    );
    await expect(page.getByTestId('lint-liveness-without-startup')).toBeVisible();
    await expect(page.getByTestId('rotation-api')).toHaveText('in rotation', { timeout: 30_000 });
    await expectNoSeriousA11yViolations(page, 'pod health');

    await flipReadiness(kc, ns.name, name, false);
    await expect(page.getByTestId('rotation-api')).toHaveText('out of rotation', { timeout: 30_000 });
    await expect(page.getByTestId('member-api')).toContainText('ReadinessProbeFailed');
    await expect(page.getByTestId('pod-summary')).toContainText('READY 0/1');
    await page.screenshot({ path: screenshotPath('health-out-of-rotation.png'), fullPage: true });

    // Probe failures as the kubelet reports them (KWOK runs no probes, so they are written here).
    const event = (n: number, reason: string, message: string, count: number) =>
      core.createNamespacedEvent({
        namespace: ns.name,
        body: {
          metadata: { name: `${name}.probe-${n}` },
          involvedObject: {
            apiVersion: 'v1',
            kind: 'Pod',
            name,
            namespace: ns.name,
            uid: pod.metadata?.uid ?? '',
            fieldPath: 'spec.containers{api}',
          },
          reason,
          message,
          count,
          type: 'Warning',
          source: { component: 'kubelet', host: 'kwok-node-0' },
          firstTimestamp: new Date(Date.now() - 60_000 + n * 1000),
          lastTimestamp: new Date(Date.now() - 30_000 + n * 1000),
        },
      });
    await event(1, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 4);
    await event(
      2,
      'Unhealthy',
      'Readiness probe failed: Get "http://10.0.0.1:8080/readyz": context deadline exceeded',
      2,
    );
    await event(3, 'Unhealthy', 'Liveness probe failed: connection refused', 3);
    await event(4, 'Killing', 'Container api failed liveness probe, will be restarted', 1);
    const events = page.getByTestId('probe-events');
    await expect(events.locator('tbody tr')).toHaveCount(3);
    await expect(events.locator('tr', { hasText: 'readiness' })).toContainText(/Unhealthy\s*6/);
    await expect(events.locator('tr', { hasText: 'readiness' })).toContainText('context deadline exceeded');
    await expect(events.locator('tr', { hasText: 'Killing' })).toContainText('liveness');
    await page.screenshot({ path: screenshotPath('health-probe-events.png'), fullPage: true });

    await flipReadiness(kc, ns.name, name, true);
    await expect(page.getByTestId('rotation-api')).toHaveText('in rotation', { timeout: 30_000 });
  } finally {
    await ns.cleanup();
  }
});
