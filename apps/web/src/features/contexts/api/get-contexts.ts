import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContextsResponse } from '@wheelhouse/shared-types';
import { getJson } from '../../../lib/api';

export const contextsQuery = queryOptions({
  queryKey: ['contexts'],
  queryFn: ({ signal }) => getJson<ContextsResponse>('/api/contexts', signal),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useContexts() {
  return useQuery(contextsQuery);
}
