import { flexRender, type Row, type useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { tableMinWidth } from './column-widths';
import { TableRow } from './TableRow';
import type { LiveRow } from './types';

const ROW_HEIGHT = 32;

/** The table itself: virtualised rows, sortable headers, roving focus (↑/↓, Home/End, Enter, Space). */
export function VirtualTable<R extends LiveRow>({
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
