import { useMemo, useRef } from 'react';
import type { LiveRow } from './types';

/** How long after a change a row that scrolls into view still flashes. */
export const FLASH_WINDOW_MS = 1000;

/**
 * When each row last changed (performance.now()), by uid. The first list seen is the baseline:
 * rows present then do not flash; rows added or modified later do.
 */
export function useChangeTimes(rows: readonly LiveRow[] | undefined): ReadonlyMap<string, number> {
  const state = useRef<{ versions: Map<string, string> | undefined; changedAt: Map<string, number> }>({
    versions: undefined,
    changedAt: new Map(),
  });
  return useMemo(() => {
    const { current } = state;
    if (rows === undefined) return current.changedAt;
    const now = performance.now();
    const versions = new Map<string, string>();
    const changedAt = new Map<string, number>();
    for (const row of rows) {
      versions.set(row.uid, row.version);
      const previous = current.changedAt.get(row.uid);
      if (current.versions !== undefined && current.versions.get(row.uid) !== row.version) {
        changedAt.set(row.uid, now);
      } else if (previous !== undefined && now - previous < FLASH_WINDOW_MS) {
        changedAt.set(row.uid, previous);
      }
    }
    current.versions = versions;
    current.changedAt = changedAt;
    return changedAt;
  }, [rows]);
}
