import { createRow, type Row, type SortingState, type Table } from '@tanstack/react-table';
import { useCallback, useMemo, useRef } from 'react';
import { sortOrder } from './sort-order';
import type { LiveRow } from './types';

const NONE: never[] = [];

/**
 * The rows a live table shows, sorted then filtered, as data objects; and their TanStack Rows,
 * made only for the rows rendered. At 100,000 pods a Row per pod (some forty closures each) was
 * most of the page's heap and a good part of every live batch.
 *
 * Sorting first and filtering the sorted list means a keystroke costs one pass over the rows and
 * no sort, and the sort is redone only when the rows or the sort change.
 */
export function useShownRows<R extends LiveRow>(
  table: Table<R>,
  rows: readonly R[] | undefined,
  sorting: SortingState,
  /** The columns the sort reads (a new list, e.g. with the select column, sorts again). */
  columns: unknown,
  /** Lower-cased, trimmed filter text; '' shows every row. */
  needle: string,
) {
  // `columns` is a dependency though unread: a new list changes what table.getColumn answers.
  const sorted = useMemo(
    () => (rows === undefined ? NONE : sortOrder(table, rows, sorting).map((i) => rows[i] as R)),
    [table, rows, sorting, columns],
  );
  // Typing narrows: when the needle grows, only the rows the shorter one kept can match.
  const last = useRef<{ sorted: readonly R[]; needle: string; shown: readonly R[] }>(undefined);
  const shown = useMemo(() => {
    const previous = last.current;
    const from =
      previous?.sorted === sorted && previous.needle !== '' && needle.startsWith(previous.needle)
        ? previous.shown
        : sorted;
    const result = needle ? from.filter((r) => r.search.includes(needle)) : sorted;
    last.current = { sorted, needle, shown: result };
    return result;
  }, [sorted, needle]);
  // A Row per data object, kept while the object is (objects are memoised per version).
  const kept = useMemo(() => new WeakMap<R, Row<R>>(), []);
  const rowOf = useCallback(
    (original: R, index: number): Row<R> => {
      let row = kept.get(original);
      if (row === undefined) {
        row = createRow(table, original.uid, original, index, 0);
        kept.set(original, row);
      }
      return row;
    },
    [kept, table],
  );
  return { shown, rowOf };
}
