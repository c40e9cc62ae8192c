import { type DataTag, queryOptions, useQuery } from '@tanstack/react-query';
import type { ListShape, ResourceKind, WireItem } from '@wheelhouse/shared-types';
import { useLiveStore } from './live-context';
import type { LiveStore } from './live-store';
import { type LiveParams, type LiveQueryKey, liveKey } from './query-keys';
import type { LiveList } from './reducers';

/** How long a subscription outlives its last observer (quick back-navigation stays warm). */
export const LIVE_GC_TIME_MS = 5_000;

/**
 * The single owner of a live key. The query function subscribes and resolves with the ack's
 * snapshot; from then on the LiveStore patches the cache entry with each `events`/`resync`, so
 * the data is never stale and never refetched by polling. When the entry is garbage-collected
 * (gcTime after the last observer left) the store unsubscribes.
 */
export function liveListOptions<K extends ResourceKind, S extends ListShape = 'object'>(
  store: LiveStore,
  params: LiveParams<K, S>,
) {
  return queryOptions({
    queryKey: liveKey(params) as DataTag<LiveQueryKey<K>, LiveList<WireItem<K, S>>, Error>,
    queryFn: ({ signal }) => store.open(params, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: LIVE_GC_TIME_MS,
    retry: false,
    // The reducers already keep the identity of unchanged objects; the data is a Map anyway.
    structuralSharing: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/**
 * The live list of one kind in one namespace (or all), kept current by the socket. With
 * `keepWhileSelectorChanges`, a new label selector keeps showing the previous selection until the
 * new snapshot arrives (never a list of another kind or namespace). `enabled: false` subscribes to
 * nothing (a detail page that does not need the list yet).
 */
export function useLiveList<K extends ResourceKind, S extends ListShape = 'object'>(
  params: LiveParams<K, S>,
  options: { keepWhileSelectorChanges?: boolean; enabled?: boolean } = {},
) {
  const store = useLiveStore();
  const key = liveKey(params);
  return useQuery({
    ...liveListOptions(store, params),
    enabled: options.enabled ?? true,
    ...(options.keepWhileSelectorChanges
      ? {
          placeholderData: (
            previous: LiveList<WireItem<K, S>> | undefined,
            query: { queryKey: readonly unknown[] } | undefined,
          ) =>
            query !== undefined &&
            query.queryKey[1] === key[1] &&
            query.queryKey[2] === key[2] &&
            query.queryKey[4] === key[4]
              ? previous
              : undefined,
        }
      : {}),
  });
}
