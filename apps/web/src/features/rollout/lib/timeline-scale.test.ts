import { describe, expect, it } from 'vitest';
import { countTicks, timeScale } from './timeline-scale';

describe('countTicks', () => {
  it('labels every count when few, about four whole steps when many, and always the top', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(countTicks(12)).toEqual([0, 3, 6, 9, 12]);
    expect(countTicks(11)).toEqual([0, 3, 6, 9, 11]);
    expect(countTicks(10)).toEqual([0, 3, 6, 10]);
    expect(countTicks(2.5)).toEqual([0, 1, 2, 3]);
  });
});

describe('timeScale', () => {
  const m = 60_000;
  it('is linear without a past, and with a past that runs up to the opening', () => {
    const a = timeScale({ t0: 0, pastEnd: undefined, opened: 0, t1: 100 * 1000, left: 0, right: 100 });
    expect([a.x(0), a.x(50_000), a.x(100_000)]).toEqual([0, 50, 100]);
    expect(a.gap).toBeUndefined();
    const b = timeScale({ t0: 0, pastEnd: 50_000, opened: 60_000, t1: 100_000, left: 0, right: 100 });
    expect(b.gap).toBeUndefined();
    expect(b.x(60_000)).toBe(60);
  });

  it('cuts out a long idle stretch between a replayed rollout and the opening', () => {
    // A 3-minute rollout 40 minutes before the page opened; the page has watched for 10 s.
    const s = timeScale({ t0: 0, pastEnd: 3 * m, opened: 43 * m, t1: 43 * m + 10_000, left: 0, right: 1000 });
    expect(s.gap).toEqual({ x1: 600, x2: 664, ms: 43 * m - 3 * m - 18_000 });
    expect(s.x(0)).toBe(0);
    expect(s.x(43 * m)).toBe(664);
    expect(s.x(43 * m + 10_000)).toBe(1000);
    expect(s.x(20 * m)).toBe(632);
  });
});
