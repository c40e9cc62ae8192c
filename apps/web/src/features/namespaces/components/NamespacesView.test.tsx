// @vitest-environment jsdom
import type { V1ConfigMap, V1Namespace, V1Pod } from '@kubernetes/client-node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LiveStoreProvider } from '../../../lib/live/live-context';
import { LiveStore } from '../../../lib/live/live-store';
import { FakeLiveServer } from '../../../lib/live/testing/fake-socket';
import NamespacesView from './NamespacesView';

const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString() as unknown as Date;
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
const pod = (ns: string, name: string): V1Pod => ({ metadata: inNs(ns, name), spec: { containers: [] } });

const sizes = { clientHeight: 800, clientWidth: 1200 };
const saved: Partial<Record<keyof typeof sizes, PropertyDescriptor | undefined>> = {};
beforeAll(() => {
  for (const [prop, value] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
    saved[prop] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [prop, descriptor] of Object.entries(saved)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, prop, descriptor);
  }
});

let server: FakeLiveServer;
let client: QueryClient;
let store: LiveStore;

beforeEach(() => {
  server = new FakeLiveServer();
  server.set('namespaces', [namespace('demo'), namespace('old', 'Terminating')]);
  server.set('pods', [pod('demo', 'a'), pod('demo', 'b')]);
  server.set('configmaps', [configMap('demo', 'kube-root-ca.crt'), configMap('old', 'kube-root-ca.crt')]);
  server.refuse('secrets', {
    code: 403,
    reason: 'Forbidden',
    message: 'secrets is forbidden: User "viewer" cannot list resource "secrets"',
    source: 'apiserver',
  });
  client = new QueryClient();
  store = new LiveStore(server.client, client);
});

afterEach(() => {
  cleanup();
  store.dispose();
  client.clear();
});

const cells = (name: string) =>
  within(screen.getByTestId(`row-${name}`))
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('NamespacesView', () => {
  it('prints NAME, STATUS, AGE and each kind’s count, links into the lists, and — where the kind cannot be listed', async () => {
    render(
      <QueryClientProvider client={client}>
        <LiveStoreProvider store={store}>
          <MemoryRouter initialEntries={['/namespaces?ns=demo']}>
            <Routes>
              <Route path="/namespaces" element={<NamespacesView />} />
            </Routes>
          </MemoryRouter>
        </LiveStoreProvider>
      </QueryClientProvider>,
    );
    await screen.findByTestId('row-demo');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, ''))).toEqual([
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
    await act(async () => {
      server.push('configmaps', [{ type: 'ADDED', object: configMap('demo', 'extra') }]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(cells('demo')[7]).toBe('2');
  });
});
