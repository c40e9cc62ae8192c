import { type Row, sortingFns } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { cachedAuto } from './sorting';

/** Just what a sortingFn reads of a Row. */
const row = (value: unknown) => {
  const original = { value };
  return { original, getValue: () => value } as unknown as Row<object>;
};

const VALUES = [
  'web-10',
  'web-9',
  'Web-9',
  'web-9a',
  'web-09',
  'web',
  '',
  '10.244.0.12',
  '10.244.0.9',
  '10.244.10.1',
  'kwok-node-2',
  'kwok-node-10',
  'CrashLoopBackOff',
  'Running',
  'Init:0/2',
  'Init:1/2',
  '1/1',
  '0/1',
  '12abc',
  'abc12',
  '<none>',
];

describe('cachedAuto', () => {
  it('orders strings exactly as TanStack alphanumeric does (what "auto" picks for pod names, IPs, nodes)', () => {
    const rows = VALUES.map(row);
    const ours = [...rows].sort((a, b) => cachedAuto(a, b, 'c')).map((r) => r.getValue('c'));
    const theirs = [...rows].sort((a, b) => sortingFns.alphanumeric(a, b, 'c')).map((r) => r.getValue('c'));
    expect(ours).toEqual(theirs);
    // Sorting again hits the cache and still agrees.
    expect([...rows].sort((a, b) => cachedAuto(a, b, 'c')).map((r) => r.getValue('c'))).toEqual(theirs);
    expect(ours.indexOf('web-9')).toBeLessThan(ours.indexOf('web-10'));
  });

  it('compares every pair as alphanumeric does', () => {
    const rows = VALUES.map(row);
    for (const a of rows)
      for (const b of rows)
        expect(Math.sign(cachedAuto(a, b, 'c'))).toBe(Math.sign(sortingFns.alphanumeric(a, b, 'c')));
  });

  it('compares numbers as basic does (RESTARTS)', () => {
    expect(cachedAuto(row(2), row(10), 'c')).toBe(-1);
    expect(cachedAuto(row(10), row(2), 'c')).toBe(1);
    expect(cachedAuto(row(3), row(3), 'c')).toBe(0);
  });

  it('re-splits when the same row object shows another text in the column', () => {
    const original = {};
    const a = (v: string) => ({ original, getValue: () => v }) as unknown as Row<object>;
    expect(cachedAuto(a('web-9'), row('web-10'), 'c')).toBe(-1);
    expect(cachedAuto(a('web-11'), row('web-10'), 'c')).toBe(1);
  });
});
