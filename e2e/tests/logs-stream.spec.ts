import { CoreV1Api } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import {
  appendPodLog,
  createDeployment,
  createTestNamespace,
  ensureCluster,
  waitFor,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';

test('a pod log streams new lines as the file grows, and shows the previous container on request', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-logs');
  try {
    await createDeployment(kc, ns.name, 'talker', { replicas: 1, image: 'registry.invalid/talker:1' });
    const core = kc.makeApiClient(CoreV1Api);
    const pod = await waitFor(
      async () => {
        const p = (await core.listNamespacedPod({ namespace: ns.name })).items[0];
        return p?.status?.phase === 'Running' ? p.metadata?.name : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the talker pod to run' },
    );

    await page.goto(`/pods/${ns.name}/${pod}?tab=logs`);
    const output = page.getByTestId('log-output');
    await expect(page.getByTestId('log-state')).toHaveText('Following');
    // The viewer renders the lines in view (virtualised): the log's head is found with the filter.
    await page.getByTestId('log-filter').fill('listening on :8080');
    await expect(output).toContainText('listening on :8080');
    await page.getByTestId('log-filter').fill('');

    const marker = `order ${ns.name} paid`;
    await appendPodLog(`INFO ${marker}`);
    await expect(output).toContainText(marker);
    await appendPodLog('WARN slow request: 2.3s', { stream: 'stderr' });
    await expect(output).toContainText('slow request');
    await page.screenshot({ path: screenshotPath('pod-logs.png') });

    // The option lives in the URL: the box shows checked once the router has applied it (a
    // transition), which Playwright's check() does not wait for.
    await page.getByTestId('log-previous').click();
    await expect(page.getByTestId('log-previous')).toBeChecked();
    await expect(output).toContainText('out of memory');
    await expect(page.getByTestId('log-state')).toContainText('End of log');
    await expect(output).not.toContainText(marker);
  } finally {
    await ns.cleanup();
  }
});
