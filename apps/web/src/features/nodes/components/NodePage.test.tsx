// @vitest-environment jsdom
import type { V1Node } from '@kubernetes/client-node';
import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { liveBed, minutesAgo, renderRoutes, serverSends } from '../../../test-support/live-render';
import { makePod, type PodOptions } from '../../../test-support/pods';
import { cellTexts, rowIds } from '../../../test-support/table-queries';
import NodePage from './NodePage';

const node = (name: string): V1Node => ({
  metadata: { name, uid: `node-${name}`, resourceVersion: '1', creationTimestamp: minutesAgo(60) },
  status: {
    conditions: [
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    capacity: { cpu: '4', pods: '110' },
    allocatable: { cpu: '4', pods: '110' },
    addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
  },
});

/** A pod bound to `node` (none: still Pending). */
const pod = (namespace: string, name: string, node: string | undefined, opts: PodOptions = {}) =>
  makePod(namespace, name, { ...opts, node: node ?? null });

const live = liveBed((server) => {
  server.set('nodes', [node('kwok-node-0'), node('kwok-node-1')]);
  server.set('pods', [
    pod('demo', 'web-1', 'kwok-node-0', { ip: '10.0.0.11', age: 90 }),
    pod('demo', 'api-1', 'kwok-node-0', { ip: '10.0.0.12', waiting: 'CrashLoopBackOff', restarts: 4 }),
    pod('data', 'db-0', 'kwok-node-0', { ip: '10.0.1.5' }),
    pod('demo', 'web-2', 'kwok-node-1', { ip: '10.0.0.13' }),
    pod('demo', 'web-3', undefined),
  ]);
});

const renderAt = (url: string) =>
  renderRoutes(live, url, <Route path="/nodes/:node" element={<NodePage />} />);

const podsSection = () => within(screen.getByTestId('node-pods'));
const cells = (name: string) => cellTexts(`pod-${name}`);
const podNames = () => rowIds(podsSection());

describe('NodePage pods', () => {
  it('lists the pods bound to the node across namespaces, in kubectl’s words, each linked to its page', async () => {
    renderAt('/nodes/kwok-node-0?ns=demo');
    await screen.findByTestId('pod-web-1');
    expect(podsSection().getByRole('heading').textContent).toBe('Pods (3)');
    expect(
      podsSection()
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Namespace', 'Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP']);
    // Sorted by namespace, then name; the pods of the other node and the unscheduled one are absent.
    expect(podNames()).toEqual(['pod-db-0', 'pod-api-1', 'pod-web-1']);
    expect(cells('web-1')).toEqual(['demo', 'web-1', '1/1', 'Running', '0', '90m', '10.0.0.11']);
    expect(cells('api-1')).toEqual(['demo', 'api-1', '0/1', 'CrashLoopBackOff', '4', '5m', '10.0.0.12']);
    expect(podsSection().getByRole('link', { name: 'db-0' }).getAttribute('href')).toBe(
      '/pods/data/db-0?ns=data',
    );

    // The table holds the rows the BFF computes for the Pods list, never the objects.
    expect(live.server.subscribeLog.filter((s) => s.kind === 'pods')).toEqual([
      { kind: 'pods', shape: 'row' },
    ]);
  });

  it('follows the pods live: one scheduled onto the node appears, one that recovers repaints, one deleted goes', async () => {
    renderAt('/nodes/kwok-node-0');
    await screen.findByTestId('pod-web-1');

    await serverSends(() =>
      live.server.push('pods', [
        { type: 'MODIFIED', object: pod('demo', 'web-3', 'kwok-node-0', { ip: '10.0.0.14', rv: '2' }) },
      ]),
    );
    expect(cells('web-3').slice(2, 5)).toEqual(['1/1', 'Running', '0']);
    expect(podsSection().getByRole('heading').textContent).toBe('Pods (4)');

    await serverSends(() =>
      live.server.push('pods', [
        {
          type: 'MODIFIED',
          object: pod('demo', 'api-1', 'kwok-node-0', { ip: '10.0.0.12', restarts: 5, rv: '2' }),
        },
      ]),
    );
    expect(cells('api-1').slice(2, 5)).toEqual(['1/1', 'Running', '5']);

    await serverSends(() =>
      live.server.push('pods', [{ type: 'DELETED', object: pod('data', 'db-0', 'kwok-node-0') }]),
    );
    expect(screen.queryByTestId('pod-db-0')).toBeNull();
    expect(podNames()).toEqual(['pod-api-1', 'pod-web-1', 'pod-web-3']);
  });

  it('says so when no pod is bound to the node', async () => {
    live.server.set('pods', [pod('demo', 'web-2', 'kwok-node-1')]);
    renderAt('/nodes/kwok-node-0');
    await screen.findByTestId('node-pods');
    expect(await podsSection().findByText('No pods are bound to this node.')).toBeDefined();
    expect(podsSection().getByRole('heading').textContent).toBe('Pods (0)');
  });

  it('says why when pods cannot be listed in all namespaces', async () => {
    live.server.refuse('pods', {
      code: 403,
      reason: 'Forbidden',
      message:
        'pods is forbidden: User "viewer" cannot list resource "pods" in API group "" at the cluster scope',
      source: 'apiserver',
    });
    renderAt('/nodes/kwok-node-0');
    await screen.findByTestId('node-pods');
    const alert = await podsSection().findByRole('alert');
    expect(alert.textContent).toMatch(/^Cannot list pods in all namespaces: pods is forbidden/);
  });
});
