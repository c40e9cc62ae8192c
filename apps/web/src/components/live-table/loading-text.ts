const thousands = new Intl.NumberFormat('en-US');

/** "loading 12,500 of ~30,000 pods" (the total is the apiserver's estimate), with the filter's matches. */
export function loadingText(
  loading: { loaded: number; total?: number },
  noun: string,
  matches?: number,
): string {
  const of = loading.total === undefined ? '' : ` of ~${thousands.format(loading.total)}`;
  const shown = matches === undefined ? '' : `${thousands.format(matches)} match, `;
  return `${shown}loading ${thousands.format(loading.loaded)}${of} ${noun}…`;
}

/** The toolbar's count: "12 pods", "3 of 12" while filtering, or how far a list still loading is. */
export function rowCount(
  rows: number,
  matches: number | undefined,
  noun: string,
  loading?: { loaded: number; total?: number },
): string {
  if (loading) return loadingText(loading, noun, matches);
  if (matches !== undefined) return `${matches} of ${rows}`;
  return `${rows} ${rows === 1 ? noun.replace(/s$/, '') : noun}`;
}
