import {
  type ColumnDef,
  flexRender,
  type Row,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorPanel, LiveNotice, PageMessage as Message } from '../notices';
import { tableMinWidth } from './column-widths';
import { FilterInput } from './FilterInput';
import { rowCount } from './loading-text';
import { stableCoreRowModel } from './row-model';
import { cachedAuto } from './sorting';
import { TableRow } from './TableRow';
import type { LiveRow } from './types';
import { useChangeTimes } from './use-change-times';
import { useFilterNeedle } from './use-filter-needle';
import { useShownRows } from './use-shown-rows';

const ROW_HEIGHT = 32;
const NO_ROWS: never[] = [];
/** One object for every render: TanStack rebuilds its columns when this changes. */
const DEFAULT_COLUMN = { sortingFn: cachedAuto };

export interface LiveTableProps<R extends LiveRow> {
  /** What the rows are, as messages say it: "pods". */
  noun: string;
  /** The namespace shown, or undefined for all (which also shows the NAMESPACE column). */
  namespace: string | undefined;
  /** Where the rows live as messages say it, for a cluster-scoped list: "the cluster". */
  scope?: string | undefined;
  rows: R[] | undefined;
  /** While the server still sends the list in parts: how much has arrived, of about how many. */
  loading?: { loaded: number; total?: number } | undefined;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  // biome-ignore lint/suspicious/noExplicitAny: a column list mixes value types; TanStack's own docs type it so
  columns: ColumnDef<R, any>[];
  filter: string;
  onFilterChange: (value: string) => void;
  /** The sort, held by the caller (in the URL, so a shared link sorts the same). */
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  /** Shown above the table while the server says the watch is not live. */
  notice?: string | undefined;
  /** More controls beside the filter box (the label selector). */
  toolbar?: ReactNode;
  /** The label selector applied on the server, for the empty message. */
  selector?: string | undefined;
  /** Where a row leads (its detail page): Enter on a focused row follows it (nowhere: undefined). */
  rowHref?: ((row: R) => string | undefined) | undefined;
  /** Space on a focused row (toggles its selection, when the columns include select-column). */
  onRowSpace?: ((row: R) => void) | undefined;
}

/**
 * A live, virtualised, sortable, filterable table of Kubernetes objects. Rows are real table rows
 * (`role=table/row/cell` for assistive tech and Playwright), keyed by uid, and flash when their
 * resourceVersion changes.
 */
export function LiveTable<R extends LiveRow>(props: LiveTableProps<R>) {
  const {
    noun,
    namespace,
    scope,
    rows,
    loading,
    status,
    error,
    columns,
    filter,
    onFilterChange,
    sorting,
    onSortingChange,
    notice,
    toolbar,
    selector,
    rowHref,
    onRowSpace,
  } = props;
  const changedAt = useChangeTimes(rows, loading !== undefined);

  const { shown, needle } = useFilterNeedle(filter);

  const shownRef = useRef<readonly R[]>(NO_ROWS);
  // TanStack's row models see the first row only: TanStack picks a column's first sort direction
  // from the first row's value. The rows shown are sorted and filtered by useShownRows.
  const first = rows?.[0];
  const data = useMemo(() => (first === undefined ? NO_ROWS : [first]), [first]);
  const table = useReactTable({
    data,
    columns,
    meta: { shown: shownRef },
    state: { sorting, columnVisibility: { namespace: namespace === undefined } },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: stableCoreRowModel(),
    autoResetPageIndex: false,
    getRowId: (row) => row.uid,
    defaultColumn: DEFAULT_COLUMN,
    enableSortingRemoval: false,
  });

  const { shown: shownRows, rowOf } = useShownRows(table, rows, sorting, columns, needle);
  shownRef.current = shownRows;
  const shownCount = shownRows.length;
  const count =
    rows === undefined ? '' : rowCount(rows.length, needle ? shownCount : undefined, noun, loading);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-3 px-4 pb-3">
        <FilterInput value={filter} onChange={onFilterChange} placeholder={`Filter ${noun}…`} />
        {toolbar}
        <span className="text-slate-500 text-xs tabular-nums dark:text-slate-400" data-testid="row-count">
          {count}
        </span>
      </div>
      <LiveNotice notice={notice} className="mx-4 mb-3" />
      {status === 'pending' ? (
        <Message role="status">Loading {noun}…</Message>
      ) : status === 'error' ? (
        <ErrorMessage error={error} noun={noun} where={scope ?? namespaceText(namespace)} />
      ) : rows !== undefined && rows.length === 0 ? (
        <Message role="status">
          No {noun} {selector ? `match the selector “${selector}” ` : ''}in{' '}
          {scope ?? (namespace === undefined ? 'any namespace' : `namespace ${namespace}`)}
        </Message>
      ) : shownCount === 0 ? (
        <Message role="status">
          No {noun} match “{shown.trim()}”
        </Message>
      ) : (
        <VirtualTable
          table={table}
          shown={shownRows}
          rowOf={rowOf}
          noun={noun}
          changedAt={changedAt}
          rowHref={rowHref}
          onRowSpace={onRowSpace}
        />
      )}
    </div>
  );
}

function VirtualTable<R extends LiveRow>({
  table,
  shown,
  rowOf,
  noun,
  changedAt,
  rowHref,
  onRowSpace,
}: {
  table: ReturnType<typeof useReactTable<R>>;
  /** The rows shown, sorted and filtered; `rowOf` makes the TanStack Row of one being rendered. */
  shown: readonly R[];
  rowOf: (original: R, index: number) => Row<R>;
  noun: string;
  changedAt: ReadonlyMap<string, number>;
  rowHref: ((row: R) => string | undefined) | undefined;
  onRowSpace: ((row: R) => void) | undefined;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = shown;
  const navigate = useNavigate();
  // Roving focus: one row is the table's tab stop; arrows move it, Enter opens the row.
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));
  // Stable while the rows are: the virtualizer measures every row again when it changes (100,000
  // at a time), which a keystroke's first, urgent render does not need.
  const getItemKey = useCallback((index: number) => rows[index]?.uid ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = table.getVisibleLeafColumns().length;
  const minWidth = tableMinWidth(table.getVisibleLeafColumns().map((c) => c.columnDef.meta?.width));

  useEffect(() => {
    if (!focusPending.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(index + 1, rows.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(index - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    else if ((event.key === 'Enter' && rowHref) || (event.key === ' ' && onRowSpace)) {
      const row = rows[index];
      if (row === undefined || event.target !== event.currentTarget) return;
      event.preventDefault();
      if (event.key === ' ') onRowSpace?.(row);
      else {
        const href = rowHref?.(row);
        if (href !== undefined) navigate(href);
      }
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div
      ref={scrollRef}
      className="min-h-0 flex-1 overflow-auto border-slate-200 border-t dark:border-slate-800"
    >
      <table
        aria-label={noun}
        aria-rowcount={rows.length + 1}
        style={{ minWidth }}
        className="w-full table-fixed border-separate border-spacing-0 text-sm"
      >
        <thead className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-900">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    style={{ width: header.column.columnDef.meta?.width }}
                    className="h-8 border-slate-200 border-b px-0 text-left font-medium text-[11px] text-slate-500 uppercase tracking-wider dark:border-slate-800 dark:text-slate-400"
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="flex h-8 w-full items-center gap-1 whitespace-nowrap px-3 text-left uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-slate-100"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="w-3 text-sky-600 dark:text-sky-400">
                          {sorted === 'desc' ? '▼' : sorted === 'asc' ? '▲' : ''}
                        </span>
                      </button>
                    ) : (
                      <div className="flex h-8 items-center px-3">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </div>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row of the virtualised table; nothing in it can take focus
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const original = rows[item.index];
            if (original === undefined) return null;
            const row = rowOf(original, item.index);
            return (
              <TableRow
                key={row.id}
                row={row}
                index={item.index}
                changedAt={changedAt.get(row.id)}
                tabbable={item.index === activeIndex}
                onKeyDown={onRowKeyDown}
                onFocus={setActive}
              />
            );
          })}
          {paddingBottom > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row of the virtualised table; nothing in it can take focus
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const namespaceText = (namespace: string | undefined) =>
  namespace === undefined ? 'all namespaces' : `namespace ${namespace}`;

function ErrorMessage({ error, noun, where }: { error: unknown; noun: string; where: string }) {
  return (
    <ErrorPanel
      error={error}
      forbidden={`You may not list ${noun} in ${where}`}
      failed={`Cannot watch ${noun} in ${where}`}
      testId="table"
      className="mx-4 my-6"
    />
  );
}
