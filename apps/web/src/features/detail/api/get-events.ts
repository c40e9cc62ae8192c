import type { CoreV1Event } from '@kubernetes/client-node';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResourceKind } from '@wheelhouse/shared-types';
import { getJson } from '../../../lib/api';

/** GET /api/events/:kind/:namespace/:name — the Events whose involvedObject is that object. */
export function getEvents(kind: ResourceKind, namespace: string, name: string, signal?: AbortSignal) {
  return getJson<{ items: CoreV1Event[] }>(
    `/api/events/${kind}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    signal,
  );
}

/**
 * Keyed by the object's resourceVersion as well: when the object changes (a rollout step, a
 * readiness flip) its events are read again; nothing is polled.
 */
export const eventsQueryOptions = (kind: ResourceKind, namespace: string, name: string, version: string) =>
  queryOptions({
    queryKey: ['events', kind, namespace, name, version],
    queryFn: ({ signal }) => getEvents(kind, namespace, name, signal),
    placeholderData: (previous) => previous,
    staleTime: 5_000,
    retry: false,
  });

export function useEvents(kind: ResourceKind, namespace: string, name: string, version: string) {
  return useQuery(eventsQueryOptions(kind, namespace, name, version));
}
