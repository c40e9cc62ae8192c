import { NAMESPACED_KINDS, type ResourceKind } from '@wheelhouse/shared-types';

/** Where each kind lives in the apiserver's REST tree. The only paths the BFF ever builds. */
const API_PREFIX: Record<ResourceKind, string> = {
  pods: '/api/v1',
  services: '/api/v1',
  configmaps: '/api/v1',
  secrets: '/api/v1',
  namespaces: '/api/v1',
  events: '/api/v1',
  nodes: '/api/v1',
  replicasets: '/apis/apps/v1',
  deployments: '/apis/apps/v1',
  endpointslices: '/apis/discovery.k8s.io/v1',
};

export const KIND_NAMES: Record<ResourceKind, { kind: string; apiVersion: string }> = {
  pods: { kind: 'Pod', apiVersion: 'v1' },
  services: { kind: 'Service', apiVersion: 'v1' },
  configmaps: { kind: 'ConfigMap', apiVersion: 'v1' },
  secrets: { kind: 'Secret', apiVersion: 'v1' },
  namespaces: { kind: 'Namespace', apiVersion: 'v1' },
  events: { kind: 'Event', apiVersion: 'v1' },
  nodes: { kind: 'Node', apiVersion: 'v1' },
  replicasets: { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  deployments: { kind: 'Deployment', apiVersion: 'apps/v1' },
  endpointslices: { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1' },
};

export function isNamespaced(kind: ResourceKind): boolean {
  return NAMESPACED_KINDS.has(kind);
}

/** Collection path: all namespaces when `namespace` is undefined or the kind is cluster-scoped. */
export function collectionPath(kind: ResourceKind, namespace?: string): string {
  const prefix = API_PREFIX[kind];
  if (namespace && isNamespaced(kind)) {
    return `${prefix}/namespaces/${encodeURIComponent(namespace)}/${kind}`;
  }
  return `${prefix}/${kind}`;
}

export function objectPath(kind: ResourceKind, namespace: string | undefined, name: string): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`;
}
