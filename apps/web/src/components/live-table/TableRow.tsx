import { flexRender, type Row } from '@tanstack/react-table';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { LiveRow } from './types';
import { FLASH_WINDOW_MS } from './use-change-times';

/** One row of the live table: flashes when its object changed, keyboard-navigable (↑/↓, Enter). */
export function TableRow<R extends LiveRow>({
  row,
  index,
  changedAt,
  tabbable,
  onKeyDown,
  onFocus,
}: {
  row: Row<R>;
  index: number;
  changedAt: number | undefined;
  tabbable: boolean;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
  onFocus: (index: number) => void;
}) {
  const ref = useRef<HTMLTableRowElement>(null);
  const flashed = useRef<number | undefined>(undefined);

  useEffect(() => {
    const el = ref.current;
    if (el === null || changedAt === undefined || flashed.current === changedAt) return;
    flashed.current = changedAt;
    if (performance.now() - changedAt > FLASH_WINDOW_MS) return;
    // Restart the animation even if it is still running from the previous change.
    el.classList.remove('row-flash');
    void el.offsetWidth;
    el.classList.add('row-flash');
  }, [changedAt]);

  return (
    <tr
      ref={ref}
      data-testid={`row-${row.original.name}`}
      data-row-index={index}
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      onKeyDown={(e) => onKeyDown(e, index)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocus(index);
      }}
      onAnimationEnd={(e) => e.currentTarget.classList.remove('row-flash')}
      className="h-8 outline-none hover:bg-slate-50 focus-visible:bg-sky-50 focus-visible:shadow-[inset_3px_0_0_var(--color-sky-500)] dark:focus-visible:bg-sky-950/50 dark:hover:bg-slate-900/60"
    >
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.id}
          className={`truncate border-slate-100 border-b px-3 dark:border-slate-800/70 ${cell.column.columnDef.meta?.cellClassName ?? ''}`}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}
