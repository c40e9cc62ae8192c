/**
 * The size of an informer LIST's pages after the first. The first page is what the first viewer sees
 * at once; later pages are capped because each is one JSON text plus the full objects parsed from it,
 * alive together until they are slimmed into the cache (bench/RESULTS.md, "BFF memory").
 */
import { describe, expect, it } from 'vitest';
import { LATER_PAGE_MAX, laterPage } from '../src/watch/paged-list';

describe('laterPage', () => {
  it('is ten times a small first page', () => {
    expect(laterPage(2)).toBe(20);
    expect(laterPage(50)).toBe(500);
  });

  it('stops at 1,000 objects, so a 100,000-pod LIST never holds 5,000 full pods at once', () => {
    expect(LATER_PAGE_MAX).toBe(1000);
    expect(laterPage(500)).toBe(1000);
    expect(laterPage(100)).toBe(1000);
  });

  it('is never smaller than a first page set above the cap', () => {
    expect(laterPage(2000)).toBe(2000);
  });
});
