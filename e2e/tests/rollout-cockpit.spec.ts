import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { expect, type Page, test } from '@playwright/test';
import {
  createTestNamespace,
  ensureCluster,
  flipReadiness,
  kubectl,
  type TestNamespace,
  waitFor,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { expectNoSeriousA11yViolations } from '../support/browse';

/** A Deployment of `replicas` pods with one container `app`, applied with kubectl. */
async function deploy(
  ns: string,
  name: string,
  opts: { replicas: number; image: string; minReadySeconds?: number; progressDeadlineSeconds?: number },
): Promise<void> {
  const manifest = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: ns,
      annotations: { 'kubernetes.io/change-cause': `created with ${opts.image}` },
    },
    spec: {
      replicas: opts.replicas,
      minReadySeconds: opts.minReadySeconds ?? 0,
      progressDeadlineSeconds: opts.progressDeadlineSeconds ?? 600,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: opts.image,
              ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5 },
            },
          ],
        },
      },
    },
  };
  await kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) });
}

const status = (page: Page) => page.getByTestId('rollout-status');
const done = (name: string) => `deployment "${name}" successfully rolled out`;

/** Opens the page and marks the document, so a reload would be noticed. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}
async function expectSameDocument(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true),
  ).toBe(true);
}

test.describe('rollout cockpit', () => {
  let ns: TestNamespace;
  test.beforeEach(async () => {
    const { kc } = await ensureCluster();
    ns = await createTestNamespace(kc, 'e2e-rollout');
  });
  test.afterEach(async () => {
    await ns?.cleanup();
  });

  test('set image with the dry-run diff, then watch it roll out and undo to revision 1 without a reload', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await deploy(ns.name, 'shop', { replicas: 3, image: 'registry.invalid/shop:1', minReadySeconds: 2 });
    await open(page, `/deployments/${ns.name}/shop/rollout`);
    await expect(status(page)).toHaveText(done('shop'), { timeout: 60_000 });
    await expect(page.getByTestId('history').getByTestId('revision-1')).toContainText(
      'registry.invalid/shop:1',
    );

    await page.getByTestId('action-image').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByTestId('image-input').fill('registry.invalid/shop:2');
    await dialog.getByTestId('confirm-action').click(); // preview: a server-side dry run
    const diff = dialog.getByTestId('template-diff');
    await expect(diff).toContainText(/-\s+- image: registry\.invalid\/shop:1/);
    await expect(diff).toContainText(/\+\s+- image: registry\.invalid\/shop:2/);
    await page.screenshot({ path: screenshotPath('rollout-set-image-diff.png') });
    await expect(dialog.getByTestId('confirm-action')).toHaveText('Apply');
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog).toBeHidden();

    await expect(status(page)).toContainText(
      /Waiting for (deployment spec update|deployment "shop" rollout to finish)/,
    );
    await expect(page.getByTestId('rollout-state')).toHaveText('in progress');
    await page.screenshot({ path: screenshotPath('rollout-in-progress.png') });
    await expect(status(page)).toHaveText(done('shop'), { timeout: 90_000 });
    await expect(page.getByTestId('rs-new')).toContainText('registry.invalid/shop:2');
    await expect(page.getByTestId('revision-2')).toContainText(
      'set image deployment/shop app=registry.invalid/shop:2',
    );

    // Undo to revision 1 from the history, with the template diff in the confirmation.
    await page.getByTestId('undo-to-1').click();
    await expect(dialog.getByTestId('template-diff')).toContainText(
      /\+\s+- image: registry\.invalid\/shop:1/,
    );
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('rs-new')).toContainText('registry.invalid/shop:1');
    await expect(status(page)).toHaveText(done('shop'), { timeout: 90_000 });
    // kubectl rollout undo makes revision 1 the new revision 3, change-cause included.
    await expect(page.getByTestId('revision-3')).toContainText('created with registry.invalid/shop:1');
    await expect(page.getByTestId('rollout-timeline')).toBeVisible();
    await page.getByTestId('rollout-timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('rollout-undone.png') });
    await expectSameDocument(page);
  });

  test('pause mid-rollout holds it; resume finishes it', async ({ page }) => {
    test.setTimeout(180_000);
    const { kc } = await ensureCluster();
    await deploy(ns.name, 'slow', { replicas: 4, image: 'registry.invalid/slow:1', minReadySeconds: 5 });
    await open(page, `/deployments/${ns.name}/slow/rollout`);
    await expect(status(page)).toHaveText(done('slow'), { timeout: 90_000 });

    await kubectl(['-n', ns.name, 'set', 'image', 'deployment/slow', 'app=registry.invalid/slow:2']);
    await expect(status(page)).toContainText('Waiting for');
    await page.getByTestId('action-pause').click();
    await page.getByTestId('confirm-action').click();
    await expect(page.getByTestId('rollout-state')).toHaveText('paused');
    await expect(page.getByTestId('deadline')).toHaveText('not counting while paused');
    await expect(page.getByTestId('action-resume')).toBeEnabled();
    await expect(page.getByTestId('action-pause')).toBeDisabled();

    // Held: once the controller has settled, nothing moves for a while.
    const apps = kc.makeApiClient(AppsV1Api);
    const read = async () =>
      (await apps.readNamespacedDeployment({ name: 'slow', namespace: ns.name })).status;
    await page.waitForTimeout(8_000);
    const held = await read();
    await page.waitForTimeout(8_000);
    const still = await read();
    expect(still?.updatedReplicas).toBe(held?.updatedReplicas);
    expect(still?.updatedReplicas ?? 0).toBeLessThan(4);
    await expect(status(page)).not.toHaveText(done('slow'));
    await page.screenshot({ path: screenshotPath('rollout-paused.png') });

    await page.getByTestId('action-resume').click();
    await page.getByTestId('confirm-action').click();
    await expect(page.getByTestId('rollout-state')).not.toHaveText('paused');
    await expect(status(page)).toHaveText(done('slow'), { timeout: 120_000 });
    await expect(page.getByTestId('rs-new')).toContainText('registry.invalid/slow:2');
    await expectSameDocument(page);
  });

  test('scale, and a change made meanwhile shows as a conflict with the new state instead of being overwritten', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await deploy(ns.name, 'web', { replicas: 2, image: 'registry.invalid/web:1' });
    await open(page, `/deployments/${ns.name}/web/rollout`);
    await expect(status(page)).toHaveText(done('web'), { timeout: 60_000 });

    await expect(page.getByTestId('revision-1')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'rollout cockpit');
    await page.getByTestId('action-scale').click();
    await expectNoSeriousA11yViolations(page, 'scale dialog');
    await page.getByTestId('scale-input').fill('4');
    await page.getByTestId('confirm-action').click();
    await expect(page.getByTestId('action-done')).toHaveText('Scaled deployment/web to 4 replicas.');
    await expect(page.getByTestId('replica-counts')).toHaveText('4 / 4 / 4 / 4', { timeout: 60_000 });
    await expect(page.locator('[data-testid="rollout-pods"] tbody tr')).toHaveCount(4);

    // Someone else scales while the dialog is open: the apiserver's 409 is shown, nothing is written.
    await page.getByTestId('action-scale').click();
    await page.getByTestId('scale-input').fill('1');
    await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=3']);
    await expect(page.getByTestId('replica-counts')).toContainText(/^3 \//);
    await page.getByTestId('confirm-action').click();
    const conflict = page.getByTestId('conflict-notice');
    await expect(conflict).toContainText('The Deployment changed since you looked — here is the new state');
    await expect(conflict.locator('tr', { hasText: 'replicas' })).toContainText(/4\s*3/);
    await page.screenshot({ path: screenshotPath('rollout-conflict.png') });
    const { kc } = await ensureCluster();
    const apps = kc.makeApiClient(AppsV1Api);
    expect((await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name })).spec?.replicas).toBe(3);
    await page.getByRole('button', { name: 'Review again with the new state' }).click();
    await page.getByTestId('scale-input').fill('1');
    await page.getByTestId('confirm-action').click();
    await expect(page.getByTestId('action-done')).toHaveText('Scaled deployment/web to 1 replicas.');
    await waitFor(
      async () =>
        (await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name })).spec?.replicas === 1,
      { timeoutMs: 10_000, intervalMs: 200, what: 'replicas 1' },
    );
    await expectSameDocument(page);
  });

  test('a Deployment whose pods are kept unready past progressDeadlineSeconds shows the failure', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { kc } = await ensureCluster();
    const core = kc.makeApiClient(CoreV1Api);
    await deploy(ns.name, 'stuck', {
      replicas: 2,
      image: 'registry.invalid/stuck:1',
      minReadySeconds: 8,
      progressDeadlineSeconds: 10,
    });
    await open(page, `/deployments/${ns.name}/stuck/rollout`);
    // Keep every pod unready, as a failing readiness probe would, before minReadySeconds makes it available.
    let keepUnready = true;
    const keeper = (async () => {
      const until = Date.now() + 60_000;
      while (keepUnready && Date.now() < until) {
        for (const p of (await core.listNamespacedPod({ namespace: ns.name })).items) {
          const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
          if (p.status?.phase === 'Running' && ready) {
            await flipReadiness(kc, ns.name, p.metadata?.name ?? '', false).catch(() => undefined);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    try {
      await expect(page.getByTestId('rollout-state')).toHaveText('in progress');
      await expect(page.getByTestId('deadline')).toContainText(
        /s left of 10s without progress|passed \(10s without progress\)/,
      );
      await expect(status(page)).toHaveText('error: deployment "stuck" exceeded its progress deadline', {
        timeout: 60_000,
      });
      await expect(page.getByTestId('rollout-state')).toHaveText('failed');
      await expect(page.getByTestId('deadline')).toContainText('exceeded');
      await expect(page.getByTestId('condition-Progressing')).toContainText('ProgressDeadlineExceeded');
      await expect(page.locator('[data-testid="rollout-pods"] tbody tr')).toHaveCount(2);
      await expect(page.locator('[data-testid="rollout-pods"] tbody')).not.toContainText('1/1');
      await page.screenshot({ path: screenshotPath('rollout-deadline-exceeded.png') });
    } finally {
      keepUnready = false;
      await keeper;
    }
  });
});
