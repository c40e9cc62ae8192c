import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { KindObject, ResourceKind } from '@wheelhouse/shared-types';
import { getJson } from './api';

/**
 * GET /api/:kind/:namespace/:name — one whole object (managedFields stripped, Secret values removed):
 * what an object page shows and edits (live lists hold slim objects), and the editor reading the
 * current version after a 409.
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

/**
 * The whole object, read again whenever `version` (the resourceVersion its live list shows) moves:
 * live lists carry slim objects, so an object page is live through its list and whole through GET.
 * Until the new read arrives the previous one stays on screen. `version` undefined: one read.
 */
export function useObject<K extends ResourceKind>(
  kind: K,
  namespace: string,
  name: string,
  enabled: boolean,
  version?: string,
) {
  return useQuery({
    queryKey: [...objectQueryOptions(kind, namespace, name).queryKey, version ?? ''],
    queryFn: ({ signal }) => getObject(kind, namespace, name, signal),
    retry: false,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}
