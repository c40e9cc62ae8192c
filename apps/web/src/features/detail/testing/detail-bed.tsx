/**
 * Component-test bed for the object pages: namespace shop's objects (a Deployment with its two
 * ReplicaSets and their pods, a stray pod, a Service with its EndpointSlice, a Secret) on the fake
 * live server, and `fetch` stubbed at the lib/api boundary with what the BFF answers the page: the
 * session, a whole object by GET, permissions (all but pods/exec) and a Secret key's value.
 */
import type { V1Deployment, V1EndpointSlice, V1Pod, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import type { KindObject, ResourceKind, SecretSummary } from '@wheelhouse/shared-types';
import { Route } from 'react-router';
import { afterEach, beforeEach, type Mock, vi } from 'vitest';
import type { FakeLiveServer } from '../../../lib/live/testing/fake-socket';
import { jsonResponse, session } from '../../../test-support/bff-responses';
import { type LiveBed, liveBed, minutesAgo, renderRoutes, Where } from '../../../test-support/live-render';
import DetailPage from '../components/DetailPage';

const meta = (name: string, extra: object = {}) => ({
  name,
  namespace: 'shop',
  uid: `uid-${name}`,
  resourceVersion: '1',
  creationTimestamp: minutesAgo(10),
  ...extra,
});
const ownedBy = (kind: string, name: string) => ({
  ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true }],
});

export function pod(name: string, owner: string, ready = true, app = 'web'): V1Pod {
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

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** What the BFF answers the page's requests, reading objects from `server`. */
function bffAnswers(server: FakeLiveServer): Fetch {
  return async (url, init) => {
    if (url === '/api/session') return jsonResponse(session);
    if (url.startsWith('/api/events/')) return jsonResponse({ items: [] });
    // The object page reads the whole object by GET (live lists hold slim ones).
    const one = /^\/api\/([a-z]+)\/([^/?]+)\/([^/?]+)$/.exec(url);
    if (one && one[1] !== 'permissions') {
      const found = server.get(one[1] as ResourceKind, one[2] ?? '', decodeURIComponent(one[3] ?? ''));
      if (found) return jsonResponse(found);
    }
    if (url.startsWith('/api/permissions?')) {
      const checks = new URL(url, 'http://x').searchParams.get('checks')?.split(',') ?? [];
      return jsonResponse({
        namespace: 'shop',
        results: checks.map((check) => ({ check, allowed: !check.includes('pods/exec') })),
      });
    }
    if (url === '/api/secrets/shop/db/reveal') {
      const { key } = JSON.parse(String(init?.body)) as { key: string };
      return jsonResponse({
        key,
        base64: key === 'password' ? btoa('s3cret') : btoa(String.fromCharCode(0xff, 0x00, 0x7f)),
      });
    }
    return jsonResponse(
      { error: { code: 404, reason: 'NotFound', message: `no ${url}`, source: 'bff' } },
      404,
    );
  };
}

export interface DetailBed extends LiveBed {
  /** The stubbed `fetch`: its calls, and an implementation a test may replace. */
  fetch: Mock<Fetch>;
}

/**
 * Registers the file's hooks: before each test a new bed holding the objects above, `fetch`
 * stubbed; after it, the page unmounted, the store closed, `fetch` restored.
 */
export function detailBed(): DetailBed {
  // Registered first so that it runs last: the page is unmounted before `fetch` is restored.
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const bed = liveBed((server) => {
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
  }) as DetailBed;
  beforeEach(() => {
    bed.fetch = vi.fn(bffAnswers(bed.server));
    vi.stubGlobal('fetch', bed.fetch);
  });
  return bed;
}

/** The object page at `url`; any other route shows where the page navigated to. */
export const renderDetail = (bed: LiveBed, url: string) =>
  renderRoutes(
    bed,
    url,
    <>
      <Route path="/:kind/:namespace/:name" element={<DetailPage />} />
      <Route path="*" element={<Where />} />
    </>,
  );
