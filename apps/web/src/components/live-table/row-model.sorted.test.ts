import {
  type ColumnDef,
  createTable,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
} from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { flatSortedRowModel, stableCoreRowModel } from './row-model';
import { cachedAuto } from './sorting';

interface R {
  uid: string;
  name: string;
  restarts: number;
  count: number | undefined;
}

const COLUMNS: ColumnDef<R>[] = [
  { id: 'name', accessorFn: (r) => r.name },
  { id: 'restarts', accessorFn: (r) => r.restarts, invertSorting: true },
  { id: 'count', accessorFn: (r) => r.count, sortUndefined: 'last' },
];

// More than ten rows: TanStack's 'auto' picks a string column's sort from the rows after the tenth
// (a list of ten or fewer sorts byte-wise, 'web-10' before 'web-9'); cachedAuto always sorts as
// 'auto' does for a longer list, so a list keeps its order as it grows.
const DATA: R[] = [
  { uid: 'a', name: 'web-10', restarts: 2, count: 3 },
  { uid: 'b', name: 'web-9', restarts: 0, count: undefined },
  { uid: 'c', name: 'api-1', restarts: 2, count: 1 },
  { uid: 'd', name: 'web-9', restarts: 5, count: 3 },
  { uid: 'e', name: 'Api-2', restarts: 0, count: undefined },
  ...Array.from({ length: 8 }, (_, i) => ({ uid: `p${i}`, name: `pad-${i * 5}`, restarts: i % 3, count: i })),
];

/** A table of `data` sorted by `sorting`, with our row models (and cachedAuto) or TanStack's stock ones. */
function tableOf(ours: boolean, sorting: SortingState, data = DATA) {
  return createTable<R>({
    data,
    columns: COLUMNS,
    state: { sorting },
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: ours ? stableCoreRowModel() : getCoreRowModel(),
    getSortedRowModel: ours ? flatSortedRowModel() : getSortedRowModel(),
    getRowId: (r) => r.uid,
    ...(ours ? { defaultColumn: { sortingFn: cachedAuto } } : {}),
  });
}

const order = (ours: boolean, sorting: SortingState): string[] =>
  tableOf(ours, sorting)
    .getRowModel()
    .rows.map((r) => r.id);

describe('flatSortedRowModel with cachedAuto', () => {
  const cases: SortingState[] = [
    [],
    [{ id: 'name', desc: false }],
    [{ id: 'name', desc: true }],
    [{ id: 'restarts', desc: false }],
    [{ id: 'restarts', desc: true }],
    [{ id: 'count', desc: false }],
    [{ id: 'count', desc: true }],
    [
      { id: 'count', desc: false },
      { id: 'name', desc: true },
    ],
  ];
  it.each(cases.map((sorting) => [JSON.stringify(sorting), sorting] as const))(
    'orders rows as TanStack’s stock models do: %s',
    (_, sorting) => {
      expect(order(true, sorting)).toEqual(order(false, sorting));
    },
  );

  it('sorts a short list as a long one: web-9 before web-10', () => {
    const table = tableOf(true, [{ id: 'name', desc: false }], DATA.slice(0, 2));
    expect(table.getRowModel().rows.map((r) => r.original.name)).toEqual(['web-9', 'web-10']);
  });

  it('hands back the Rows themselves, not copies', () => {
    const table = tableOf(true, [{ id: 'name', desc: false }]);
    const core = table.getCoreRowModel().rowsById;
    for (const row of table.getRowModel().rows) expect(row).toBe(core[row.id]);
  });
});
