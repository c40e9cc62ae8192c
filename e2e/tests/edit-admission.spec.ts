import { expect, test } from '@playwright/test';
import {
  createDeployment,
  createTestNamespace,
  ensureCluster,
  kubectl,
  type TestNamespace,
} from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { deploymentSpec, editableJson, replaceEditorText } from '../support/edit';

/**
 * What only a server-side dry run can show, seen in the browser: a LimitRange's defaults in the
 * would-be object, and a ValidatingAdmissionPolicy's refusal (in-process CEL, no webhook) in its
 * own words, with nothing written.
 */

test.describe('admission in the review', () => {
  let ns: TestNamespace;
  const policy = `e2e-edit-replicas-${Date.now().toString(36)}`;
  test.beforeEach(async () => {
    const { kc } = await ensureCluster();
    ns = await createTestNamespace(kc, 'e2e-edit-admission');
  });
  test.afterEach(async () => {
    await kubectl(['delete', 'validatingadmissionpolicybinding', policy, '--ignore-not-found']);
    await kubectl(['delete', 'validatingadmissionpolicy', policy, '--ignore-not-found']);
    await ns?.cleanup();
  });

  test('a LimitRange’s default resources show in the create dialog’s dry-run diff', async ({ page }) => {
    await kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'defaults', namespace: ns.name },
        spec: { limits: [{ type: 'Container', default: { cpu: '300m' }, defaultRequest: { cpu: '150m' } }] },
      }),
    });
    await page.goto(`/pods?ns=${ns.name}`);
    await page.getByTestId('create-button').click();
    const dialog = page.getByRole('dialog', { name: 'Create from YAML' });
    await replaceEditorText(
      page,
      dialog.getByTestId('yaml-editor'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n    - name: app\n      image: registry.invalid/app:1\n',
    );
    await dialog.getByTestId('create-review').click();
    await expect(dialog.getByTestId('apply-result-0')).toContainText('Pod/bare');
    await expect(dialog.getByTestId('apply-result-0')).toContainText('would be created');
    await dialog
      .getByTestId('apply-result-0')
      .getByText(/Your document/)
      .click();
    const diff = dialog.getByTestId('apply-diff-0');
    // What LimitRanger added, in its own words and values (the editor draws only the lines in view).
    await expect(diff).toContainText(
      'LimitRanger plugin set: cpu request for container app; cpu limit for container app',
    );
    await expect(diff).toContainText('cpu: 300m');
    await page.screenshot({ path: screenshotPath('edit-admission-limitrange.png') });
    expect((await kubectl(['-n', ns.name, 'get', 'pods', '-o', 'name'])).trim()).toBe('');
  });

  test('a ValidatingAdmissionPolicy’s refusal shows at review, in its words, and nothing is written', async ({
    page,
  }) => {
    const { kc } = await ensureCluster();
    await createDeployment(kc, ns.name, 'web', { replicas: 2, image: 'registry.invalid/web:1' });
    await kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name: policy },
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['CREATE', 'UPDATE'],
                resources: ['deployments'],
              },
            ],
          },
          validations: [
            { expression: 'object.spec.replicas <= 5', message: 'at most 5 replicas in this namespace' },
          ],
        },
      }),
    });
    await kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name: policy },
        spec: {
          policyName: policy,
          validationActions: ['Deny'],
          matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns.name } } },
        },
      }),
    });

    await page.goto(`/deployments/${ns.name}/web?ns=${ns.name}&tab=yaml`);
    await page.getByTestId('edit-yaml').click();
    const obj = await editableJson('deployment', ns.name, 'web');
    (obj.spec as { replicas: number }).replicas = 6;
    await replaceEditorText(page, page.getByTestId('yaml-editor'), JSON.stringify(obj, null, 2));
    // The apiserver applies a new policy within a second or so: review until it refuses (bounded).
    const error = page.getByTestId('write-error');
    for (let i = 0; i < 30 && !(await error.isVisible()); i++) {
      await page.getByTestId('review-button').click();
      await expect(error.or(page.getByTestId('review'))).toBeVisible();
      if (await page.getByTestId('review').isVisible()) {
        await page.getByRole('button', { name: 'Back to editing' }).click();
        await page.waitForTimeout(500);
      }
    }
    await expect(error).toContainText(`ValidatingAdmissionPolicy '${policy}'`);
    await expect(error).toContainText('at most 5 replicas in this namespace');
    await page.screenshot({ path: screenshotPath('edit-admission-policy.png') });
    expect((await deploymentSpec(ns.name, 'web')).replicas).toBe(2);
  });
});
