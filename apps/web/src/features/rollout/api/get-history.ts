import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HistoryResponse } from '@wheelhouse/shared-types';
import { getJson } from '../../../lib/api';

export const historyKey = (t: { namespace: string; name: string }) =>
  ['rollout-history', t.namespace, t.name] as const;

/**
 * The revisions of a Deployment (from its ReplicaSets). Read once and again whenever the set of
 * ReplicaSets or the Deployment's revision changes (`version` is part of the key), never polled.
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
  });

export function useHistory(t: { namespace: string; name: string }, version: string, enabled: boolean) {
  return useQuery({ ...historyOptions(t, version), enabled });
}
