import { expect, type Page, test } from '@playwright/test';
import {
  createDeployment,
  createTestNamespace,
  ensureCluster,
  kubectl,
  type TestNamespace,
  waitFor,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { expectNoSeriousA11yViolations, fullScreenshot } from '../support/browse';
import { deploymentSpec, editableJson, replaceEditorText, TokenModeBff, tabTo } from '../support/edit';

/**
 * The YAML editor against the real apiserver: a server-side dry-run review, an apply that starts a
 * real rollout, the 409 view when kubectl changes the object in between (re-apply when the changes
 * do not overlap, refused when they do), keyboard only, axe — and a view-only user (token mode) who
 * sees every write control disabled with the reason.
 */

async function openEditor(page: Page, ns: string, name: string) {
  await page.goto(`/deployments/${ns}/${name}?ns=${ns}&tab=yaml`);
  await page.getByTestId('edit-yaml').click();
  const editor = page.getByTestId('yaml-editor');
  await expect(editor).toBeVisible();
  return editor;
}

async function withImage(ns: string, name: string, image: string): Promise<string> {
  const obj = await editableJson('deployment', ns, name);
  const spec = obj.spec as { template: { spec: { containers: Array<{ image: string }> } } };
  (spec.template.spec.containers[0] as { image: string }).image = image;
  return JSON.stringify(obj, null, 2);
}

test.describe('edit YAML', () => {
  let ns: TestNamespace;
  test.beforeEach(async () => {
    const { kc } = await ensureCluster();
    ns = await createTestNamespace(kc, 'e2e-edit-yaml');
    await createDeployment(kc, ns.name, 'web', { replicas: 2, image: 'registry.invalid/web:1' });
  });
  test.afterEach(async () => {
    await ns?.cleanup();
  });

  test('keyboard only: open the editor, change the image, review the dry-run diff, apply — the rollout starts', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`/deployments/${ns.name}/web?ns=${ns.name}&tab=yaml`);
    await tabTo(page, 'edit-yaml');
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('yaml-editor');
    await expect(editor.locator('.cm-content')).toBeFocused();
    await replaceEditorText(page, editor, await withImage(ns.name, 'web', 'registry.invalid/web:2'));
    await page.screenshot({ path: screenshotPath('edit-yaml-editor.png') });
    await expectNoSeriousA11yViolations(page, 'the YAML editor');

    await page.keyboard.press('ControlOrMeta+Enter');
    const review = page.getByTestId('review');
    await expect(review.getByTestId('review-mine')).toContainText('spec.template.spec.containers[0].image');
    await expect(page.getByTestId('apply')).toBeFocused();
    await fullScreenshot(page, screenshotPath('edit-yaml-review.png'));
    await expectNoSeriousA11yViolations(page, 'the dry-run review');
    // A dry run writes nothing.
    expect((await deploymentSpec(ns.name, 'web')).image).toBe('registry.invalid/web:1');

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('applied')).toContainText('Applied: deployment/web');
    expect((await deploymentSpec(ns.name, 'web')).image).toBe('registry.invalid/web:2');
    await page.getByRole('link', { name: 'Follow the rollout' }).click();
    await expect(page.getByTestId('rollout-status')).toContainText(
      'deployment "web" successfully rolled out',
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByText('registry.invalid/web:2').first()).toBeVisible();
  });

  test('a change made with kubectl meanwhile: the 409 view, re-applied when it does not overlap', async ({
    page,
  }) => {
    const editor = await openEditor(page, ns.name, 'web');
    await replaceEditorText(page, editor, await withImage(ns.name, 'web', 'registry.invalid/web:3'));
    await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=3']);
    await page.getByTestId('review-button').click();
    const conflict = page.getByTestId('conflict-view');
    await expect(conflict.getByTestId('conflict-theirs')).toContainText('spec.replicas');
    await fullScreenshot(page, screenshotPath('edit-yaml-conflict.png'));
    await expectNoSeriousA11yViolations(page, 'the 409 view');

    await page.getByTestId('reapply').click();
    await expect(page.getByTestId('review')).toBeVisible();
    await page.getByTestId('apply').click();
    await expect(page.getByTestId('applied')).toBeVisible();
    expect(await deploymentSpec(ns.name, 'web')).toEqual({ replicas: 3, image: 'registry.invalid/web:3' });
  });

  test('a change made with kubectl meanwhile to the same field: re-apply is refused, nothing is written', async ({
    page,
  }) => {
    const editor = await openEditor(page, ns.name, 'web');
    await replaceEditorText(page, editor, await withImage(ns.name, 'web', 'registry.invalid/web:4'));
    await kubectl(['-n', ns.name, 'set', 'image', 'deployment/web', 'web=registry.invalid/web:5']);
    await page.getByTestId('review-button').click();
    await page.getByTestId('reapply').click();
    await expect(page.getByTestId('conflict-refused')).toContainText(
      'spec.template.spec.containers[0].image',
    );
    await expect(page.getByTestId('conflict-mine')).toContainText('registry.invalid/web:4', {
      useInnerText: false,
    });
    await page.screenshot({ path: screenshotPath('edit-yaml-conflict-refused.png') });
    expect((await deploymentSpec(ns.name, 'web')).image).toBe('registry.invalid/web:5');
  });

  test('the apiserver’s refusal keeps the edit: an immutable selector (422) with its cause', async ({
    page,
  }) => {
    const editor = await openEditor(page, ns.name, 'web');
    const obj = await editableJson('deployment', ns.name, 'web');
    (obj.spec as { selector: unknown }).selector = { matchLabels: { app: 'web', extra: 'x' } };
    (
      obj.spec as { template: { metadata: { labels: Record<string, string> } } }
    ).template.metadata.labels.extra = 'x';
    await replaceEditorText(page, editor, JSON.stringify(obj, null, 2));
    await page.getByTestId('review-button').click();
    const error = page.getByTestId('write-error');
    await expect(error).toContainText('(422)');
    await expect(error).toContainText('spec.selector');
    await expect(editor).toContainText('"extra"');
    await page.screenshot({ path: screenshotPath('edit-yaml-422.png') });
  });
});

test('a view-only user (token mode) sees every write control disabled with the reason', async ({ page }) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-edit-viewer');
  const bff = new TokenModeBff(Number(process.env.WHEELHOUSE_E2E_PORT ?? 7080) + 2);
  try {
    await bff.start();
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    await kubectl(['-n', ns.name, 'create', 'configmap', 'cfg', '--from-literal=a=1']);
    await kubectl(['-n', ns.name, 'create', 'serviceaccount', 'viewer']);
    await kubectl([
      '-n',
      ns.name,
      'create',
      'rolebinding',
      'viewer',
      '--clusterrole=view',
      `--serviceaccount=${ns.name}:viewer`,
    ]);
    const token = (await kubectl(['-n', ns.name, 'create', 'token', 'viewer', '--duration=10m'])).trim();

    await page.goto(`${bff.base}/deployments/${ns.name}/web?ns=${ns.name}&tab=yaml`);
    await page.getByTestId('login-token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('edit-yaml')).toBeDisabled();
    await expect(page.getByTestId('edit-yaml-reason')).toHaveText(
      `You may not update deployments in namespace ${ns.name}`,
    );
    await expect(page.getByTestId('delete-object')).toBeDisabled();
    await expect(page.getByTestId('delete-object-reason')).toHaveText(
      `You may not delete deployments in namespace ${ns.name}`,
    );
    await expect(page.getByTestId('create-button')).toBeDisabled();
    await expect(page.getByTestId('create-reason')).toHaveText(
      `You may not create objects in namespace ${ns.name}`,
    );
    await page.screenshot({ path: screenshotPath('edit-viewer-disabled.png') });

    await page.goto(`${bff.base}/configmaps/${ns.name}/cfg?ns=${ns.name}`);
    await expect(page.getByTestId('edit-keys')).toBeDisabled();
    await expect(page.getByTestId('edit-keys-reason')).toHaveText(
      `You may not patch configmaps in namespace ${ns.name}`,
    );
    await page.goto(`${bff.base}/configmaps?ns=${ns.name}`);
    await expect(page.getByTestId('row-cfg')).toBeVisible();
    await expect(page.getByTestId('select-rows')).toHaveCount(0);

    // Called anyway, the BFF answers with the apiserver's own 403.
    const answer = await page.evaluate(
      async ({ ns: namespace }) => {
        const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
        const res = await fetch(`/api/objects/configmaps/${namespace}/cfg`, {
          method: 'DELETE',
          headers: { 'content-type': 'application/json', 'x-wheelhouse-csrf': session.csrfToken },
          body: JSON.stringify({ resourceVersion: '1' }),
        });
        return {
          status: res.status,
          body: (await res.json()) as { error?: { source?: string; message?: string } },
        };
      },
      { ns: ns.name },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error?.source).toBe('apiserver');
    expect(answer.body.error?.message).toContain('cannot delete resource "configmaps"');
    await waitFor(
      async () =>
        (await kubectl(['-n', ns.name, 'get', 'configmap', 'cfg', '-o', 'name'])).trim() === 'configmap/cfg',
      {
        timeoutMs: 5_000,
        intervalMs: 250,
        what: 'the ConfigMap still there',
      },
    );
  } finally {
    await bff.stop();
    await ns.cleanup();
  }
});
