import { createTable, getCoreRowModel, getSortedRowModel } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import captured from '../../../lib/kubectl/testdata/captured-pod-readiness-gates.json';
import { type PodRow, podRow } from '../../../lib/kubectl/rows';
import { applyEvents, fromSnapshot, listItems } from '../../../lib/live/reducers';
import { stableCoreRowModel } from '../../../components/live-table/row-model';
import { cachedAuto } from '../../../components/live-table/sorting';
import { COLUMNS } from '../components/columns';

const N = 30_000;
function pod(i: number, rv = 1) {
  const p = structuredClone(captured);
  p.metadata.name = `web-${i.toString(36)}-${(i * 7919).toString(36)}`;
  p.metadata.uid = `uid-${i}`;
  p.metadata.resourceVersion = String(rv * 100000 + i);
  return p;
}
const byName = (a: PodRow, b: PodRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const t = (f: () => void) => {
  const s = performance.now();
  f();
  return performance.now() - s;
};

describe('pipeline cost at 30k pods', () => {
  it('measures', { timeout: 120_000 }, () => {
    let state = fromSnapshot(Array.from({ length: N }, (_, i) => pod(i)), '1');
    const table = createTable<PodRow>({
      data: [],
      columns: COLUMNS.pods as never,
      state: { sorting: process.env.NOSORT ? [] : [{ id: 'name', desc: false }] },
      onStateChange: () => {},
      renderFallbackValue: null,
      getCoreRowModel: process.env.CACHED ? stableCoreRowModel() : getCoreRowModel(),
      getSortedRowModel: getSortedRowModel(),
      getRowId: (r) => r.uid,
      ...(process.env.CACHED ? { defaultColumn: { sortingFn: cachedAuto } } : {}),
    });
    const render = (rows: PodRow[]) => {
      table.setOptions((o) => ({ ...o, data: rows }));
      return table.getRowModel().rows.length;
    };
    let rows = listItems(state).map(podRow).sort(byName);
    render(rows);
    const out: Record<string, number[]> = { reduce: [], list: [], build: [], sort: [], table: [] };
    for (let k = 0; k < 10; k++) {
      out.reduce.push(t(() => { state = applyEvents(state, [{ type: 'MODIFIED', object: pod(k * 13, 2 + k) as never }]); }));
      let items: ReturnType<typeof listItems> = [];
      out.list.push(t(() => { items = listItems(state); }));
      let built: PodRow[] = [];
      out.build.push(t(() => { built = items.map((o) => podRow(o as never)); }));
      out.sort.push(t(() => { rows = built.sort(byName); }));
      out.table.push(t(() => { render(rows); }));
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]?.toFixed(1);
    console.log('batch of 1 MODIFIED, median ms:', Object.fromEntries(Object.entries(out).map(([k, v]) => [k, med(v)])));
    const keys: number[] = [];
    for (const needle of ['w', 'we', 'web', 'web-', 'web-1', 'web-1a']) {
      keys.push(t(() => render(rows.filter((r) => r.search.includes(needle)))));
    }
    console.log('filter keystroke (filter+table) ms:', keys.map((x) => x.toFixed(1)).join(' '));
    expect(rows.length).toBe(N);
  });
});
