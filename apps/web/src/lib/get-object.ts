import { queryOptions, useQuery } from '@tanstack/react-query';
import type { KindObject, ResourceKind } from '@wheelhouse/shared-types';
import { getJson } from './api';

/**
 * GET /api/:kind/:namespace/:name — one object (managedFields stripped, Secret values removed): an
 * object page when its list cannot be watched, and the editor reading the current version after a 409.
 */
export function getObject<K extends ResourceKind>(
  kind: K,
  namespace: string,
  name: string,
  signal?: AbortSignal,
) {
  return getJson<KindObject<K>>(
    `/api/${kind}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    signal,
  );
}

export const objectQueryOptions = <K extends ResourceKind>(kind: K, namespace: string, name: string) =>
  queryOptions({
    queryKey: ['object', kind, namespace, name],
    queryFn: ({ signal }) => getObject(kind, namespace, name, signal),
    retry: false,
  });

/** The one-shot read, used when the live list of the kind cannot be watched (e.g. 403 on list). */
export function useObject<K extends ResourceKind>(
  kind: K,
  namespace: string,
  name: string,
  enabled: boolean,
) {
  return useQuery({ ...objectQueryOptions(kind, namespace, name), enabled });
}
