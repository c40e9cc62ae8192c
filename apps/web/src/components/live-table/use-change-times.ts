import { useMemo, useRef } from 'react';
import type { LiveRow } from './types';

/** How long after a change a row that scrolls into view still flashes. */
export const FLASH_WINDOW_MS = 1000;

/**
 * When each row last changed (performance.now()), by uid. The first list seen is the baseline:
 * rows present then do not flash; rows added or modified later do. While the list is still
 * `loading` (a snapshot arriving in parts), rows that come in are more of the baseline, not
 * additions.
 *
 * Row objects are memoised per object version, so a row object seen before is unchanged: each
 * list costs one WeakSet lookup per row, and the maps are updated in place rather than rebuilt
 * (two maps of 100,000 per render were a good part of a render at that size).
 */
export function useChangeTimes(
  rows: readonly LiveRow[] | undefined,
  loading = false,
): ReadonlyMap<string, number> {
  const state = useRef<{
    seen: WeakSet<LiveRow>;
    versions: Map<string, string> | undefined;
    changedAt: Map<string, number>;
  }>({ seen: new WeakSet(), versions: undefined, changedAt: new Map() });
  return useMemo(() => {
    const { current } = state;
    if (rows === undefined) return current.changedAt;
    const now = performance.now();
    const baseline = current.versions === undefined;
    const versions = current.versions ?? new Map<string, string>();
    const changedAt = new Map<string, number>();
    for (const [uid, at] of current.changedAt) if (now - at < FLASH_WINDOW_MS) changedAt.set(uid, at);
    for (const row of rows) {
      if (current.seen.has(row)) continue;
      current.seen.add(row);
      const before = versions.get(row.uid);
      versions.set(row.uid, row.version);
      if (baseline || before === row.version || (before === undefined && loading)) continue;
      changedAt.set(row.uid, now);
    }
    // Forget deleted rows now and then, so a list with churn does not keep every uid it ever had.
    if (versions.size > rows.length * 2 + 1000) {
      const live = new Set(rows.map((r) => r.uid));
      for (const uid of versions.keys()) if (!live.has(uid)) versions.delete(uid);
    }
    current.versions = versions;
    current.changedAt = changedAt;
    return changedAt;
  }, [rows, loading]);
}
