import { type Query, queryOptions, useQuery } from '@tanstack/react-query';
import type { HistoryResponse } from '@wheelhouse/shared-types';
import { ApiError, getJson } from '../../../lib/api';

export const historyKey = (t: { namespace: string; name: string }) =>
  ['rollout-history', t.namespace, t.name] as const;

/** How often a history read that failed for a passing reason is tried again. */
export const HISTORY_RETRY_MS = 10_000;

/**
 * While the last read failed for a reason that passes — the apiserver or the BFF away (5xx, no
 * answer) — read again every HISTORY_RETRY_MS. The key changes only with a new revision, so without
 * this an outage's error stayed on screen after the cluster was back (found by make chaos). A 4xx
 * is an answer (403: not allowed): shown, not retried.
 */
export function historyRetryInterval(
  query: Query<HistoryResponse, Error, HistoryResponse, readonly unknown[]>,
) {
  const { status, error } = query.state;
  if (status !== 'error') return false;
  return error instanceof ApiError && error.body.code < 500 ? false : HISTORY_RETRY_MS;
}

/**
 * The revisions of a Deployment (from its ReplicaSets). Read once and again whenever the set of
 * ReplicaSets or the Deployment's revision changes (`version` is part of the key), never polled
 * (only a failed read is tried again, see historyRetryInterval).
 */
export const historyOptions = (t: { namespace: string; name: string }, version: string) =>
  queryOptions({
    queryKey: [...historyKey(t), version] as const,
    queryFn: ({ signal }) =>
      getJson<HistoryResponse>(
        `/api/deployments/${encodeURIComponent(t.namespace)}/${encodeURIComponent(t.name)}/history`,
        signal,
      ),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: (previous) => previous,
    refetchInterval: historyRetryInterval,
  });

export function useHistory(t: { namespace: string; name: string }, version: string, enabled: boolean) {
  return useQuery({ ...historyOptions(t, version), enabled });
}
