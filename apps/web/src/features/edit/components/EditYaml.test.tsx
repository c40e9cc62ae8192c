// @vitest-environment jsdom
import type { V1Deployment } from '@kubernetes/client-node';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import DetailPage from '../../detail/components/DetailPage';
import { apiError, type Harness, harnessEachTest, typeInto } from '../testing/harness';

const deployment = (image: string, rv: string, replicas = 2): V1Deployment => ({
  metadata: { name: 'web', namespace: 'shop', uid: 'uid-web', resourceVersion: rv, generation: 1 },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
  },
  status: { replicas: 2 },
});

let h: Harness;
harnessEachTest((fresh) => {
  h = fresh;
  h.server.set('deployments', [deployment('web:1', '5')]);
});

const page = () =>
  h.render(
    '/deployments/shop/web?tab=yaml',
    <Route path="/:kind/:namespace/:name" element={<DetailPage />} />,
  );

async function openEditor() {
  page();
  fireEvent.click(await screen.findByTestId('edit-yaml'));
  return screen.findByTestId('yaml-editor');
}

const puts = () => h.writes().filter((c) => c.method === 'PUT');

describe('editing YAML', () => {
  it('reviews a server-side dry run (with what admission added), then applies with the resourceVersion it started from', async () => {
    h.route((call) => {
      if (call.url !== '/api/objects/deployments/shop/web') return undefined;
      const body = call.body as { yaml: string; dryRun: boolean };
      const object = parse(body.yaml) as V1Deployment;
      const container = object.spec?.template.spec?.containers[0];
      if (container) container.resources = { limits: { cpu: '500m' } }; // what a mutating admission would add
      object.metadata = { ...object.metadata, resourceVersion: body.dryRun ? '5' : '6' };
      return { body: { object, live: deployment('web:1', '5'), dryRun: body.dryRun } };
    });
    const editor = await openEditor();
    typeInto(editor, 'image: web:1', 'image: web:2');
    fireEvent.click(screen.getByTestId('review-button'));

    const review = await screen.findByTestId('review');
    expect(within(review).getByTestId('review-mine').textContent).toContain(
      'spec.template.spec.containers[0].image',
    );
    expect(within(review).getByTestId('review-server').textContent).toContain(
      'spec.template.spec.containers[0].resources',
    );
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.body).toMatchObject({ resourceVersion: '5', dryRun: true });
    const sent = puts()[0]?.body as { yaml: string };
    expect(sent.yaml).toContain('image: web:2');
    expect(sent.yaml).not.toContain('status:');
    expect(puts()[0]?.headers['x-wheelhouse-csrf']).toBe('tok-1');

    // The keyboard lands on the next step.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('apply')));
    fireEvent.click(screen.getByTestId('apply'));
    expect((await screen.findByTestId('applied')).textContent).toContain(
      'Applied: deployment/web is now at resourceVersion 6.',
    );
    expect(puts()[1]?.body).toMatchObject({ resourceVersion: '5', dryRun: false });
    expect(screen.queryByTestId('edit-panel')).toBeNull();
    expect(screen.getByRole('link', { name: 'Follow the rollout' }).getAttribute('href')).toBe(
      '/deployments/shop/web/rollout',
    );
  });

  it('puts the cursor in the editor, where Ctrl+Enter reviews', async () => {
    // Writes only: the page's GET of the object is the stored one.
    h.route((call) =>
      call.method === 'GET'
        ? undefined
        : { body: { object: parse((call.body as { yaml: string }).yaml), dryRun: true } },
    );
    const editor = await openEditor();
    const content = editor.querySelector('.cm-content') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(content));
    fireEvent.keyDown(content, { key: 'Enter', ctrlKey: true });
    await screen.findByTestId('review');
    expect(screen.getByTestId('review-nothing').textContent).toBe('Nothing would change.');
    expect(puts()).toHaveLength(1);
  });

  it('shows syntax errors at their line and sends nothing while there is one', async () => {
    const editor = await openEditor();
    typeInto(editor, 'replicas: 2', 'replicas: 2: 3');
    expect((await screen.findByTestId('yaml-problems')).textContent).toMatch(
      /^Line \d+, column \d+: Nested mappings/,
    );
    expect(screen.getByTestId('review-button')).toHaveProperty('disabled', true);
    typeInto(editor, 'replicas: 2: 3', 'replicas: 2');
    typeInto(editor, 'name: web\n  namespace', 'name: api\n  namespace');
    expect(screen.getByTestId('yaml-problems').textContent).toContain('metadata.name must stay "web"');
    expect(puts()).toHaveLength(0);
  });

  it('keeps the text and shows the apiserver’s message and causes when it refuses (422)', async () => {
    h.route((call) =>
      call.method === 'GET'
        ? undefined
        : apiError(
            422,
            'Invalid',
            'Deployment.apps "web" is invalid: spec.selector: Invalid value: field is immutable',
            [
              {
                field: 'spec.selector',
                message: 'Invalid value: field is immutable',
                reason: 'FieldValueInvalid',
              },
            ],
          ),
    );
    const editor = await openEditor();
    typeInto(editor, 'app: web', 'app: other');
    fireEvent.click(screen.getByTestId('review-button'));
    const error = await screen.findByTestId('write-error');
    expect(error.textContent).toContain('Refused: Invalid (422)');
    expect(within(error).getByTestId('write-error-causes').textContent).toBe(
      'spec.selector: Invalid value: field is immutable',
    );
    expect(screen.getByTestId('yaml-editor').textContent).toContain('app: other');
  });

  it('on a 409, shows what changed underneath and re-applies a change that does not overlap', async () => {
    const current = deployment('web:1', '7', 5);
    h.route((call) => {
      // The page read the object as the list showed it; the newer version exists once a write is tried.
      if (call.method === 'GET' && h.writes().length === 0) return undefined;
      if (call.method === 'GET' && call.url === '/api/deployments/shop/web') return { body: current };
      const body = call.body as { resourceVersion: string; dryRun: boolean; yaml: string };
      if (body.resourceVersion === '5') return apiError(409, 'Conflict', 'the object has been modified');
      return { body: { object: parse(body.yaml), live: current, dryRun: body.dryRun } };
    });
    const editor = await openEditor();
    typeInto(editor, 'image: web:1', 'image: web:2');
    fireEvent.click(screen.getByTestId('review-button'));
    const conflict = await screen.findByTestId('conflict-view');
    expect(conflict.textContent).toContain('resourceVersion 5 → 7');
    expect(within(conflict).getByTestId('conflict-theirs').textContent).toContain('spec.replicas');

    fireEvent.click(screen.getByTestId('reapply'));
    await screen.findByTestId('review');
    const last = puts().at(-1)?.body as { resourceVersion: string; yaml: string };
    expect(last.resourceVersion).toBe('7');
    expect(parse(last.yaml)).toMatchObject({
      spec: { replicas: 5, template: { spec: { containers: [{ image: 'web:2' }] } } },
    });
  });

  it('sends the write again at the current version when only the status moved on (a controller’s write)', async () => {
    h.route((call) => {
      // The page read the object as the list showed it; the newer version exists once a write is tried.
      if (call.method === 'GET' && h.writes().length === 0) return undefined;
      if (call.method === 'GET' && call.url === '/api/deployments/shop/web') {
        return { body: { ...deployment('web:1', '6'), status: { replicas: 2, readyReplicas: 2 } } };
      }
      const body = call.body as { resourceVersion: string; yaml: string; dryRun: boolean };
      if (body.resourceVersion === '5') return apiError(409, 'Conflict', 'the object has been modified');
      return { body: { object: parse(body.yaml), dryRun: body.dryRun } };
    });
    const editor = await openEditor();
    typeInto(editor, 'image: web:1', 'image: web:2');
    fireEvent.click(screen.getByTestId('review-button'));
    await screen.findByTestId('review');
    expect(puts().map((c) => (c.body as { resourceVersion: string }).resourceVersion)).toEqual(['5', '6']);
    expect(screen.queryByTestId('conflict-view')).toBeNull();
  });

  it('refuses to re-apply when both changed the same field, and keeps the edit', async () => {
    h.route((call) => {
      // The page read the object as the list showed it; the newer version exists once a write is tried.
      if (call.method === 'GET' && h.writes().length === 0) return undefined;
      if (call.method === 'GET' && call.url === '/api/deployments/shop/web')
        return { body: deployment('web:3', '8') };
      return apiError(409, 'Conflict', 'the object has been modified');
    });
    const editor = await openEditor();
    typeInto(editor, 'image: web:1', 'image: web:2');
    fireEvent.click(screen.getByTestId('review-button'));
    fireEvent.click(await screen.findByTestId('reapply'));
    expect((await screen.findByTestId('conflict-refused')).textContent).toContain(
      'spec.template.spec.containers[0].image',
    );
    expect(screen.getByTestId('conflict-mine').textContent).toContain('image: web:2');
    expect(puts()).toHaveLength(1);
    fireEvent.click(screen.getByTestId('start-over'));
    await waitFor(() => expect(screen.getByTestId('yaml-editor').textContent).toContain('image: web:3'));
  });

  it('disables Edit YAML and Delete with the reason when RBAC says no', async () => {
    h.denied = ['update:deployments', 'delete:deployments'];
    page();
    await waitFor(() => expect(screen.getByTestId('edit-yaml')).toHaveProperty('disabled', true));
    expect(screen.getByTestId('edit-yaml-reason').textContent).toBe(
      'You may not update deployments in namespace shop',
    );
    expect(screen.getByTestId('delete-object')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('delete-object-reason').textContent).toBe(
      'You may not delete deployments in namespace shop',
    );
  });
});
