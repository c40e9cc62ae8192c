import { describe, expect, it } from 'vitest';
import { collectionPath, objectPath } from '../src/kube/resources';

// The apiserver paths the BFF builds, as they were written out per kind before they came from the
// kinds record: a change here is a change in what the BFF asks the apiserver for.
describe('apiserver paths', () => {
  it('puts namespaced kinds under their namespace, in the core group or their own', () => {
    expect(collectionPath('pods', 'shop')).toBe('/api/v1/namespaces/shop/pods');
    expect(collectionPath('events', 'shop')).toBe('/api/v1/namespaces/shop/events');
    expect(collectionPath('configmaps', 'shop')).toBe('/api/v1/namespaces/shop/configmaps');
    expect(collectionPath('secrets', 'shop')).toBe('/api/v1/namespaces/shop/secrets');
    expect(collectionPath('services', 'shop')).toBe('/api/v1/namespaces/shop/services');
    expect(collectionPath('deployments', 'shop')).toBe('/apis/apps/v1/namespaces/shop/deployments');
    expect(collectionPath('replicasets', 'shop')).toBe('/apis/apps/v1/namespaces/shop/replicasets');
    expect(collectionPath('endpointslices', 'shop')).toBe(
      '/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices',
    );
  });

  it('lists across namespaces without one, and never puts a cluster-scoped kind in one', () => {
    expect(collectionPath('pods')).toBe('/api/v1/pods');
    expect(collectionPath('deployments')).toBe('/apis/apps/v1/deployments');
    expect(collectionPath('nodes', 'shop')).toBe('/api/v1/nodes');
    expect(collectionPath('namespaces')).toBe('/api/v1/namespaces');
  });

  it('encodes the namespace and the name of one object', () => {
    expect(objectPath('deployments', 'shop', 'web')).toBe('/apis/apps/v1/namespaces/shop/deployments/web');
    expect(objectPath('nodes', undefined, 'kwok-node-0')).toBe('/api/v1/nodes/kwok-node-0');
    expect(objectPath('pods', 'a/b', 'c?d')).toBe('/api/v1/namespaces/a%2Fb/pods/c%3Fd');
  });
});
