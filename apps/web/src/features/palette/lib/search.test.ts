import { describe, expect, it } from 'vitest';
import { NAV_VIEWS, OBJECT_VIEWS } from '../../../lib/views';
import { MATCH } from './rank';
import { type FoundObject, type SearchSource, search } from './search';

// Names as the demo seed and a second team's namespace have them.
const objects: FoundObject[] = [
  { kind: 'deployments', namespace: 'demo', name: 'api' },
  { kind: 'deployments', namespace: 'demo', name: 'payments' },
  { kind: 'deployments', namespace: 'staging', name: 'api' },
  { kind: 'deployments', namespace: 'staging', name: 'api-gateway' },
  { kind: 'replicasets', namespace: 'demo', name: 'api-6f7b9c8d5' },
  { kind: 'pods', namespace: 'demo', name: 'api-6f7b9c8d5-x2k9p' },
  { kind: 'pods', namespace: 'demo', name: 'payments-7d4c9f6b8-q8w2z' },
  { kind: 'pods', namespace: 'demo', name: 'payments-7d4c9f6b8-r5t7m' },
  { kind: 'services', namespace: 'demo', name: 'api' },
  { kind: 'configmaps', namespace: 'demo', name: 'kube-root-ca.crt' },
  { kind: 'secrets', namespace: 'demo', name: 'payments-db' },
  { kind: 'secrets', namespace: 'demo', name: '<img src=x onerror=alert(1)>' },
];

const source = (over: Partial<SearchSource> = {}): SearchSource => ({
  navViews: NAV_VIEWS,
  objectViews: OBJECT_VIEWS,
  objects,
  namespaces: ['default', 'demo', 'staging'],
  currentNamespace: undefined,
  currentList: NAV_VIEWS[0],
  ...over,
});

const lines = (text: string, over?: Partial<SearchSource>) =>
  search(text, source(over)).shown.map(
    (r) => `${r.type} ${r.namespace ?? '-'}/${r.name} → ${r.opens} ${r.href}`,
  );

describe('search', () => {
  it('"rollout api" offers the rollout view of deployment api in every namespace it exists in, exact first', () => {
    expect(lines('rollout api')).toEqual([
      'Deployment demo/api → Rollout /deployments/demo/api/rollout',
      'Deployment staging/api → Rollout /deployments/staging/api/rollout',
      'Deployment staging/api-gateway → Rollout /deployments/staging/api-gateway/rollout',
    ]);
  });

  it('prefers the namespace in view among equal matches', () => {
    expect(lines('rollout api', { currentNamespace: 'staging' })[0]).toBe(
      'Deployment staging/api → Rollout /deployments/staging/api/rollout',
    );
  });

  it('"health payments-" lists the pods whose names start so, with their health pages', () => {
    expect(lines('health payments-')).toEqual([
      'Pod demo/payments-7d4c9f6b8-q8w2z → Health /pods/demo/payments-7d4c9f6b8-q8w2z/health',
      'Pod demo/payments-7d4c9f6b8-r5t7m → Health /pods/demo/payments-7d4c9f6b8-r5t7m/health',
    ]);
  });

  it('a bare name finds objects of every kind, exact before prefix, and opens their pages', () => {
    const found = search('api', source()).shown;
    expect(found.slice(0, 3).map((r) => `${r.type} ${r.namespace}/${r.name}`)).toEqual([
      'Deployment demo/api',
      'Service demo/api',
      'Deployment staging/api',
    ]);
    expect(found.every((r) => r.match >= MATCH.subsequence)).toBe(true);
    expect(found[0]?.href).toBe('/deployments/demo/api?ns=demo');
    expect(found.map((r) => r.name)).toContain('api-6f7b9c8d5-x2k9p');
  });

  it('finds views by label or kubectl names and keeps the namespace in view', () => {
    expect(lines('deploy', { currentNamespace: 'demo' })[0]).toBe(
      'View -/Deployments in demo → List /deployments?ns=demo',
    );
    expect(lines('svc')[0]).toBe('View -/Services → List /services');
  });

  it('"pods demo" is the Pods list in namespace demo; "pods " the Pods list in view', () => {
    expect(lines('pods demo')[0]).toBe('View -/Pods in demo → List /pods?ns=demo');
    expect(lines('pods ', { currentNamespace: 'staging' })[0]).toBe(
      'View -/Pods in staging → List /pods?ns=staging',
    );
    // and only pods after it
    expect(
      search('pods ', source())
        .shown.slice(1)
        .every((r) => r.type === 'Pod'),
    ).toBe(true);
  });

  it('a bare namespace name offers the list in view in that namespace', () => {
    const deployments = NAV_VIEWS.find((v) => v.id === 'deployments');
    expect(lines('staging', { currentList: deployments })).toContain(
      'View -/Deployments in staging → List /deployments?ns=staging',
    );
  });

  it('narrows to a namespace with -n, ns/name or a second term', () => {
    expect(lines('logs api -n staging')).toEqual([
      'Deployment staging/api → Logs /deployments/staging/api?ns=staging&tab=logs',
      'Deployment staging/api-gateway → Logs /deployments/staging/api-gateway?ns=staging&tab=logs',
    ]);
    expect(lines('staging/api')).toEqual(lines('api -n staging'));
    expect(search('api staging', source()).shown.every((r) => r.namespace === 'staging')).toBe(true);
  });

  it('offers a verb only for the kinds that have the view (shell: pods)', () => {
    expect(search('shell api', source()).shown.map((r) => r.type)).toEqual(['Pod']);
  });

  it('keeps names as data: a hostile secret name is found and returned as it is', () => {
    const [hit] = search('<img', source()).shown;
    expect(hit?.name).toBe('<img src=x onerror=alert(1)>');
    expect(hit?.href).toBe('/secrets/demo/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E?ns=demo');
  });

  it('shows at most the limit and counts the rest', () => {
    const many: FoundObject[] = Array.from({ length: 130 }, (_, i) => ({
      kind: 'pods',
      namespace: 'load',
      name: `load-${String(i).padStart(3, '0')}`,
    }));
    const results = search('load-', source({ objects: many }));
    expect(results.shown).toHaveLength(50);
    expect(results.more).toBe(80);
    expect(results.shown[0]?.name).toBe('load-000');
  });

  it('offers the views, and no objects, before anything is typed', () => {
    expect(search('', source()).shown.map((r) => r.name)).toEqual(NAV_VIEWS.map((v) => v.label));
  });

  it('marks what matched: the name part of an object, the namespace of a list in a namespace', () => {
    const [payments] = search('pay', source()).shown;
    expect(payments?.marks).toEqual([0, 1, 2]);
    const [pods] = search('pods demo', source()).shown;
    expect(pods?.name).toBe('Pods in demo');
    expect(pods?.marks.map((i) => pods.name.charAt(i)).join('')).toBe('demo');
  });

  it('offers the cluster views of the registry, cluster-scoped ones without a namespace', () => {
    expect(lines('no')[0]).toBe('View -/Nodes → List /nodes');
    expect(lines('ns')[0]).toBe('View -/Namespaces → List /namespaces');
    expect(lines('events demo')[0]).toBe('View -/Events in demo → List /events?ns=demo');
    expect(lines('nodes demo')).toEqual([]);
  });

  it('"ns staging" (k9s\'s :ns) opens the list in view in that namespace', () => {
    const deployments = NAV_VIEWS.find((v) => v.id === 'deployments');
    expect(lines('ns staging', { currentList: deployments })[0]).toBe(
      'View -/Deployments in staging → List /deployments?ns=staging',
    );
  });

  it('says nothing matched rather than guessing', () => {
    expect(search('zzzz', source())).toEqual({ shown: [], more: 0 });
  });
});
