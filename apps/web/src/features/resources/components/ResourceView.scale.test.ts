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
import { sortOrder } from '../../../components/live-table/sort-order';
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

/** What every table here has in common: the Pods list's columns, sorted by NAME. */
const podTable = {
  data: [] as PodRow[],
  columns: COLUMNS.pods as never,
  state: { sorting: [{ id: 'name', desc: false }] },
  onStateChange: () => {},
  renderFallbackValue: null,
  getRowId: (r: PodRow) => r.uid,
};

function tableOf(ours: boolean) {
  const table = createTable<PodRow>({
    ...podTable,
    getCoreRowModel: (ours ? stableCoreRowModel() : getCoreRowModel()) as (
      t: Table<PodRow>,
    ) => () => RowModel<PodRow>,
    getSortedRowModel: (ours ? flatSortedRowModel() : getSortedRowModel()) as (
      t: Table<PodRow>,
    ) => () => RowModel<PodRow>,
    ...(ours ? { defaultColumn: { sortingFn: cachedAuto } } : {}),
  });
  return (rows: PodRow[]) => {
    table.setOptions((o) => ({ ...o, data: rows }));
    return { sorted: table.getRowModel().rows, core: table.getCoreRowModel().rows };
  };
}

/** What LiveTable does now: the rows' order from their data, no TanStack Row per row (use-shown-rows). */
function shownOf() {
  const table = createTable<PodRow>({
    ...podTable,
    getCoreRowModel: stableCoreRowModel() as (t: Table<PodRow>) => () => RowModel<PodRow>,
    defaultColumn: { sortingFn: cachedAuto },
  });
  return (rows: PodRow[]) =>
    sortOrder(table, rows, [{ id: 'name', desc: false }]).map((i) => rows[i] as PodRow);
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
    const shown = shownOf();
    stock(rowsOf(state));
    let previous: readonly Row<PodRow>[] = ours(rowsOf(state)).core;
    const cost = {
      reduce: [] as number[],
      rows: [] as number[],
      stock: [] as number[],
      ours: [] as number[],
      shown: [] as number[],
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
      let order: PodRow[] = [];
      cost.shown.push(
        ms(() => {
          order = shown(rows);
        }),
      );
      expect(after.sorted.map((r) => r.id)).toEqual(before.map((r) => r.id));
      expect(order.map((r) => r.uid)).toEqual(before.map((r) => r.id));
      const kept = new Set(previous);
      expect(after.core.filter((r) => !kept.has(r)).map((r) => r.id)).toEqual([`uid-${k * 13}`]);
      previous = after.core;
    }
    const keys: { stock: number[]; ours: number[]; shown: number[] } = { stock: [], ours: [], shown: [] };
    const rows = rowsOf(state);
    const sorted = shown(rows);
    for (const needle of ['w', 'we', 'web', 'web-', 'web-1', '']) {
      const kept = needle ? rows.filter((r) => r.search.includes(needle)) : rows;
      keys.stock.push(ms(() => stock(kept)));
      keys.ours.push(ms(() => ours(kept)));
      // Now: the sorted rows filtered, no sort (typing narrows further in use-shown-rows).
      keys.shown.push(ms(() => (needle ? sorted.filter((r) => r.search.includes(needle)) : sorted)));
    }
    const out = Object.fromEntries(
      Object.entries({ ...cost, keyStock: keys.stock, keyOurs: keys.ours, keyShown: keys.shown }).map(
        ([k, v]) => [k, median(v).toFixed(1)],
      ),
    );
    const bytes = { object: JSON.stringify(podObject(1)).length, row: JSON.stringify(pod(1)).length };
    console.log(`${N} pods, median ms:`, JSON.stringify(out), 'bytes per pod:', JSON.stringify(bytes));
  });
});
