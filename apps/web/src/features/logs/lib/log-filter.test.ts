import { describe, expect, it } from 'vitest';
import { compileFilter, markRanges } from './log-filter';

describe('the log filter', () => {
  it('matches plain text as typed (regex characters are literal), case-insensitively by default', () => {
    const f = compileFilter({ text: 'a.b', regex: false, caseSensitive: false });
    expect(f.ok && f.matches('xA.B axb a.b')).toEqual([
      [1, 4],
      [9, 12],
    ]);
    const cased = compileFilter({ text: 'Error', regex: false, caseSensitive: true });
    expect(cased.ok && cased.matches('error Error')).toEqual([[6, 11]]);
  });

  it('takes a regular expression, steps over empty matches, and reports an invalid one', () => {
    const f = compileFilter({ text: 'po?d-\\d+|x*', regex: true, caseSensitive: false });
    expect(f.ok && f.matches('pod-12 pd-3')).toEqual([
      [0, 6],
      [7, 11],
    ]);
    const bad = compileFilter({ text: 'a(b', regex: true, caseSensitive: false });
    expect(bad.ok).toBe(false);
    expect(compileFilter({ text: '', regex: true, caseSensitive: false })).toMatchObject({
      ok: true,
      active: false,
    });
  });

  it('splits coloured pieces at the matches', () => {
    const pieces = [{ text: 'abc', fg: 'red' }, { text: 'def' }];
    expect(markRanges(pieces, [[2, 4]])).toEqual([
      { text: 'ab', fg: 'red', match: false },
      { text: 'c', fg: 'red', match: true },
      { text: 'd', match: true },
      { text: 'ef', match: false },
    ]);
  });
});
