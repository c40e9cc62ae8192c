import { createTable, getCoreRowModel, getSortedRowModel } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { stableCoreRowModel } from './row-model';

interface R {
  uid: string;
  name: string;
}

function tableOf(data: R[], core = stableCoreRowModel<R>()) {
  const table = createTable<R>({
    data,
    columns: [{ id: 'name', accessorFn: (r) => r.name }],
    state: { sorting: [{ id: 'name', desc: false }] },
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: core,
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.uid,
  });
  return {
    table,
    setData: (next: R[]) => table.setOptions((o) => ({ ...o, data: next })),
  };
}

const a = { uid: '1', name: 'b' };
const b = { uid: '2', name: 'a' };
const c = { uid: '3', name: 'c' };

describe('stableCoreRowModel', () => {
  it('keeps the Row of every unchanged object when another object changes', () => {
    const { table, setData } = tableOf([a, b, c]);
    const before = table.getCoreRowModel().rowsById;
    const b2 = { uid: '2', name: 'z' };
    setData([a, b2, c]);
    const after = table.getCoreRowModel().rowsById;
    expect(after['1']).toBe(before['1']);
    expect(after['3']).toBe(before['3']);
    expect(after['2']).not.toBe(before['2']);
    expect(after['2']?.getValue('name')).toBe('z');
    expect(table.getRowModel().rows.map((r) => r.id)).toEqual(['1', '3', '2']);
  });

  it('refreshes a kept Row’s position, so ties keep the data’s order as the stock model does', () => {
    const x = { uid: 'x', name: 'same' };
    const y = { uid: 'y', name: 'same' };
    const ours = tableOf([x, y]);
    const stock = tableOf([x, y], getCoreRowModel());
    expect(ours.table.getRowModel().rows.map((r) => r.id)).toEqual(['x', 'y']);
    ours.setData([y, x]);
    stock.setData([y, x]);
    expect(ours.table.getRowModel().rows.map((r) => r.id)).toEqual(['y', 'x']);
    expect(ours.table.getRowModel().rows.map((r) => r.id)).toEqual(
      stock.table.getRowModel().rows.map((r) => r.id),
    );
    expect(ours.table.getCoreRowModel().rows.map((r) => r.index)).toEqual([0, 1]);
  });

  it('drops rows whose object left the data', () => {
    const { table, setData } = tableOf([a, b, c]);
    setData([c]);
    expect(table.getRowModel().rows.map((r) => r.id)).toEqual(['3']);
    expect(table.getCoreRowModel().rowsById['1']).toBeUndefined();
  });
});
