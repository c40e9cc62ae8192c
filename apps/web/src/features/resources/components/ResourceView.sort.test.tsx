// @vitest-environment jsdom
import type { V1ConfigMap } from '@kubernetes/client-node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LiveStoreProvider } from '../../../lib/live/live-context';
import { LiveStore } from '../../../lib/live/live-store';
import { FakeLiveServer } from '../../../lib/live/testing/fake-socket';
import ResourceView from './ResourceView';

// jsdom does no layout: give the table's scroll container a size so the virtualiser renders rows.
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
afterEach(cleanup);

const cm = (namespace: string, name: string): V1ConfigMap => ({
  metadata: {
    name,
    namespace,
    uid: `${namespace}/${name}`,
    resourceVersion: '1',
    creationTimestamp: new Date(),
  },
  data: {},
});

describe('ResourceView in all namespaces', () => {
  it('sorts by namespace, then name, as kubectl does, with one sort arrow', async () => {
    const server = new FakeLiveServer();
    server.set('configmaps', [cm('shop', 'b'), cm('demo', 'z'), cm('shop', 'a'), cm('demo', 'c')]);
    const client = new QueryClient();
    const store = new LiveStore(server.client, client);
    render(
      <QueryClientProvider client={client}>
        <LiveStoreProvider store={store}>
          <MemoryRouter initialEntries={['/configmaps']}>
            <Routes>
              <Route
                path="/:kind"
                element={<ResourceView kind="configmaps" title="ConfigMaps" noun="configmaps" />}
              />
            </Routes>
          </MemoryRouter>
        </LiveStoreProvider>
      </QueryClientProvider>,
    );
    await screen.findByTestId('row-a');
    const order = [...document.querySelectorAll('tbody [data-testid^="row-"]')].map((r) =>
      [...r.querySelectorAll('td')]
        .slice(0, 2)
        .map((c) => c.textContent)
        .join('/'),
    );
    expect(order).toEqual(['demo/c', 'demo/z', 'shop/a', 'shop/b']);
    const arrows = screen.getAllByRole('columnheader').filter((h) => /[▲▼]/.test(h.textContent ?? ''));
    expect(arrows.map((h) => h.textContent?.replace(/[▲▼]/g, ''))).toEqual(['NAMESPACE']);
    store.dispose();
  });
});
