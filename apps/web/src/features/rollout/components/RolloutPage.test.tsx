// @vitest-environment jsdom
import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { fireEvent, screen, within } from '@testing-library/react';
import type { HistoryResponse, PermissionsResponse } from '@wheelhouse/shared-types';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveBed, renderRoutes, serverSends } from '../../../test-support/live-render';
import RolloutPage from './RolloutPage';

const deployment: V1Deployment = {
  metadata: {
    name: 'api',
    namespace: 'demo',
    uid: 'd-uid',
    resourceVersion: '7',
    generation: 2,
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    replicas: 4,
    minReadySeconds: 30,
    progressDeadlineSeconds: 600,
    selector: { matchLabels: { app: 'api' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    template: {
      metadata: { labels: { app: 'api' } },
      spec: { containers: [{ name: 'api', image: 'api:2' }] },
    },
  },
  status: { observedGeneration: 2, replicas: 5, updatedReplicas: 2, readyReplicas: 5, availableReplicas: 4 },
};
const rs = (revision: number, replicas: number): V1ReplicaSet => ({
  metadata: {
    name: `api-${revision}`,
    namespace: 'demo',
    uid: `rs-${revision}`,
    resourceVersion: '1',
    labels: { app: 'api' },
    annotations: { 'deployment.kubernetes.io/revision': String(revision) },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'd-uid', controller: true },
    ],
  },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'api' } },
    template: { spec: { containers: [{ name: 'api', image: `api:${revision}` }] } },
  },
  status: { replicas, readyReplicas: replicas, availableReplicas: revision === 2 ? 1 : replicas },
});

// Registered before the bed's hooks so that it runs after them: the page unmounts with fetch still stubbed.
afterEach(() => {
  vi.unstubAllGlobals();
});
const live = liveBed((server) => {
  server.set('deployments', [deployment]);
  server.set('replicasets', [rs(1, 3), rs(2, 2)]);
  server.set('pods', []);
});
let allowed: boolean;
let scaleAnswers: number[];
let scaleBodies: Array<Record<string, unknown>>;

beforeEach(() => {
  allowed = true;
  scaleAnswers = [];
  scaleBodies = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if (url.startsWith('/api/permissions')) {
      return json({
        namespace: 'demo',
        results: [
          { check: 'patch:deployments/scale', allowed },
          { check: 'patch:deployments', allowed },
        ],
      } satisfies PermissionsResponse);
    }
    if (url.endsWith('/history')) {
      return json({
        resourceVersion: '7',
        currentRevision: 2,
        revisions: [
          { revision: 1, replicaSet: 'api-1', images: ['api:1'], template: {}, replicas: 3, current: false },
          {
            revision: 2,
            replicaSet: 'api-2',
            images: ['api:2'],
            template: {},
            replicas: 2,
            current: true,
            changeCause: 'bump',
          },
        ],
      } satisfies HistoryResponse);
    }
    if (url === '/api/session') return json({ csrfToken: 'token' });
    if (url.endsWith('/scale')) {
      const answer = scaleAnswers.shift() ?? 200;
      scaleBodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      if (answer === 409) {
        return new Response(
          JSON.stringify({
            error: {
              code: 409,
              reason: 'Conflict',
              message:
                'Operation cannot be fulfilled on deployments.apps "api": the object has been modified',
              source: 'apiserver',
            },
          }),
          { status: 409 },
        );
      }
      return json({ deployment });
    }
    return new Response('{}', { status: 404 });
  });
});

const renderPage = () =>
  renderRoutes(
    live,
    '/deployments/demo/api/rollout',
    <Route path="/deployments/:namespace/:name/rollout" element={<RolloutPage />} />,
  );

describe('RolloutPage', () => {
  it('shows the status line as kubectl words it, the ReplicaSets and the resolved strategy', async () => {
    renderPage();
    expect((await screen.findByTestId('rollout-status')).textContent).toBe(
      'Waiting for deployment "api" rollout to finish: 2 out of 4 new replicas have been updated...',
    );
    // The detail page's wording (one DeploymentStrategy for both).
    expect(screen.getByTestId('strategy').textContent).toBe('RollingUpdate: maxSurge 1, maxUnavailable 0');
    expect(await screen.findByTestId('rs-new')).toBeDefined();
    expect(
      within(screen.getByTestId('rs-new'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['api-2 new', '2', '2', '2', '2', '1', 'api:2', expect.any(String)]);
    expect(screen.getByTestId('rollout-progress').textContent).toBe(
      '1 of 4 desired replicas available on the new ReplicaSet',
    );
    expect(await screen.findByTestId('revision-2')).toBeDefined();
  });

  it('disables every action with the reason when the permission check says no', async () => {
    allowed = false;
    renderPage();
    await screen.findByTestId('rollout-status');
    const reasons = await screen.findByTestId('blocked-reasons');
    expect(reasons.textContent).toContain('Scale: You may not patch deployments/scale in namespace demo');
    for (const action of ['scale', 'restart', 'pause', 'undo', 'image']) {
      const button = screen.getByTestId(`action-${action}`) as HTMLButtonElement;
      expect(button.disabled, action).toBe(true);
    }
    expect((screen.getByTestId('action-scale') as HTMLButtonElement).title).toBe(
      'You may not patch deployments/scale in namespace demo',
    );
    expect(((await screen.findByTestId('undo-to-1')) as HTMLButtonElement).disabled).toBe(true);
  });

  it('enables the actions the user may take', async () => {
    renderPage();
    await screen.findByTestId('rollout-status');
    await vi.waitFor(() =>
      expect((screen.getByTestId('action-scale') as HTMLButtonElement).disabled).toBe(false),
    );
    expect((screen.getByTestId('action-resume') as HTMLButtonElement).disabled).toBe(true); // not paused
    expect(screen.queryByTestId('blocked-reasons')).toBeNull();
  });

  const statusUpdate = (rv: string, extra: Partial<V1Deployment> = {}): V1Deployment => ({
    ...deployment,
    ...extra,
    metadata: { ...deployment.metadata, ...extra.metadata, resourceVersion: rv },
    status: { ...deployment.status, updatedReplicas: 3 },
  });
  async function openScale(to: string) {
    renderPage();
    await screen.findByTestId('rollout-status');
    await vi.waitFor(() =>
      expect((screen.getByTestId('action-scale') as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('action-scale'));
    fireEvent.change(screen.getByTestId('scale-input'), { target: { value: to } });
  }

  it('sends again with the newest resourceVersion when only the status moved in between', async () => {
    await openScale('5');
    scaleAnswers = [409, 200];
    fireEvent.click(screen.getByTestId('confirm-action'));
    // The controller's status write reaches the apiserver first, then the watch.
    await serverSends(() =>
      live.server.push('deployments', [{ type: 'MODIFIED', object: statusUpdate('8') }]),
    );
    expect((await screen.findByTestId('action-done')).textContent).toBe(
      'Scaled deployment/api to 5 replicas.',
    );
    expect(scaleBodies.map((b) => b.resourceVersion)).toEqual(['7', '8']);
  });

  it('shows the conflict with the new state, and sends nothing more, when the spec moved', async () => {
    await openScale('5');
    scaleAnswers = [409];
    await serverSends(() =>
      live.server.push('deployments', [
        {
          type: 'MODIFIED',
          object: statusUpdate('9', {
            metadata: { generation: 3 },
            spec: { ...deployment.spec, replicas: 6 } as V1Deployment['spec'],
          }),
        },
      ]),
    );
    fireEvent.click(screen.getByTestId('confirm-action'));
    const notice = await screen.findByTestId('conflict-notice');
    expect(notice.textContent).toContain('The Deployment changed since you looked — here is the new state');
    expect(within(notice).getByText('replicas').closest('tr')?.textContent).toBe('replicas46');
    expect(scaleBodies.map((b) => b.resourceVersion)).toEqual(['7']);
  });
});
