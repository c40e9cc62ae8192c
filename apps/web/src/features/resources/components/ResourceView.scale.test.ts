/**
 * What one live batch costs the pods list at scale, stock TanStack row model and 'auto' sort beside
 * ours, on one synthetic list of captured pods, held as the Pods list holds them: the BFF's rows
 * (podListRow), each parsed from JSON as from the socket. `WHEELHOUSE_ROWS_N=30000` measures bench size (the
 * default keeps the suite quick); the timings are printed, the assertions are what a user sees:
 * the same order, and an unchanged pod keeps its Row.
 */
import {
  createTable,
  getCoreRowModel,
  getSortedRowModel,
  type Row,
  type RowModel,
  type Table,
} from '@tanstack/react-table';
import { podListRow } from '@wheelhouse/core';
import type { PodListRow } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { flatSortedRowModel, stableCoreRowModel } from '../../../components/live-table/row-model';
import { cachedAuto } from '../../../components/live-table/sorting';
import { type PodRow, podRowOf } from '../../../lib/kubectl/rows';
import captured from '../../../lib/kubectl/testdata/captured-pod-readiness-gates.json';
import {
  applyEvents,
  fromSnapshot,
  type LiveList,
  listItems,
  type ObjectWithMeta,
} from '../../../lib/live/reducers';
import { COLUMNS } from './columns';

const N = Number(process.env.WHEELHOUSE_ROWS_N ?? 3000);

function podObject(i: number, version = 1) {
  const p = structuredClone(captured);
  p.metadata.name = `web-${(i * 7919).toString(36)}-${i}`;
  p.metadata.uid = `uid-${i}`;
  p.metadata.resourceVersion = `${version}-${i}`;
  return p;
}

/** The pod's row as the Pods list receives it. */
const pod = (i: number, version = 1) =>
  JSON.parse(JSON.stringify(podListRow(podObject(i, version) as never))) as PodListRow;

const byName = (a: PodRow, b: PodRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function tableOf(ours: boolean) {
  const table = createTable<PodRow>({
    data: [],
    columns: COLUMNS.pods as never,
    state: { sorting: [{ id: 'name', desc: false }] },
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: (ours ? stableCoreRowModel() : getCoreRowModel()) as (
      t: Table<PodRow>,
    ) => () => RowModel<PodRow>,
    getSortedRowModel: (ours ? flatSortedRowModel() : getSortedRowModel()) as (
      t: Table<PodRow>,
    ) => () => RowModel<PodRow>,
    getRowId: (r) => r.uid,
    ...(ours ? { defaultColumn: { sortingFn: cachedAuto } } : {}),
  });
  return (rows: PodRow[]) => {
    table.setOptions((o) => ({ ...o, data: rows }));
    return { sorted: table.getRowModel().rows, core: table.getCoreRowModel().rows };
  };
}

/** ResourceView's steps for one state: the wire rows, their table rows, sorted by name. */
const rowsOf = (state: LiveList<ObjectWithMeta>) =>
  listItems(state)
    .map((o) => podRowOf(o as PodListRow))
    .sort(byName);

function ms(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

describe(`the pods list with ${N} pods`, () => {
  it('a batch of one MODIFIED pod keeps every other Row and sorts as before', { timeout: 300_000 }, () => {
    let state = fromSnapshot<ObjectWithMeta>(
      Array.from({ length: N }, (_, i) => pod(i)),
      '1',
    );
    const stock = tableOf(false);
    const ours = tableOf(true);
    stock(rowsOf(state));
    let previous: readonly Row<PodRow>[] = ours(rowsOf(state)).core;
    const cost = {
      reduce: [] as number[],
      rows: [] as number[],
      stock: [] as number[],
      ours: [] as number[],
    };
    for (let k = 0; k < 7; k += 1) {
      const changed = pod(k * 13, k + 2);
      cost.reduce.push(
        ms(() => {
          state = applyEvents(state, [{ type: 'MODIFIED', object: changed as never }]);
        }),
      );
      let rows: PodRow[] = [];
      cost.rows.push(
        ms(() => {
          rows = rowsOf(state);
        }),
      );
      let before: Row<PodRow>[] = [];
      let after: { sorted: Row<PodRow>[]; core: Row<PodRow>[] } = { sorted: [], core: [] };
      cost.stock.push(
        ms(() => {
          before = stock(rows).sorted;
        }),
      );
      cost.ours.push(
        ms(() => {
          after = ours(rows);
        }),
      );
      expect(after.sorted.map((r) => r.id)).toEqual(before.map((r) => r.id));
      const kept = new Set(previous);
      expect(after.core.filter((r) => !kept.has(r)).map((r) => r.id)).toEqual([`uid-${k * 13}`]);
      previous = after.core;
    }
    const keys: { stock: number[]; ours: number[] } = { stock: [], ours: [] };
    const rows = rowsOf(state);
    for (const needle of ['w', 'we', 'web', 'web-', 'web-1', '']) {
      const shown = needle ? rows.filter((r) => r.search.includes(needle)) : rows;
      keys.stock.push(ms(() => stock(shown)));
      keys.ours.push(ms(() => ours(shown)));
    }
    const out = Object.fromEntries(
      Object.entries({ ...cost, keyStock: keys.stock, keyOurs: keys.ours }).map(([k, v]) => [
        k,
        median(v).toFixed(1),
      ]),
    );
    const bytes = { object: JSON.stringify(podObject(1)).length, row: JSON.stringify(pod(1)).length };
    console.log(`${N} pods, median ms:`, JSON.stringify(out), 'bytes per pod:', JSON.stringify(bytes));
  });
});
