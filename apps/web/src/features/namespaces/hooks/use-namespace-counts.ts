import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { VIEWABLE_KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';
import { describeError } from '../../../lib/api';
import { useLiveStore } from '../../../lib/live/live-context';
import { liveListOptions } from '../../../lib/live/live-query';
import type { LiveList } from '../../../lib/live/reducers';

/** Per kind: objects per namespace, or why they cannot be counted (403 on Secrets in the read-only chart). */
export type NamespaceCounts = Record<
  ViewableKind,
  { counts: ReadonlyMap<string, number> | undefined; error: string | undefined }
>;

/** Counts per namespace. Outside the hook so TanStack's `combine` is stable and its result memoised. */
function combine(results: UseQueryResult<LiveList>[]): NamespaceCounts {
  const out = {} as NamespaceCounts;
  VIEWABLE_KINDS.forEach((kind, i) => {
    const result = results[i];
    if (result?.isError) {
      out[kind] = { counts: undefined, error: describeError(result.error).message };
    } else if (!result?.data) {
      out[kind] = { counts: undefined, error: undefined };
    } else {
      const counts = new Map<string, number>();
      for (const obj of result.data.byUid.values()) {
        const ns = obj.metadata?.namespace ?? '';
        counts.set(ns, (counts.get(ns) ?? 0) + 1);
      }
      out[kind] = { counts, error: undefined };
    }
  });
  return out;
}

/**
 * How many objects of each of the six kinds every namespace holds, from the all-namespaces live
 * lists (the same subscriptions the lists use across namespaces: no extra watch when one is open).
 */
export function useNamespaceCounts(): NamespaceCounts {
  const store = useLiveStore();
  return useQueries({
    queries: VIEWABLE_KINDS.map((kind) => liveListOptions(store, { kind })),
    combine: combine as (results: UseQueryResult[]) => NamespaceCounts,
  });
}
