// @vitest-environment jsdom
import { type ColumnDef, type SortingState, useReactTable } from '@tanstack/react-table';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stableCoreRowModel } from './row-model';
import { cachedAuto } from './sorting';
import type { LiveRow } from './types';
import { useShownRows } from './use-shown-rows';

const row = (namespace: string, name: string, restarts = 0): LiveRow & { restarts: number } => ({
  uid: `${namespace}/${name}`,
  namespace,
  name,
  version: '1',
  search: `${name} ${namespace}`,
  restarts,
});
type R = ReturnType<typeof row>;

const COLUMNS: ColumnDef<R, unknown>[] = [
  { id: 'namespace', accessorFn: (r) => r.namespace },
  { id: 'name', accessorFn: (r) => r.name },
  { id: 'restarts', accessorFn: (r) => r.restarts },
];

// As ResourceView hands them over: sorted by name (the table sorts by namespace, stably).
const ROWS = [
  row('web', 'api-10', 3),
  row('kube-system', 'api-2'),
  row('web', 'api-9', 1),
  row('default', 'db-1', 7),
  row('kube-system', 'dns-1'),
];

function render(sorting: SortingState, needle: string) {
  return renderHook(
    (props: { sorting: SortingState; needle: string }) => {
      const table = useReactTable({
        data: ROWS.slice(0, 1),
        columns: COLUMNS,
        state: { sorting: props.sorting },
        onStateChange: () => {},
        getCoreRowModel: stableCoreRowModel(),
        getRowId: (r) => r.uid,
        defaultColumn: { sortingFn: cachedAuto },
      });
      return useShownRows(table, ROWS, props.sorting, COLUMNS, props.needle);
    },
    { initialProps: { sorting, needle } },
  );
}

const uids = (rows: readonly R[]) => rows.map((r) => r.uid);

describe('useShownRows', () => {
  it('sorts by namespace and keeps the name order within one, as kubectl prints all namespaces', () => {
    const { result } = render([{ id: 'namespace', desc: false }], '');
    expect(uids(result.current.shown)).toEqual([
      'default/db-1',
      'kube-system/api-2',
      'kube-system/dns-1',
      'web/api-10',
      'web/api-9',
    ]);
  });

  it('sorts by a column as TanStack does (numbers, descending), names with numbers by value', () => {
    expect(uids(render([{ id: 'restarts', desc: true }], '').result.current.shown)).toEqual([
      'default/db-1',
      'web/api-10',
      'web/api-9',
      'kube-system/api-2',
      'kube-system/dns-1',
    ]);
    expect(uids(render([{ id: 'name', desc: false }], '').result.current.shown)).toEqual([
      'kube-system/api-2',
      'web/api-9',
      'web/api-10',
      'default/db-1',
      'kube-system/dns-1',
    ]);
  });

  it('filters in the sorted order as the needle grows and shrinks again (typing, then backspace)', () => {
    const sorting: SortingState = [{ id: 'namespace', desc: false }];
    const { result, rerender } = render(sorting, 'ap');
    expect(uids(result.current.shown)).toEqual(['kube-system/api-2', 'web/api-10', 'web/api-9']);
    rerender({ sorting, needle: 'api-1' });
    expect(uids(result.current.shown)).toEqual(['web/api-10']);
    rerender({ sorting, needle: 'api-' });
    expect(uids(result.current.shown)).toEqual(['kube-system/api-2', 'web/api-10', 'web/api-9']);
    rerender({ sorting, needle: '' });
    expect(result.current.shown).toHaveLength(5);
  });

  it('makes one TanStack Row per row rendered and keeps it while its object is the same', () => {
    const { result } = render([{ id: 'namespace', desc: false }], '');
    const first = result.current.shown[0] as R;
    const made = result.current.rowOf(first, 0);
    expect(made.original).toBe(first);
    expect(made.getValue('name')).toBe('db-1');
    expect(result.current.rowOf(first, 0)).toBe(made);
  });
});
