import type { SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useUrlParam, useViewParams } from '../../lib/url-state';
import { LiveTable, type LiveTableProps } from './LiveTable';
import { formatSort, parseSort } from './sort-param';
import type { LiveRow } from './types';

/** What the list view's URL and query give the table. */
type Given = 'status' | 'error' | 'filter' | 'onFilterChange' | 'sorting' | 'onSortingChange';

export interface LiveListTableProps<R extends LiveRow> extends Omit<LiveTableProps<R>, Given> {
  /** The live list's query: while pending or failed, the table says so instead of showing rows. */
  query: { status: LiveTableProps<R>['status']; error: unknown };
  /** The sort when the URL names none; sorting back to it takes `?sort=` out of the URL. */
  defaultSort: SortingState;
}

/**
 * A list view's live table, its text filter and sort held in the URL (`?q=`, `?sort=-restarts`), so
 * a shared link shows the same rows in the same order.
 */
export function LiveListTable<R extends LiveRow>({ query, defaultSort, ...table }: LiveListTableProps<R>) {
  const { filter, setFilter } = useViewParams();
  const [sortParam, setSortParam] = useUrlParam('sort');
  const { columns } = table;
  const sorting = useMemo(
    () => parseSort(sortParam, columns, defaultSort),
    [sortParam, columns, defaultSort],
  );
  return (
    <LiveTable
      {...table}
      status={query.status}
      error={query.error}
      filter={filter}
      onFilterChange={setFilter}
      sorting={sorting}
      onSortingChange={(next) => setSortParam(formatSort(next, defaultSort))}
    />
  );
}
