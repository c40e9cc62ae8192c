// @vitest-environment jsdom
import type { V1ConfigMap, V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import DetailPage from '../../detail/components/DetailPage';
import ResourceView from '../../resources/components/ResourceView';
import { apiError, type Harness, harnessEachTest } from '../testing/harness';

const meta = (name: string, rv: string, owner?: [string, string]) => ({
  name,
  namespace: 'shop',
  uid: `uid-${name}`,
  resourceVersion: rv,
  ...(owner
    ? {
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: owner[0], name: owner[1], uid: `uid-${owner[1]}`, controller: true },
        ],
      }
    : {}),
});
const deployment: V1Deployment = { metadata: meta('web', '3'), spec: { selector: {}, template: {} } };
const rs: V1ReplicaSet = { metadata: meta('web-7d', '4', ['Deployment', 'web']), spec: { selector: {} } };
const pod: V1Pod = { metadata: meta('web-7d-a', '5', ['ReplicaSet', 'web-7d']), spec: { containers: [] } };
const cms: V1ConfigMap[] = ['a', 'b', 'c'].map((n, i) => ({
  metadata: meta(`cfg-${n}`, String(10 + i)),
  data: {},
}));

let h: Harness;
harnessEachTest((fresh) => {
  h = fresh;
  h.server.set('deployments', [deployment]);
  h.server.set('replicasets', [rs]);
  h.server.set('pods', [pod]);
  h.server.set('configmaps', cms);
  h.route((call) => (call.method === 'DELETE' ? { body: { object: {}, dryRun: false } } : undefined));
});

const detail = <Route path="/:kind/:namespace/:name" element={<DetailPage />} />;
const configMapList = (
  <Route
    path="/configmaps"
    element={<ResourceView kind="configmaps" title="ConfigMaps" noun="ConfigMaps" />}
  />
);
const podList = <Route path="/pods" element={<ResourceView kind="pods" title="Pods" noun="pods" />} />;
const deletes = () => h.writes().filter((c) => c.method === 'DELETE');

describe('delete', () => {
  it('names what a Deployment takes with it, deletes with its resourceVersion and the chosen cascade, then shows the list', async () => {
    h.render('/deployments/shop/web', detail);
    fireEvent.click(await screen.findByTestId('delete-object'));
    const dialog = await screen.findByRole('dialog', { name: 'Delete deployment/web' });
    await waitFor(() =>
      expect(within(dialog).getByTestId('delete-plan').textContent).toContain(
        'With it go its 1 Pods: web-7d-a',
      ),
    );
    expect(within(dialog).getByTestId('delete-plan').textContent).toContain(
      'With it go its 1 ReplicaSets: web-7d',
    );
    // Cancel has the focus: Enter on a dialog opened by mistake deletes nothing.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByLabelText(/Foreground/));
    fireEvent.click(within(dialog).getByTestId('confirm'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/deployments?ns=shop'));
    expect(deletes()).toEqual([
      expect.objectContaining({
        url: '/api/objects/deployments/shop/web',
        body: { resourceVersion: '3', propagationPolicy: 'Foreground' },
      }),
    ]);
  });

  it('says a Pod’s ReplicaSet will replace it, and closes on Escape without deleting', async () => {
    h.render('/pods/shop/web-7d-a', detail);
    fireEvent.click(await screen.findByTestId('delete-object'));
    const dialog = await screen.findByRole('dialog', { name: 'Delete pod/web-7d-a' });
    expect(dialog.textContent).toContain('Its ReplicaSet web-7d will replace it.');
    expect(within(dialog).queryByRole('radio')).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deletes()).toEqual([]);
  });

  it('keeps the dialog open, naming what changed, when the object changed meanwhile (409)', async () => {
    h.route((call) => {
      // The page read the object as the list showed it; the newer version exists once a write is tried.
      if (call.method === 'GET' && h.writes().length === 0) return undefined;
      if (call.method === 'GET' && call.url === '/api/pods/shop/web-7d-a') {
        return {
          body: { ...pod, metadata: { ...pod.metadata, resourceVersion: '6', labels: { app: 'moved' } } },
        };
      }
      return apiError(409, 'Conflict', 'Precondition failed: ResourceVersion in precondition: 5');
    });
    h.render('/pods/shop/web-7d-a', detail);
    fireEvent.click(await screen.findByTestId('delete-object'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'It changed since you opened this dialog (metadata.labels), so it was not deleted. Look at it again first.',
    );
    expect(screen.getByRole('dialog')).toBeDefined();
    expect(deletes()).toHaveLength(1);
  });

  it('deletes at the current version when only the status moved on (a Pod turning Ready)', async () => {
    h.route((call) => {
      // The page read the object as the list showed it; the newer version exists once a write is tried.
      if (call.method === 'GET' && h.writes().length === 0) return undefined;
      if (call.method === 'GET' && call.url === '/api/pods/shop/web-7d-a') {
        return {
          body: { ...pod, metadata: { ...pod.metadata, resourceVersion: '6' }, status: { phase: 'Running' } },
        };
      }
      const body = call.body as { resourceVersion: string };
      return body.resourceVersion === '5'
        ? apiError(409, 'Conflict', 'modified')
        : { body: { object: {}, dryRun: false } };
    });
    h.render('/pods/shop/web-7d-a', detail);
    fireEvent.click(await screen.findByTestId('delete-object'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('confirm'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/pods?ns=shop'));
    expect(deletes().map((c) => (c.body as { resourceVersion: string }).resourceVersion)).toEqual(['5', '6']);
  });

  it('deletes the ConfigMaps selected in the list, each with its resourceVersion', async () => {
    h.render('/configmaps?ns=shop', configMapList);
    // Kubectl's columns only, until the user asks to select.
    await screen.findByTestId('row-cfg-a');
    expect(screen.queryByTestId('select-cfg-a')).toBeNull();
    fireEvent.click(await screen.findByTestId('select-rows'));
    fireEvent.click(await screen.findByTestId('select-cfg-a'));
    // Space on a focused row toggles it, as the checkbox does.
    fireEvent.keyDown(screen.getByTestId('row-cfg-c'), { key: ' ' });
    expect(screen.getByTestId('select-cfg-c')).toHaveProperty('checked', true);
    fireEvent.click(screen.getByTestId('delete-selected'));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 ConfigMaps' });
    expect(within(dialog).getByTestId('delete-plan').textContent).toContain('configmap/cfg-a');
    fireEvent.click(within(dialog).getByTestId('confirm'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deletes().map((c) => [c.url, c.body])).toEqual([
      ['/api/objects/configmaps/shop/cfg-a', { resourceVersion: '10' }],
      ['/api/objects/configmaps/shop/cfg-c', { resourceVersion: '12' }],
    ]);
    expect(screen.queryByTestId('delete-selected')).toBeNull();
  });

  it('deletes the Pods selected in the list (rows on the wire): reads each whole, names who replaces it', async () => {
    h.render('/pods?ns=shop', podList);
    fireEvent.keyDown(await screen.findByTestId('row-web-7d-a'), { key: ' ' });
    fireEvent.click(await screen.findByTestId('delete-selected'));
    const dialog = await screen.findByRole('dialog', { name: 'Delete pod/web-7d-a' });
    // The list's row has no owners: the dialog's words come from the pod read whole.
    expect(h.calls.some((c) => c.method === 'GET' && c.url === '/api/pods/shop/web-7d-a')).toBe(true);
    expect(dialog.textContent).toContain('Its ReplicaSet web-7d will replace it.');
    fireEvent.click(within(dialog).getByTestId('confirm'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deletes().map((c) => [c.url, c.body])).toEqual([
      ['/api/objects/pods/shop/web-7d-a', { resourceVersion: '5' }],
    ]);
  });

  it('Space on a row starts selecting and selects it', async () => {
    h.render('/configmaps?ns=shop', configMapList);
    await screen.findByTestId('select-rows');
    fireEvent.keyDown(screen.getByTestId('row-cfg-b'), { key: ' ' });
    expect(await screen.findByTestId('select-cfg-b')).toHaveProperty('checked', true);
    expect(screen.getByTestId('delete-selected').textContent).toBe('Delete 1 ConfigMap…');
  });

  it('offers no selection where RBAC denies delete', async () => {
    h.denied = ['delete:configmaps'];
    h.render('/configmaps?ns=shop', configMapList);
    await screen.findByTestId('row-cfg-a');
    await waitFor(() => expect(h.calls.some((c) => c.url.startsWith('/api/permissions'))).toBe(true));
    expect(screen.queryByTestId('select-rows')).toBeNull();
    // Space on a row selects nothing either.
    fireEvent.keyDown(screen.getByTestId('row-cfg-a'), { key: ' ' });
    expect(screen.queryByTestId('select-cfg-a')).toBeNull();
  });
});
