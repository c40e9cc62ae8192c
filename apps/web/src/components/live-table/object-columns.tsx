import { type CellContext, type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import type { ObjectRow } from '../../lib/kubectl/rows';
import { Age } from './Age';

/** A list's columns. */
// biome-ignore lint/suspicious/noExplicitAny: a column list mixes value types; TanStack's own docs type it so
export type Columns<R> = ColumnDef<R, any>[];

/** Cell classes: numbers line up; IPs, images and selectors read as code. */
export const NUMERIC = 'tabular-nums';
export const MONO = 'font-mono text-xs';

/** A truncated cell that shows its whole text on hover; markup in it stays text (React escapes it). */
export function Clipped({ text, className }: { text: string; className?: string }) {
  return (
    <span title={text} className={className}>
      {text}
    </span>
  );
}

/** A text column's cell, clipped to the column with its whole text on hover. */
export const clippedCell = <R,>(c: CellContext<R, string>) => <Clipped text={c.getValue()} />;
/** The same, in code type (images, selectors, ports). */
export const clippedMonoCell = <R,>(c: CellContext<R, string>) => (
  <Clipped text={c.getValue()} className={MONO} />
);

/** NAMESPACE, as kubectl prints it across all namespaces (the live table hides it in one). */
export function namespaceColumn<R extends ObjectRow>() {
  return createColumnHelper<R>().accessor((r) => r.namespace, {
    id: 'namespace',
    header: 'NAMESPACE',
    meta: { width: '9.5rem' },
  });
}

/** AGE, ticking with the shared clock; ascending is youngest first (the smallest age). */
export function ageColumn<R extends ObjectRow>(width: string) {
  return createColumnHelper<R>().accessor((r) => r.created, {
    id: 'age',
    header: 'AGE',
    cell: (c) => <Age since={c.getValue()} />,
    sortingFn: (a, b) => (b.original.created ?? 0) - (a.original.created ?? 0),
    sortDescFirst: false,
    meta: { width, cellClassName: NUMERIC },
  });
}
