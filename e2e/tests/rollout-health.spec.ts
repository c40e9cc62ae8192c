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

    await flipReadiness(kc, ns.name, name, true);
    await expect(page.getByTestId('rotation-api')).toHaveText('in rotation', { timeout: 30_000 });
  } finally {
    await ns.cleanup();
  }
});
