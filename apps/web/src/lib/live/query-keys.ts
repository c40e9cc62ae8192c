import type { ResourceKind } from '@wheelhouse/shared-types';

/** What one live subscription watches. `namespace` undefined means all namespaces. */
export interface LiveParams<K extends ResourceKind = ResourceKind> {
  kind: K;
  namespace?: string | undefined;
  labelSelector?: string | undefined;
}

/** `['live', kind, namespace ?? '*', labelSelector ?? '']`: one cache entry per subscription. */
export type LiveQueryKey<K extends ResourceKind = ResourceKind> = readonly ['live', K, string, string];

export function liveKey<K extends ResourceKind>(params: LiveParams<K>): LiveQueryKey<K> {
  return ['live', params.kind, params.namespace ?? '*', params.labelSelector ?? ''] as const;
}

/** Reads the params back out of a key (the inverse of `liveKey`). */
export function paramsFromKey<K extends ResourceKind>(key: LiveQueryKey<K>): LiveParams<K> {
  const [, kind, namespace, labelSelector] = key;
  return {
    kind,
    ...(namespace === '*' ? {} : { namespace }),
    ...(labelSelector === '' ? {} : { labelSelector }),
  };
}

export function isLiveKey(key: readonly unknown[]): key is LiveQueryKey {
  return key[0] === 'live' && key.length === 4;
}
