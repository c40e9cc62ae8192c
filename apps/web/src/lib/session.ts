import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Session } from '@wheelhouse/shared-types';
import { getJson } from './api';

export function getSession(signal?: AbortSignal): Promise<Session> {
  return getJson<Session>('/api/session', signal);
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
