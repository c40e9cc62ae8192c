// @vitest-environment jsdom
import type { V1Deployment, V1Service } from '@kubernetes/client-node';
import { screen } from '@testing-library/react';
import type { SecretSummary } from '@wheelhouse/shared-types';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { giveElementsASize } from '../../../components/live-table/jsdom-layout';
import { minutesAgo as ago, liveBed, renderRoutes, serverSends } from '../../../test-support/live-render';
import { cellTexts, headerTexts } from '../../../test-support/table-queries';
import ResourceView, { type ListedKind } from './ResourceView';

const meta = (name: string, rv = '1') => ({
  name,
  namespace: 'shop',
  uid: `uid-${name}`,
  resourceVersion: rv,
  creationTimestamp: ago(30), // kubectl prints whole minutes from 10m on: a slow render cannot make it "5m1s"
});

const deployment = (rv: string, ready: number): V1Deployment => ({
  metadata: meta('web', rv),
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { spec: { containers: [{ name: 'web', image: 'registry.invalid/web:1' }] } },
  },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: ready, availableReplicas: ready },
});

giveElementsASize();

const live = liveBed((server) => {
  server.set('deployments', [deployment('1', 1)]);
  const svc: V1Service = {
    metadata: meta('web'),
    spec: {
      type: 'NodePort',
      clusterIP: '10.96.0.1',
      selector: { app: 'web' },
      ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
    },
  };
  server.set('services', [svc]);
  const secret: SecretSummary = { metadata: meta('db'), type: 'Opaque', dataSizes: { a: 1, b: 2 } };
  server.set('secrets', [secret]);
});

const renderList = (kind: ListedKind, title: string) =>
  renderRoutes(
    live,
    `/${kind}?ns=shop`,
    <Route path="/:kind" element={<ResourceView kind={kind} title={title} noun={kind} />} />,
  );

const cells = (name: string) => cellTexts(`row-${name}`);

describe('ResourceView', () => {
  it('prints Deployments as kubectl get deploy -o wide, and follows a change', async () => {
    renderList('deployments', 'Deployments');
    await screen.findByTestId('row-web');
    expect(headerTexts()).toEqual([
      'NAME',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'AGE',
      'CONTAINERS',
      'IMAGES',
      'SELECTOR',
    ]);
    expect(cells('web')).toEqual(['web', '1/3', '3', '1', '30m', 'web', 'registry.invalid/web:1', 'app=web']);
    await serverSends(() =>
      live.server.push('deployments', [{ type: 'MODIFIED', object: deployment('2', 3) }]),
    );
    expect(cells('web').slice(1, 4)).toEqual(['3/3', '3', '3']);
  });

  it('prints Services with node ports', async () => {
    renderList('services', 'Services');
    await screen.findByTestId('row-web');
    expect(headerTexts()).toEqual([
      'NAME',
      'TYPE',
      'CLUSTER-IP',
      'EXTERNAL-IP',
      'PORT(S)',
      'AGE',
      'SELECTOR',
    ]);
    expect(cells('web')).toEqual([
      'web',
      'NodePort',
      '10.96.0.1',
      '<none>',
      '80:30080/TCP',
      '30m',
      'app=web',
    ]);
  });

  it('prints Secrets with DATA from the key sizes', async () => {
    renderList('secrets', 'Secrets');
    await screen.findByTestId('row-db');
    expect(headerTexts()).toEqual(['NAME', 'TYPE', 'DATA', 'AGE']);
    expect(cells('db')).toEqual(['db', 'Opaque', '2', '30m']);
  });
});
