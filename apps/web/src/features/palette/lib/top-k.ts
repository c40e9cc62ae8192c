/**
 * The `limit` smallest items by `compare`, sorted — without sorting them all: a query may match tens
 * of thousands of names and the palette shows fifty. Each item costs one comparison with the worst
 * kept so far, and a binary insertion when it is better. Equal items keep their input order.
 */
export function topK<T>(items: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (limit <= 0) return kept;
  for (const item of items) {
    const worst = kept[kept.length - 1];
    if (kept.length === limit && worst !== undefined && compare(item, worst) >= 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(item, kept[mid] as T) < 0) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
