import { describe, expect, it } from 'vitest';
import { topK } from './top-k';

const byNumber = (a: number, b: number) => a - b;

describe('topK', () => {
  it('gives the same first items as a full sort', () => {
    // A fixed pseudo-random sequence, so a failure reproduces.
    let seed = 7;
    const items = Array.from({ length: 5000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return seed % 1000;
    });
    expect(topK(items, 50, byNumber)).toEqual([...items].sort(byNumber).slice(0, 50));
  });

  it('keeps input order among equals, like a stable sort', () => {
    const items = ['b1', 'a1', 'b2', 'a2', 'a3'];
    const byLetter = (x: string, y: string) => x.charCodeAt(0) - y.charCodeAt(0);
    expect(topK(items, 4, byLetter)).toEqual(['a1', 'a2', 'a3', 'b1']);
  });

  it('returns everything, sorted, when there are fewer items than the limit; nothing for a limit of 0', () => {
    expect(topK([3, 1, 2], 50, byNumber)).toEqual([1, 2, 3]);
    expect(topK([3, 1, 2], 0, byNumber)).toEqual([]);
  });
});
