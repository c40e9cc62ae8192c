import { apiPathPrefix, NAMESPACED_KINDS, type ResourceKind } from '@wheelhouse/shared-types';

// The only apiserver paths the BFF ever builds, from the kinds record of @wheelhouse/shared-types
// (group, version, plural, scope).

/** Collection path: all namespaces when `namespace` is undefined or the kind is cluster-scoped. */
export function collectionPath(kind: ResourceKind, namespace?: string): string {
  const prefix = apiPathPrefix(kind);
  if (namespace && NAMESPACED_KINDS.has(kind)) {
    return `${prefix}/namespaces/${encodeURIComponent(namespace)}/${kind}`;
  }
  return `${prefix}/${kind}`;
}

export function objectPath(kind: ResourceKind, namespace: string | undefined, name: string): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`;
}
