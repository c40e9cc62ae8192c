import { describe, expect, it } from 'vitest';
import {
  apiGroupOf,
  apiPathPrefix,
  KINDS,
  NAMESPACED_KINDS,
  PERMISSION_RESOURCES,
  RESOURCE_KINDS,
  ResourceKind,
  resourceKindOf,
  typeMeta,
  VIEWABLE_KINDS,
} from '../src';

describe('the kinds record', () => {
  it('lists every kind the dashboard watches, and the schema takes exactly those', () => {
    expect([...RESOURCE_KINDS].sort()).toEqual(
      [
        'configmaps',
        'deployments',
        'endpointslices',
        'events',
        'namespaces',
        'nodes',
        'pods',
        'replicasets',
        'secrets',
        'services',
      ].sort(),
    );
    for (const kind of RESOURCE_KINDS) expect(ResourceKind.safeParse(kind).success, kind).toBe(true);
    expect(ResourceKind.safeParse('Pod').success).toBe(false);
    expect(ResourceKind.safeParse('statefulsets').success).toBe(false);
  });

  it('offers views for the six kinds of the navigation, in its order', () => {
    expect(VIEWABLE_KINDS).toEqual([
      'pods',
      'deployments',
      'replicasets',
      'services',
      'configmaps',
      'secrets',
    ]);
    expect(KINDS.replicasets.view).toEqual({ label: 'ReplicaSets', noun: 'replicasets' });
  });

  it('knows which kinds are cluster-scoped', () => {
    expect(NAMESPACED_KINDS.has('pods')).toBe(true);
    expect(NAMESPACED_KINDS.has('endpointslices')).toBe(true);
    expect(NAMESPACED_KINDS.has('namespaces')).toBe(false);
    expect(NAMESPACED_KINDS.has('nodes')).toBe(false);
    expect(NAMESPACED_KINDS.size).toBe(RESOURCE_KINDS.length - 2);
  });

  it('puts the core group under /api and named groups under /apis', () => {
    expect(apiPathPrefix('pods')).toBe('/api/v1');
    expect(apiPathPrefix('nodes')).toBe('/api/v1');
    expect(apiPathPrefix('deployments')).toBe('/apis/apps/v1');
    expect(apiPathPrefix('endpointslices')).toBe('/apis/discovery.k8s.io/v1');
    expect(apiGroupOf('v1')).toBe('');
    expect(apiGroupOf('apps/v1')).toBe('apps');
  });

  it('gives the type meta objects from a watch cache lack', () => {
    expect(typeMeta('deployments')).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(typeMeta('configmaps')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap' });
  });

  it('finds the kind an owner reference names by kind and group, any version', () => {
    expect(resourceKindOf({ apiVersion: 'apps/v1', kind: 'ReplicaSet' })).toBe('replicasets');
    expect(resourceKindOf({ apiVersion: 'apps/v1beta2', kind: 'Deployment' })).toBe('deployments');
    expect(resourceKindOf({ apiVersion: 'v1', kind: 'Pod' })).toBe('pods');
    // A custom resource that shares a kind name is not ours; nor is a kind we do not watch.
    expect(resourceKindOf({ apiVersion: 'example.com/v1', kind: 'Deployment' })).toBeUndefined();
    expect(resourceKindOf({ apiVersion: 'apps/v1', kind: 'StatefulSet' })).toBeUndefined();
    expect(resourceKindOf({ kind: 'Pod' })).toBeUndefined();
  });

  it('names the permission resources by the groups of their kinds', () => {
    expect(PERMISSION_RESOURCES).toEqual({
      deployments: 'apps',
      'deployments/scale': 'apps',
      replicasets: 'apps',
      pods: '',
      'pods/log': '',
      'pods/exec': '',
      services: '',
      endpointslices: 'discovery.k8s.io',
      events: '',
      configmaps: '',
      secrets: '',
    });
  });
});
