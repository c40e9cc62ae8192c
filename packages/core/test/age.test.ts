import { describe, expect, it } from 'vitest';
import { formatAge, humanDuration, toDate } from '../src/age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [5 * s, '5s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [119 * s + 999, '119s'],
    [2 * m, '2m'],
    [3 * m + 20 * s, '3m20s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [8 * h + 30 * m, '8h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [45 * d, '45d'],
    [2 * y - 1 * h, '729d'],
    [2 * y, '2y'],
    [2 * y + 100 * d, '2y100d'],
    [7 * y + 364 * d, '7y364d'],
    [8 * y, '8y'],
    [8 * y + 200 * d, '8y'],
  ])('prints %i ms as %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('prints 0s for up to 1.999s in the future (tolerated clock skew)', () => {
    expect(humanDuration(-500)).toBe('0s');
    expect(humanDuration(-1999)).toBe('0s');
  });

  it('prints <invalid> from 2s in the future', () => {
    expect(humanDuration(-2000)).toBe('<invalid>');
    expect(humanDuration(-5 * m)).toBe('<invalid>');
  });
});

describe('formatAge', () => {
  const now = new Date('2025-11-20T12:00:00Z');

  it('prints the age of an RFC 3339 string timestamp', () => {
    expect(formatAge('2025-11-20T11:56:40Z', now)).toBe('3m20s');
  });

  it('prints the age of a Date timestamp', () => {
    expect(formatAge(new Date('2025-11-18T09:00:00Z'), now)).toBe('2d3h');
  });

  it('ignores sub-second precision of now the way Go truncates durations', () => {
    expect(formatAge('2025-11-20T11:59:55Z', new Date('2025-11-20T12:00:00.999Z'))).toBe('5s');
  });

  it('prints <unknown> for a missing or unparsable timestamp', () => {
    expect(formatAge(undefined, now)).toBe('<unknown>');
    expect(formatAge('', now)).toBe('<unknown>');
    expect(formatAge('not a date', now)).toBe('<unknown>');
  });
});

describe('toDate', () => {
  it('returns the same instant for a Date and its ISO string', () => {
    const date = new Date('2025-01-02T03:04:05Z');
    expect(toDate(date)?.getTime()).toBe(date.getTime());
    expect(toDate('2025-01-02T03:04:05Z')?.getTime()).toBe(date.getTime());
  });

  it('returns undefined for null, empty and invalid values', () => {
    expect(toDate(null)).toBeUndefined();
    expect(toDate('')).toBeUndefined();
    expect(toDate(new Date(Number.NaN))).toBeUndefined();
  });
});
