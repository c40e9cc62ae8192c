// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { namespacesQueryOptions } from '../features/namespaces/api/get-namespaces';
import { LiveStore } from '../lib/live/live-store';
import { FakeLiveServer } from '../lib/live/testing/fake-socket';
import { sessionQueryOptions } from '../lib/session';
import { renderRoutes, Where } from '../test-support/live-render';
import { Shell } from './Shell';

let client: QueryClient;
let store: LiveStore;

beforeEach(() => {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  client.setQueryData(sessionQueryOptions().queryKey, {
    authenticated: true,
    context: 'dev',
    mode: 'kubeconfig',
  } as never);
  client.setQueryData(namespacesQueryOptions().queryKey, { items: ['default', 'demo', 'shop'] } as never);
  client.setQueryData(['contexts'], { current: 'dev', contexts: [{ name: 'dev', cluster: 'c' }] });
  store = new LiveStore(new FakeLiveServer().client, client);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAt(url: string) {
  renderRoutes(
    { client, store },
    url,
    <Route element={<Shell />}>
      <Route path=":kind" element={<Where />} />
      <Route path="deployments/:namespace/:name/rollout" element={<Where />} />
      <Route path="pods/:namespace/:name/health" element={<Where />} />
      <Route path=":kind/:namespace/:name" element={<Where />} />
      <Route path="nodes/:node" element={<Where />} />
    </Route>,
  );
}

const navHref = (label: string) =>
  within(screen.getByRole('navigation', { name: 'Resources' }))
    .getByRole('link', { name: label })
    .getAttribute('href');
const switcher = () => screen.getByTestId('namespace-switcher') as HTMLSelectElement;

describe('Shell: the namespace of the page is the namespace of everything reached from it', () => {
  it.each([
    ['a pod health page', '/pods/demo/api-1/health'],
    ['a rollout page', '/deployments/demo/api/rollout'],
    ['an object page opened without ?ns=', '/pods/demo/api-1'],
  ])('on %s the header shows its namespace and the nav stays in it', (_, url) => {
    renderAt(url);
    expect(switcher().value).toBe('demo');
    expect(navHref('Pods')).toBe('/pods?ns=demo');
    expect(navHref('Deployments')).toBe('/deployments?ns=demo');
  });

  it('on a list the nav keeps the list namespace and the label selector', () => {
    renderAt('/pods?ns=shop&l=app%3Dweb&q=x');
    expect(switcher().value).toBe('shop');
    expect(navHref('Services')).toBe('/services?ns=shop&l=app%3Dweb');
  });

  it('the Cluster group keeps the namespace but not the label selector, which its views do not apply', () => {
    renderAt('/pods?ns=shop&l=app%3Dweb');
    expect(navHref('Namespaces')).toBe('/namespaces?ns=shop');
    expect(navHref('Nodes')).toBe('/nodes?ns=shop');
    expect(navHref('Events')).toBe('/events?ns=shop');
  });

  it('on a node page (nodes have no namespace) the namespace in view stays, for the nav and the header', () => {
    renderAt('/nodes/kwok-node-0?ns=demo');
    expect(switcher().value).toBe('demo');
    expect(navHref('Pods')).toBe('/pods?ns=demo');
    expect(navHref('Events')).toBe('/events?ns=demo');
  });

  it('changing the namespace on a health page opens the pod list of that namespace', () => {
    renderAt('/pods/demo/api-1/health');
    fireEvent.change(switcher(), { target: { value: 'shop' } });
    expect(screen.getByTestId('where').textContent).toBe('/pods?ns=shop');
  });

  it('choosing all namespaces on a rollout page opens all Deployments', () => {
    renderAt('/deployments/demo/api/rollout');
    fireEvent.change(switcher(), { target: { value: '' } });
    expect(screen.getByTestId('where').textContent).toBe('/deployments');
  });
});
