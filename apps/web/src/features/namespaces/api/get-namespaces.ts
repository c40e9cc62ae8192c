import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NamespaceList } from '@wheelhouse/shared-types';
import { getJson } from '../../../lib/api';

export function getNamespaces(signal?: AbortSignal): Promise<NamespaceList> {
  return getJson<NamespaceList>('/api/namespaces', signal);
}

export const namespacesQueryOptions = () =>
  queryOptions({
    queryKey: ['namespaces'],
    queryFn: ({ signal }) => getNamespaces(signal),
    staleTime: 30_000,
    // The list changes rarely; refreshed when the window regains focus rather than polled.
    refetchOnWindowFocus: true,
  });

export function useNamespaces() {
  return useQuery(namespacesQueryOptions());
}
