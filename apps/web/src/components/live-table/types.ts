import type { RowData } from '@tanstack/react-table';

/** What every row of a live table carries besides its columns. */
export interface LiveRow {
  /** metadata.uid: the row's identity. */
  uid: string;
  name: string;
  namespace: string;
  /** metadata.resourceVersion: a new value means the object changed (the row flashes). */
  version: string;
  /** Lower-cased text the filter box searches. */
  search: string;
}

declare module '@tanstack/react-table' {
  interface TableMeta<TData extends RowData> {
    /**
     * The rows a live table shows (sorted, filtered), read at render: TanStack's own row models
     * do not hold them (see use-shown-rows).
     */
    shown?: { readonly current: readonly TData[] };
  }

  // The type parameters must match the library's declaration for the merge to apply.
  interface ColumnMeta<TData extends RowData, TValue> {
    /** CSS width of the column (table-layout is fixed); none means it takes the rest. */
    width?: string;
    /** Extra classes for the column's cells. */
    cellClassName?: string;
  }
}
