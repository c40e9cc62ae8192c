// @vitest-environment jsdom
import type { V1ConfigMap, V1Namespace } from '@kubernetes/client-node';
import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { giveElementsASize } from '../../../components/live-table/jsdom-layout';
import { minutesAgo as ago, liveBed, renderRoutes, serverSends } from '../../../test-support/live-render';
import { makePod } from '../../../test-support/pods';
import { cellTexts, headerTexts } from '../../../test-support/table-queries';
import ResourceView from '../../resources/components/ResourceView';
import NamespacesView from './NamespacesView';

const namespace = (name: string, phase = 'Active'): V1Namespace => ({
  metadata: { name, uid: `ns-${name}`, resourceVersion: '1', creationTimestamp: ago(5) },
  status: { phase },
});
const inNs = (ns: string, name: string) => ({
  name,
  namespace: ns,
  uid: `${ns}-${name}`,
  resourceVersion: '1',
  creationTimestamp: ago(1),
});
const configMap = (ns: string, name: string): V1ConfigMap => ({ metadata: inNs(ns, name) });
giveElementsASize();

const live = liveBed((server) => {
  server.set('namespaces', [namespace('demo'), namespace('old', 'Terminating')]);
  server.set('pods', [makePod('demo', 'a'), makePod('demo', 'b')]);
  server.set('configmaps', [configMap('demo', 'kube-root-ca.crt'), configMap('old', 'kube-root-ca.crt')]);
  server.refuse('secrets', {
    code: 403,
    reason: 'Forbidden',
    message: 'secrets is forbidden: User "viewer" cannot list resource "secrets"',
    source: 'apiserver',
  });
});

const cells = (name: string) => cellTexts(`row-${name}`);

const renderAt = (url: string, extra?: ReactNode) =>
  renderRoutes(
    live,
    url,
    <Route
      path="/namespaces"
      element={
        <>
          <NamespacesView />
          {extra}
        </>
      }
    />,
  );

describe('NamespacesView', () => {
  it('prints NAME, STATUS, AGE and each kind’s count, links into the lists, and — where the kind cannot be listed', async () => {
    renderAt('/namespaces?ns=demo');
    await screen.findByTestId('row-demo');
    expect(headerTexts()).toEqual([
      'NAME',
      'STATUS',
      'AGE',
      'PODS',
      'DEPLOYMENTS',
      'REPLICASETS',
      'SERVICES',
      'CONFIGMAPS',
      'SECRETS',
    ]);
    expect(cells('demo')).toEqual([
      'demo',
      'Active',
      expect.stringMatching(/^5m/),
      '2',
      '0',
      '0',
      '0',
      '1',
      '—',
    ]);
    expect(cells('old').slice(0, 2)).toEqual(['old', 'Terminating']);
    const demo = within(screen.getByTestId('row-demo'));
    expect(demo.getByRole('link', { name: 'demo' }).getAttribute('href')).toBe('/pods?ns=demo');
    expect(demo.getByRole('link', { name: '2 pods in demo' }).getAttribute('href')).toBe('/pods?ns=demo');
    expect(screen.getAllByTitle(/^Cannot count secrets: .*cannot list resource "secrets"/)).toHaveLength(2);

    // A ConfigMap added in demo is counted live (the count rides in a new row, not a stale cell).
    await serverSends(() =>
      live.server.push('configmaps', [{ type: 'ADDED', object: configMap('demo', 'extra') }]),
    );
    expect(cells('demo')[7]).toBe('2');
  });

  it('counts pods from the rows the BFF sends the Pods list, live: a pod added, changed and deleted', async () => {
    renderAt('/namespaces');
    await screen.findByTestId('row-demo');
    expect(cells('demo')[3]).toBe('2');
    expect(cells('old')[3]).toBe('0');
    // The pods travel as rows (a tenth of the objects' bytes): a count needs only their namespace.
    expect(live.server.subscribeLog.filter((s) => s.kind === 'pods')).toEqual([
      { kind: 'pods', shape: 'row' },
    ]);

    await serverSends(() =>
      live.server.push('pods', [{ type: 'ADDED', object: makePod('old', 'straggler') }]),
    );
    expect(cells('old')[3]).toBe('1');
    await serverSends(() =>
      live.server.push('pods', [{ type: 'MODIFIED', object: makePod('demo', 'a', { rv: '2' }) }]),
    );
    expect(cells('demo')[3]).toBe('2'); // a change is the same pod, never one more
    await serverSends(() => live.server.push('pods', [{ type: 'DELETED', object: makePod('demo', 'b') }]));
    expect(cells('demo')[3]).toBe('1');
    expect(
      within(screen.getByTestId('row-demo')).getByRole('link', { name: '1 pods in demo' }),
    ).toBeDefined();
  });

  it('shares one pods subscription with the all-namespaces Pods list shown beside it', async () => {
    renderAt('/namespaces', <ResourceView kind="pods" title="Pods" noun="pods" />);
    await screen.findByTestId('row-demo');
    await screen.findByTestId('row-a'); // the Pods list's row of pod demo/a
    expect(cells('demo')[3]).toBe('2');
    expect(live.server.subscribeLog.filter((s) => s.kind === 'pods')).toEqual([
      { kind: 'pods', shape: 'row' },
    ]);
    expect([...live.server.subs.values()].filter((s) => s.kind === 'pods')).toHaveLength(1);
  });
});
