import type { ListShape, ResourceKind } from '@wheelhouse/shared-types';

/**
 * What one live subscription watches. `namespace` undefined means all namespaces. `shape: 'row'`
 * (pods only) holds the list rows the BFF computes instead of objects: the views that read no more
 * than a row's cells ask for it (the Pods list, the Namespaces counts, the palette, a node's pods);
 * every view that reads the objects (relations, health, rollout, an object's page) subscribes
 * without it, and the two never share a cache entry.
 */
export interface LiveParams<K extends ResourceKind = ResourceKind, S extends ListShape = 'object'> {
  kind: K;
  namespace?: string | undefined;
  labelSelector?: string | undefined;
  shape?: S | undefined;
}

/** `['live', kind, namespace ?? '*', labelSelector ?? '', shape ?? 'object']`: one cache entry per subscription. */
export type LiveQueryKey<K extends ResourceKind = ResourceKind> = readonly [
  'live',
  K,
  string,
  string,
  ListShape,
];

export function liveKey<K extends ResourceKind>(params: LiveParams<K, ListShape>): LiveQueryKey<K> {
  return [
    'live',
    params.kind,
    params.namespace ?? '*',
    params.labelSelector ?? '',
    params.shape ?? 'object',
  ] as const;
}

/** Reads the params back out of a key (the inverse of `liveKey`). */
export function paramsFromKey<K extends ResourceKind>(key: LiveQueryKey<K>): LiveParams<K, ListShape> {
  const [, kind, namespace, labelSelector, shape] = key;
  return {
    kind,
    ...(namespace === '*' ? {} : { namespace }),
    ...(labelSelector === '' ? {} : { labelSelector }),
    ...(shape === 'object' ? {} : { shape }),
  };
}

export function isLiveKey(key: readonly unknown[]): key is LiveQueryKey {
  return key[0] === 'live' && key.length === 5;
}
