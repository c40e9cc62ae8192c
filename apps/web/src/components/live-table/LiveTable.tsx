import { type ColumnDef, type SortingState, useReactTable } from '@tanstack/react-table';
import { type ReactNode, useMemo, useRef } from 'react';
import { ErrorPanel, LiveNotice, PageMessage as Message } from '../notices';
import { FilterInput } from './FilterInput';
import { rowCount } from './loading-text';
import { stableCoreRowModel } from './row-model';
import { cachedAuto } from './sorting';
import type { LiveRow } from './types';
import { useChangeTimes } from './use-change-times';
import { useFilterNeedle } from './use-filter-needle';
import { useShownRows } from './use-shown-rows';
import { VirtualTable } from './VirtualTable';

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
