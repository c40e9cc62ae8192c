import {
  createRow,
  getMemoOptions,
  memo,
  type Row,
  type RowData,
  type RowModel,
  type Table,
} from '@tanstack/react-table';
import { sortOrder } from './sort-order';

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
 * TanStack's getSortedRowModel for a flat list, sorting the Rows themselves (in the order
 * `sortOrder` gives their data). The stock one sorts shallow copies of every Row (so it may attach
 * sorted sub-rows), which at 30,000 rows is a copy of some forty properties per row on each batch;
 * live tables have no sub-rows. Same comparisons, same tie-break (the data's order).
 */
export function flatSortedRowModel<TData extends RowData>(): (table: Table<TData>) => () => RowModel<TData> {
  return (table) =>
    memo(
      () => [table.getState().sorting, table.getPreSortedRowModel()],
      (sorting, model) => {
        if (model.rows.length === 0 || sorting.length === 0) return model;
        const source = model.rows;
        const rows = sortOrder(
          table,
          source.map((row) => row.original),
          sorting,
        ).map((i) => source[i] as Row<TData>);
        return { rows, flatRows: rows, rowsById: model.rowsById };
      },
      getMemoOptions(table.options, 'debugTable', 'getSortedRowModel', () => table._autoResetPageIndex()),
    );
}
