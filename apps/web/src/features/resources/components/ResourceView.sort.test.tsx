// @vitest-environment jsdom
import type { V1ConfigMap } from '@kubernetes/client-node';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { giveElementsASize } from '../../../components/live-table/jsdom-layout';
import { FakeLiveServer } from '../../../lib/live/testing/fake-socket';
import { newLiveBed, renderRoutes } from '../../../test-support/live-render';
import ResourceView from './ResourceView';

giveElementsASize();
afterEach(cleanup);

const cm = (namespace: string, name: string, keys = 0, minutesOld = 0): V1ConfigMap => ({
  metadata: {
    name,
    namespace,
    uid: `${namespace}/${name}`,
    resourceVersion: '1',
    creationTimestamp: new Date(Date.now() - minutesOld * 60_000),
  },
  data: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, 'v'])),
});

function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

/** The list at `url`, with the URL's search string shown beside it. */
function renderList(server: FakeLiveServer, url: string) {
  const bed = newLiveBed(server);
  renderRoutes(
    bed,
    url,
    <Route
      path="/:kind"
      element={
        <>
          <ResourceView kind="configmaps" title="ConfigMaps" noun="configmaps" />
          <Search />
        </>
      }
    />,
  );
  return bed.store;
}

const names = () =>
  [...document.querySelectorAll('tbody [data-testid^="row-"]')].map((r) => r.getAttribute('data-testid'));

describe('ResourceView in all namespaces', () => {
  it('sorts by namespace, then name, as kubectl does, with one sort arrow', async () => {
    const server = new FakeLiveServer();
    server.set('configmaps', [cm('shop', 'b'), cm('demo', 'z'), cm('shop', 'a'), cm('demo', 'c')]);
    const store = renderList(server, '/configmaps');
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

describe('ResourceView sort in the URL', () => {
  const server = new FakeLiveServer();
  server.set('configmaps', [cm('shop', 'a', 1, 30), cm('shop', 'b', 3, 5), cm('shop', 'c', 2, 60)]);

  it('reads ?sort=-data back on load, so a shared link shows the same order', async () => {
    const store = renderList(server, '/configmaps?ns=shop&sort=-data');
    await screen.findByTestId('row-a');
    expect(names()).toEqual(['row-b', 'row-c', 'row-a']);
    expect(screen.getByRole('columnheader', { name: /DATA/ }).getAttribute('aria-sort')).toBe('descending');
    store.dispose();
  });

  it('writes a header click to ?sort= and drops it when back on the default (name)', async () => {
    const store = renderList(server, '/configmaps?ns=shop');
    await screen.findByTestId('row-a');
    fireEvent.click(within(screen.getByRole('columnheader', { name: /AGE/ })).getByRole('button'));
    expect(screen.getByTestId('search').textContent).toBe('?ns=shop&sort=age');
    expect(names()).toEqual(['row-b', 'row-a', 'row-c']); // youngest first
    fireEvent.click(within(screen.getByRole('columnheader', { name: /NAME/ })).getByRole('button'));
    expect(screen.getByTestId('search').textContent).toBe('?ns=shop');
    expect(names()).toEqual(['row-a', 'row-b', 'row-c']);
    store.dispose();
  });

  it('falls back to the default order for a column the list does not have', async () => {
    const store = renderList(server, '/configmaps?ns=shop&sort=-bogus');
    await screen.findByTestId('row-a');
    expect(names()).toEqual(['row-a', 'row-b', 'row-c']);
    store.dispose();
  });
});
