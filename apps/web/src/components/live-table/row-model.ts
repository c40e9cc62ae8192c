import {
  createRow,
  getMemoOptions,
  memo,
  type Row,
  type RowData,
  type RowModel,
  type Table,
} from '@tanstack/react-table';
import { autoComparer, cachedAuto } from './sorting';

/**
 * TanStack's getCoreRowModel, keeping each Row object while its data object stays the same.
 * The stock one makes a new Row (some forty closures) for every data object whenever `data`
 * changes: at 30,000 pods that was ~270 ms for each live batch, however small. Row data objects
 * are memoised per object version (lib/kubectl/rows), so an unchanged object keeps its Row, its
 * cached values and cells; only its position (`index`, the sort's tie-break) is refreshed.
 * Flat lists only: live tables have no sub-rows.
 */
export function stableCoreRowModel<TData extends RowData>(): (table: Table<TData>) => () => RowModel<TData> {
  return (table) => {
    // Per table: a Row belongs to the table that made it (its cells read that table's columns).
    const kept = new WeakMap<object, Row<TData>>();
    return memo(
      () => [table.options.data],
      (data) => {
        const rows: Row<TData>[] = [];
        const rowsById: Record<string, Row<TData>> = {};
        for (let i = 0; i < data.length; i += 1) {
          const original = data[i] as TData;
          let row = kept.get(original as object);
          if (row === undefined) {
            row = createRow(table, table._getRowId(original, i), original, i, 0);
            kept.set(original as object, row);
          } else {
            row.index = i;
          }
          rows.push(row);
          rowsById[row.id] = row;
        }
        return { rows, flatRows: rows, rowsById };
      },
      getMemoOptions(table.options, 'debugTable', 'getRowModel', () => table._autoResetPageIndex()),
    );
  };
}

/**
 * TanStack's getSortedRowModel for a flat list, sorting the Rows themselves. The stock one sorts
 * shallow copies of every Row (so it may attach sorted sub-rows), which at 30,000 rows is a copy of
 * some forty properties per row on each batch; live tables have no sub-rows. Same comparisons,
 * same tie-break (the data's order), on keys read once per row and sort rather than twice per
 * comparison (at 100,000 rows a sort is ~1.7 million comparisons: reading each value through
 * `getValue` and its chunks through a WeakMap took most of a sort's time).
 */
export function flatSortedRowModel<TData extends RowData>(): (table: Table<TData>) => () => RowModel<TData> {
  return (table) =>
    memo(
      () => [table.getState().sorting, table.getPreSortedRowModel()],
      (sorting, model) => {
        if (model.rows.length === 0 || sorting.length === 0) return model;
        const source = model.rows;
        const entries = sorting.flatMap((sort) => {
          const column = table.getColumn(sort.id);
          if (!column?.getCanSort()) return [];
          const { sortUndefined, invertSorting } = column.columnDef;
          const fn = column.getSortingFn();
          const sign = (sort.desc ? -1 : 1) * (invertSorting ? -1 : 1);
          const values = sortUndefined ? source.map((row) => row.getValue(sort.id)) : undefined;
          const compare: (i: number, j: number) => number =
            fn === cachedAuto
              ? autoComparer(source as Row<object>[], sort.id)
              : (i, j) => fn(source[i] as Row<TData>, source[j] as Row<TData>, sort.id);
          return [{ sortUndefined, sign, values, compare }];
        });
        const order = Array.from(source, (_, i) => i).sort((i, j) => {
          for (const entry of entries) {
            let result = 0;
            if (entry.sortUndefined && entry.values) {
              const aUndefined = entry.values[i] === undefined;
              const bUndefined = entry.values[j] === undefined;
              if (aUndefined || bUndefined) {
                if (entry.sortUndefined === 'first') return aUndefined ? -1 : 1;
                if (entry.sortUndefined === 'last') return aUndefined ? 1 : -1;
                result =
                  aUndefined && bUndefined ? 0 : aUndefined ? entry.sortUndefined : -entry.sortUndefined;
              }
            }
            if (result === 0) result = entry.compare(i, j);
            if (result !== 0) return result * entry.sign;
          }
          return (source[i] as Row<TData>).index - (source[j] as Row<TData>).index;
        });
        const rows = order.map((i) => source[i] as Row<TData>);
        return { rows, flatRows: rows, rowsById: model.rowsById };
      },
      getMemoOptions(table.options, 'debugTable', 'getSortedRowModel', () => table._autoResetPageIndex()),
    );
}

/**
 * The filter box's step, after the sort: the sorted rows whose search text contains the table's
 * `globalFilter` (lower-cased, trimmed by the caller). Filtering the sorted list keeps its order,
 * so a keystroke costs one pass over the rows and no sort (filtering first re-sorted what it kept
 * on every key: at 100,000 pods the first key took seconds). It sits in TanStack's last slot
 * (pagination; live tables do not page), so `getRowModel()` is what the filter shows.
 */
export function searchedRowModel<TData extends { search: string }>(): (
  table: Table<TData>,
) => () => RowModel<TData> {
  return (table) =>
    memo(
      () => [table.getState().globalFilter as string | undefined, table.getPrePaginationRowModel()],
      (needle, model) => {
        if (!needle) return model;
        const rows = model.rows.filter((row) => row.original.search.includes(needle));
        return { rows, flatRows: rows, rowsById: model.rowsById };
      },
      getMemoOptions(table.options, 'debugTable', 'getPaginationRowModel'),
    );
}
