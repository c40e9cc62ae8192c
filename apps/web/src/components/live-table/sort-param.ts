import type { ColumnDef, SortingState } from '@tanstack/react-table';

/**
 * A list's sort as its URL spells it: `?sort=age` ascending, `?sort=-restarts` descending (the
 * column ids, lower-case like kubectl's --sort-by fields). Unknown columns fall back to `fallback`,
 * so an old or hand-edited link still opens the list.
 */
export function parseSort(
  value: string | undefined,
  // biome-ignore lint/suspicious/noExplicitAny: any column list, whatever its value types
  columns: readonly ColumnDef<any, any>[],
  fallback: SortingState,
): SortingState {
  if (!value) return fallback;
  const desc = value.startsWith('-');
  const id = desc ? value.slice(1) : value;
  const known = columns.some(
    (c) => (c.id ?? ('accessorKey' in c ? c.accessorKey : undefined)) === id && c.enableSorting !== false,
  );
  return known ? [{ id, desc }] : fallback;
}

/** The `?sort=` value of a sort; undefined (no parameter) when it is the list's default. */
export function formatSort(sorting: SortingState, fallback: SortingState): string | undefined {
  const first = sorting[0];
  if (first === undefined) return undefined;
  const fallbackFirst = fallback[0];
  if (fallbackFirst && fallbackFirst.id === first.id && fallbackFirst.desc === first.desc) return undefined;
  return `${first.desc ? '-' : ''}${first.id}`;
}
