// @vitest-environment jsdom
import type { V1Deployment, V1EndpointSlice, V1Pod, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { KindObject, ResourceKind, SecretSummary } from '@wheelhouse/shared-types';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStoreProvider } from '../../../lib/live/live-context';
import { LiveStore } from '../../../lib/live/live-store';
import { FakeLiveServer } from '../../../lib/live/testing/fake-socket';
import { LoginScreen } from '../../session/components/LoginScreen';
import DetailPage from './DetailPage';

const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString() as unknown as Date;
const meta = (name: string, extra: object = {}) => ({
  name,
  namespace: 'shop',
  uid: `uid-${name}`,
  resourceVersion: '1',
  creationTimestamp: ago(10),
  ...extra,
});
const ownedBy = (kind: string, name: string) => ({
  ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true }],
});

function pod(name: string, owner: string, ready = true, app = 'web'): V1Pod {
  return {
    metadata: meta(name, { labels: { app }, ...ownedBy('ReplicaSet', owner) }),
    spec: {
      nodeName: 'kwok-node-0',
      containers: [
        {
          name: 'web',
          image: 'registry.invalid/web:2',
          ports: [{ name: 'http', containerPort: 8080 }],
          readinessProbe: { httpGet: { path: '/ready', port: 'http' as unknown as number } },
          resources: { requests: { cpu: '100m' } },
        },
      ],
      volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }],
    },
    status: {
      phase: 'Running',
      podIP: '10.0.0.9',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [
        {
          name: 'web',
          image: 'registry.invalid/web:2',
          imageID: '',
          ready,
          restartCount: 0,
          state: { running: {} },
        },
      ],
    },
  };
}

const deployment: V1Deployment = {
  metadata: meta('web', { generation: 2, labels: { app: 'web', tier: 'front' } }),
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    template: { spec: { containers: [{ name: 'web', image: 'registry.invalid/web:2' }] } },
  },
  status: { observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1 },
};
const replicaSets: V1ReplicaSet[] = [
  {
    metadata: meta('web-new', {
      annotations: { 'deployment.kubernetes.io/revision': '2' },
      ...ownedBy('Deployment', 'web'),
    }),
    spec: { replicas: 2, selector: {} },
    status: { replicas: 2, readyReplicas: 1 },
  },
  {
    metadata: meta('web-old', {
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      ...ownedBy('Deployment', 'web'),
    }),
    spec: { replicas: 0, selector: {} },
    status: { replicas: 0 },
  },
  { metadata: meta('other-rs', ownedBy('Deployment', 'other')), spec: { selector: {} } },
];
const service: V1Service = {
  metadata: meta('web-svc'),
  spec: {
    type: 'ClusterIP',
    clusterIP: '10.96.0.10',
    selector: { app: 'web' },
    ports: [{ port: 80, protocol: 'TCP' }],
  },
};
const slice: V1EndpointSlice = {
  addressType: 'IPv4',
  metadata: meta('web-svc-abc', { labels: { 'kubernetes.io/service-name': 'web-svc' } }),
  endpoints: [
    { addresses: ['10.0.0.9'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'web-new-a' } },
    {
      addresses: ['10.0.0.8'],
      conditions: { ready: false, serving: false },
      targetRef: { kind: 'Pod', name: 'web-new-b' },
    },
  ],
};
const secret: SecretSummary = {
  metadata: meta('db'),
  type: 'Opaque',
  dataSizes: { password: 6, blob: 3 },
};

let server: FakeLiveServer;
let client: QueryClient;
let store: LiveStore;
let fetchMock: ReturnType<typeof vi.fn>;

function json(body: unknown, status = 200) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

beforeEach(() => {
  server = new FakeLiveServer();
  server.set('deployments', [deployment]);
  server.set('replicasets', replicaSets);
  server.set('pods', [
    pod('web-new-a', 'web-new'),
    pod('web-new-b', 'web-new', false),
    pod('stray', 'other-rs', true, 'other'),
  ]);
  server.set('services', [service]);
  server.set('endpointslices', [slice as KindObject]);
  server.set('secrets', [secret]);
  client = new QueryClient();
  store = new LiveStore(server.client, client);
  fetchMock = vi.fn((url: string, init?: RequestInit) => {
    if (url === '/api/session')
      return json({
        mode: 'kubeconfig',
        authenticated: true,
        context: 'c',
        csrfToken: 'tok-1',
        version: '0',
      });
    if (url.startsWith('/api/events/')) return json({ items: [] });
    // The object page reads the whole object by GET (live lists hold slim ones).
    const one = /^\/api\/([a-z]+)\/([^/?]+)\/([^/?]+)$/.exec(url);
    if (one && one[1] !== 'permissions') {
      const found = server.get(one[1] as ResourceKind, one[2] ?? '', decodeURIComponent(one[3] ?? ''));
      if (found) return json(found);
    }
    if (url.startsWith('/api/permissions?')) {
      const checks = new URL(url, 'http://x').searchParams.get('checks')?.split(',') ?? [];
      return json({
        namespace: 'shop',
        results: checks.map((check) => ({ check, allowed: !check.includes('pods/exec') })),
      });
    }
    if (url === '/api/secrets/shop/db/reveal') {
      const { key } = JSON.parse(String(init?.body)) as { key: string };
      return json({
        key,
        base64: key === 'password' ? btoa('s3cret') : btoa(String.fromCharCode(0xff, 0x00, 0x7f)),
      });
    }
    if (url === '/api/login') {
      return json(
        {
          error: {
            code: 401,
            reason: 'Unauthorized',
            message: 'the token was not accepted',
            source: 'apiserver',
          },
        },
        401,
      );
    }
    return json({ error: { code: 404, reason: 'NotFound', message: `no ${url}`, source: 'bff' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  cleanup();
  store.dispose();
  client.clear();
  vi.unstubAllGlobals();
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderAt(url: string) {
  return render(
    <QueryClientProvider client={client}>
      <LiveStoreProvider store={store}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/:kind/:namespace/:name" element={<DetailPage />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </LiveStoreProvider>
    </QueryClientProvider>,
  );
}

describe('DetailPage', () => {
  it('shows a Deployment with its rollout line, resolved strategy, ReplicaSets by revision and their pods', async () => {
    renderAt('/deployments/shop/web');
    expect(await screen.findByTestId('rollout-message')).toHaveProperty(
      'textContent',
      'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
    );
    expect(screen.getByTestId('strategy').textContent).toBe('RollingUpdate: maxSurge 1, maxUnavailable 0');
    expect(screen.getByTestId('rollout-link').getAttribute('href')).toBe('/deployments/shop/web/rollout');
    await waitFor(() => expect(screen.getByTestId('rs-web-new')).toBeDefined());
    const rsRows = within(screen.getByTestId('replicasets-table')).getAllByRole('row').slice(1);
    expect(rsRows.map((r) => r.getAttribute('data-testid'))).toEqual(['rs-web-new', 'rs-web-old']);
    const pods = within(screen.getByTestId('pods'));
    const podLinks = () =>
      pods.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/pods/'));
    await waitFor(() => expect(podLinks().map((a) => a.textContent)).toEqual(['web-new-a', 'web-new-b']));
    // Each pod's node leads to the node's page, keeping the namespace in view.
    const nodeLinks = pods.getAllByTestId('node-link');
    expect(nodeLinks.map((a) => a.getAttribute('href'))).toEqual(
      nodeLinks.map((a) => `/nodes/${a.textContent}?ns=shop`),
    );
    expect(nodeLinks.length).toBe(2);
  });

  it('adds a clicked label to the list selector', async () => {
    renderAt('/deployments/shop/web?ns=shop');
    fireEvent.click(await screen.findByTestId('label-tier'));
    expect(screen.getByTestId('where').textContent).toBe('/deployments?ns=shop&l=tier%3Dfront');
  });

  it('adds a clicked label to the selector the list had (l= travels with the link)', async () => {
    renderAt('/deployments/shop/web?ns=shop&l=env%3Dprod');
    expect(screen.getByRole('link', { name: 'Deployments' }).getAttribute('href')).toBe(
      '/deployments?ns=shop&l=env%3Dprod',
    );
    fireEvent.click(await screen.findByTestId('label-tier'));
    expect(screen.getByTestId('where').textContent).toBe('/deployments?ns=shop&l=env%3Dprod%2Ctier%3Dfront');
  });

  it('shows a Pod with its owner chain, probes, resources and volume links', async () => {
    renderAt('/pods/shop/web-new-a');
    const chain = await screen.findByTestId('owner-chain');
    await waitFor(() =>
      expect(
        within(chain)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['web', 'web-new']),
    );
    const container = screen.getByTestId('container-web');
    expect(container.textContent).toContain(
      'HTTP GET http://:8080/ready (port "http") every 10s, timeout 1s; 3 failures → unready',
    );
    expect(container.textContent).toContain('cpu 100m');
    expect(
      within(screen.getByTestId('volumes')).getByRole('link', { name: 'web-config' }).getAttribute('href'),
    ).toBe('/configmaps/shop/web-config?ns=shop');
    expect(
      within(screen.getByTestId('pod-uses'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ConfigMap web-config']);
    await waitFor(() =>
      expect(within(screen.getByTestId('pod-services')).getByRole('link', { name: 'web-svc' })).toBeDefined(),
    );
  });

  it('shows the pods a Service selects with their EndpointSlice state', async () => {
    renderAt('/services/shop/web-svc');
    const section = await screen.findByTestId('service-pods');
    await waitFor(() => expect(within(section).getAllByTestId('endpoint-state')).toHaveLength(2));
    expect(within(screen.getByTestId('pod-web-new-a')).getByTestId('endpoint-state').textContent).toBe(
      'ready',
    );
    expect(within(screen.getByTestId('pod-web-new-b')).getByTestId('endpoint-state').textContent).toBe(
      'not ready',
    );
    expect(section.querySelector('h2')?.textContent).toBe('Pods (1/2 ready endpoints)');
    expect(server.subscribeLog).toContainEqual({
      kind: 'endpointslices',
      namespace: 'shop',
      labelSelector: 'kubernetes.io/service-name=web-svc',
    });
  });

  it('reveals one Secret key with the CSRF token: text as text, binary as hex', async () => {
    renderAt('/secrets/shop/db');
    const password = await screen.findByTestId('secret-key-password');
    expect(password.textContent).toContain('value hidden');
    fireEvent.click(within(password).getByRole('button', { name: 'Reveal password' }));
    expect((await within(password).findByTestId('secret-value')).textContent).toBe('s3cret');
    const call = fetchMock.mock.calls.find(([url]) => url === '/api/secrets/shop/db/reveal');
    const init = call?.[1] as RequestInit;
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-wheelhouse-csrf']).toBe('tok-1');

    const blob = screen.getByTestId('secret-key-blob');
    fireEvent.click(within(blob).getByRole('button', { name: 'Reveal blob' }));
    expect((await within(blob).findByTestId('secret-hex')).textContent).toBe('00000000  ff 00 7f');
    fireEvent.click(within(password).getByRole('button', { name: 'Hide password' }));
    expect(within(password).queryByTestId('secret-value')).toBeNull();
  });

  it("shows a Secret's YAML as Kubernetes knows it: data with hidden values, no invented dataSizes field", async () => {
    renderAt('/secrets/shop/db?tab=yaml');
    expect(await screen.findByTestId('secret-values-note')).toBeTruthy();
    await waitFor(
      () => expect(document.body.textContent).toMatch(/password: "?<hidden: reveal the key to see it>/),
      {
        timeout: 5000,
      },
    );
    expect(document.body.textContent).not.toContain('dataSizes');
  });

  it("shows the whole object read by GET (the live list holds the Pods list's rows) and reads it again at each new resourceVersion", async () => {
    const gets: string[] = [];
    const base = fetchMock.getMockImplementation() as (url: string, init?: RequestInit) => Promise<Response>;
    fetchMock.mockImplementation((url: string, init?: RequestInit) => {
      if (url !== '/api/pods/shop/web-new-a') return base(url, init);
      // What the slim list leaves out (the defaulted tolerations) is in the whole object.
      const live = server.get('pods', 'shop', 'web-new-a') as V1Pod;
      gets.push(live.metadata?.resourceVersion ?? '');
      return json({
        ...live,
        spec: { ...live.spec, tolerations: [{ key: 'node.kubernetes.io/not-ready' }] },
      });
    });
    renderAt('/pods/shop/web-new-a?tab=yaml');
    await waitFor(() => expect(document.body.textContent).toContain('node.kubernetes.io/not-ready'), {
      timeout: 5000,
    });
    expect(gets).toEqual(['1']);
    // The page watches its pod through the Pods list's own subscription (rows), not a second one of objects.
    expect(server.subscribeLog.filter((r) => r.kind === 'pods')).toEqual([
      { kind: 'pods', namespace: 'shop', shape: 'row' },
    ]);
    const changed = pod('web-new-a', 'web-new', false);
    changed.metadata = { ...changed.metadata, resourceVersion: '2' };
    server.push('pods', [{ type: 'MODIFIED', object: changed }]);
    await waitFor(() => expect(gets).toEqual(['1', '2']));
    await waitFor(() => expect(document.body.textContent).toMatch(/resourceVersion: "?2/), { timeout: 5000 });
  });

  it('disables the Shell tab with the reason for a user who may not exec; ?tab=shell says why and opens nothing', async () => {
    renderAt('/pods/shop/web-new-a');
    const tab = await screen.findByTestId('tab-shell');
    await waitFor(() => expect(tab.getAttribute('aria-disabled')).toBe('true'));
    const why =
      'You may not open a shell in namespace shop: create:pods/exec and get:pods/exec are not allowed.';
    expect(tab.getAttribute('title')).toBe(why);
    expect(document.getElementById(tab.getAttribute('aria-describedby') ?? '')?.textContent).toBe(why);
    fireEvent.click(tab);
    expect(screen.getByTestId('tab-overview').getAttribute('aria-selected')).toBe('true');
    cleanup();

    renderAt('/pods/shop/web-new-a?tab=shell');
    expect((await screen.findByTestId('shell-denied')).textContent).toBe(why);
    expect(screen.queryByTestId('shell-terminal')).toBeNull();
  });

  it('says when the object does not exist', async () => {
    renderAt('/deployments/shop/nope');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Deployment “nope” does not exist in namespace shop',
    );
  });

  it('says "You may not read" with the apiserver\'s message when neither list nor get is allowed', async () => {
    const forbidden = {
      code: 403,
      reason: 'Forbidden',
      message: 'secrets "db" is forbidden: User "u" cannot get resource "secrets"',
      source: 'apiserver' as const,
    };
    server.refuse('secrets', forbidden, 'shop');
    fetchMock.mockImplementation(() => json({ error: forbidden }, 403));
    renderAt('/secrets/shop/db');
    const alert = await screen.findByTestId('detail-forbidden');
    expect(alert.textContent).toContain('You may not read secret db in namespace shop');
    expect(alert.textContent).toContain('cannot get resource "secrets"');
  });
});

describe('LoginScreen', () => {
  it('posts the token with the CSRF header and shows the 401 message', async () => {
    // jsdom has no matchMedia (the theme toggle on the screen asks for the system theme).
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
    render(
      <QueryClientProvider client={client}>
        <LiveStoreProvider store={store}>
          <LoginScreen context="prod" />
        </LiveStoreProvider>
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByTestId('login-token'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Unauthorized (401): the token was not accepted',
    );
    const call = fetchMock.mock.calls.find(([url]) => url === '/api/login');
    const init = call?.[1] as RequestInit | undefined;
    expect(JSON.parse(String(init?.body))).toEqual({ token: 'bad' });
    expect((init?.headers as Record<string, string> | undefined)?.['x-wheelhouse-csrf']).toBe('tok-1');
  });
});
