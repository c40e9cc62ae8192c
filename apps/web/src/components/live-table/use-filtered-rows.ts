import { useDeferredValue, useMemo } from 'react';
import type { LiveRow } from './types';

/**
 * The rows the filter box keeps. Filtering and re-sorting a large list takes a while, so the box
 * shows each key at once and the rows follow in a render React may interrupt for the next key:
 * `shown` is the filter text the rows are for.
 */
export function useFilteredRows<R extends LiveRow>(rows: R[] | undefined, filter: string) {
  const shown = useDeferredValue(filter);
  const needle = shown.trim().toLowerCase();
  const data = useMemo(
    () => (rows === undefined ? [] : needle ? rows.filter((r) => r.search.includes(needle)) : rows),
    [rows, needle],
  );
  return { shown, filtered: needle !== '', data };
}
