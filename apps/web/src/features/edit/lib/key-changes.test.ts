import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  describeChanges,
  type KeyRow,
  keysChangedUnderneath,
  planKeyChanges,
  rowsOf,
} from './key-changes';

const edit = (rows: KeyRow[], id: string, change: Partial<KeyRow>) =>
  rows.map((r) => (r.id === id ? { ...r, ...change } : r));

describe('planKeyChanges', () => {
  const stored = rowsOf(['password', 'token', 'cert.der']);

  it('sends nothing for keys the user did not touch', () => {
    expect(planKeyChanges(stored)).toEqual({ changes: [], problems: new Map() });
  });

  it('sends only the changed key’s value, a rename as names only, and removals first', () => {
    let rows = edit(stored, 'stored:password', { value: { text: 'n3w' } });
    rows = edit(rows, 'stored:token', { name: 'api-token' });
    rows = edit(rows, 'stored:cert.der', { removed: true });
    rows = [
      ...rows,
      { id: 'new:1', stored: undefined, name: 'blob', removed: false, value: { base64: 'AP8=' } },
    ];
    const plan = planKeyChanges(rows);
    expect(plan.problems.size).toBe(0);
    expect(plan.changes).toEqual([
      { op: 'remove', key: 'cert.der' },
      { op: 'rename', from: 'token', to: 'api-token' },
      { op: 'set', key: 'password', text: 'n3w' },
      { op: 'set', key: 'blob', base64: 'AP8=' },
    ]);
    expect(describeChanges(plan.changes)).toBe(
      'remove cert.der, rename token → api-token, set password, set blob',
    );
  });

  it('lets a key take the name of one removed in the same save', () => {
    let rows = edit(stored, 'stored:token', { removed: true });
    rows = edit(rows, 'stored:password', { name: 'token' });
    expect(planKeyChanges(rows)).toEqual({
      changes: [
        { op: 'remove', key: 'token' },
        { op: 'rename', from: 'password', to: 'token' },
      ],
      problems: new Map(),
    });
  });

  it('does not send a ConfigMap value the user set back to what is stored', () => {
    const rows = edit(rowsOf(['a']), 'stored:a', { value: { text: 'same' } });
    expect(planKeyChanges(rows, new Map([['a', { text: 'same' }]])).changes).toEqual([]);
  });

  it('names the problems: a duplicate, an invalid name, a new key without a value', () => {
    const rows = [
      ...edit(stored, 'stored:token', { name: 'password' }),
      { id: 'new:1', stored: undefined, name: 'bad/name', removed: false, value: { text: 'x' } },
      { id: 'new:2', stored: undefined, name: 'empty', removed: false, value: undefined },
    ];
    expect(Object.fromEntries(planKeyChanges(rows).problems)).toEqual({
      'stored:token': 'Another key is named "password".',
      'new:1': 'A key may contain only letters, digits, "-", "_" and ".".',
      'new:2': 'A new key needs a value.',
    });
  });
});

describe('bytesToBase64', () => {
  it('encodes bytes that are not text', () => {
    expect(bytesToBase64(new Uint8Array([0xff, 0x00, 0x7f]))).toBe('/wB/');
  });
});

describe('keysChangedUnderneath', () => {
  it('names only the touched keys that changed meanwhile', () => {
    const changes = [
      { op: 'set' as const, key: 'a', text: '1' },
      { op: 'rename' as const, from: 'b', to: 'c' },
    ];
    const before = new Map([
      ['a', 'x'],
      ['b', 'y'],
      ['d', 'z'],
    ]);
    expect(keysChangedUnderneath(changes, before, new Map([...before, ['d', 'changed']]))).toEqual([]);
    expect(keysChangedUnderneath(changes, before, new Map([...before, ['c', 'new']]))).toEqual(['c']);
    expect(keysChangedUnderneath(changes, before, new Map([['a', 'x']]))).toEqual(['b']);
  });
});
