import type { ColumnDef } from '@tanstack/react-table';
import type { LiveRow } from './types';

export interface RowSelection<R extends LiveRow> {
  /** Selected rows by uid. */
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** Whether a row may be selected (e.g. RBAC allows deleting it); the others show no checkbox. */
  selectable: (row: R) => boolean;
}

/**
 * A checkbox column for selecting rows (for an action on several, such as Delete). The header box
 * selects every selectable row the filter shows. Row boxes are not tab stops (a table of 10k rows
 * would be 10k of them): Space on a focused row toggles it, as LiveTable wires.
 */
export function selectColumn<R extends LiveRow>({
  selected,
  onChange,
  selectable,
}: RowSelection<R>): ColumnDef<R, unknown> {
  return {
    id: 'select',
    enableSorting: false,
    meta: { width: '2.5rem' },
    header: ({ table }) => {
      const rows = (table.options.meta?.shown?.current ?? []).filter(selectable);
      const count = rows.filter((r) => selected.has(r.uid)).length;
      return (
        <input
          type="checkbox"
          aria-label={
            count === rows.length && count > 0 ? 'Unselect all rows' : `Select all ${rows.length} rows`
          }
          checked={count > 0 && count === rows.length}
          ref={(el) => {
            if (el) el.indeterminate = count > 0 && count < rows.length;
          }}
          disabled={rows.length === 0}
          onChange={(e) => onChange(e.target.checked ? new Set(rows.map((r) => r.uid)) : new Set())}
          data-testid="select-all"
        />
      );
    },
    cell: ({ row }) =>
      selectable(row.original) ? (
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select ${row.original.name}`}
          checked={selected.has(row.original.uid)}
          onChange={(e) => {
            const next = new Set(selected);
            if (e.target.checked) next.add(row.original.uid);
            else next.delete(row.original.uid);
            onChange(next);
          }}
          onClick={(e) => e.stopPropagation()}
          data-testid={`select-${row.original.name}`}
        />
      ) : null,
  };
}

/** Space on a focused row: toggle its selection. */
export function toggleRow<R extends LiveRow>(selection: RowSelection<R>, row: R): void {
  if (!selection.selectable(row)) return;
  const next = new Set(selection.selected);
  if (next.has(row.uid)) next.delete(row.uid);
  else next.add(row.uid);
  selection.onChange(next);
}
