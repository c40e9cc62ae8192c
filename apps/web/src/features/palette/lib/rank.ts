/**
 * How well a typed query matches a name, in classes a user can predict (no opaque fuzzy score):
 * the whole name, its start, the start of one of its words, anywhere in it, or its letters in order.
 * Case is ignored. An empty query matches everything, below every real match.
 */
export const MATCH = {
  none: 0,
  any: 1,
  subsequence: 2,
  substring: 3,
  wordPrefix: 4,
  prefix: 5,
  exact: 6,
} as const;

export type MatchClass = (typeof MATCH)[keyof typeof MATCH];

/** Where a word starts in a Kubernetes name or a label: after `-`, `.`, `_`, `/`, `:` or a space. */
const WORD_BREAK = /[-._/: ]/;

function isSubsequence(query: string, text: string): boolean {
  let at = 0;
  for (const ch of query) {
    at = text.indexOf(ch, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

function startsAWord(query: string, text: string): boolean {
  for (let at = text.indexOf(query, 1); at > 0; at = text.indexOf(query, at + 1)) {
    if (WORD_BREAK.test(text.charAt(at - 1))) return true;
  }
  return false;
}

/** The class of the match of `query` (already lowercase) in `text`. */
export function matchClass(query: string, text: string): MatchClass {
  if (query === '') return MATCH.any;
  const lower = text.toLowerCase();
  if (lower === query) return MATCH.exact;
  if (lower.startsWith(query)) return MATCH.prefix;
  if (startsAWord(query, lower)) return MATCH.wordPrefix;
  if (lower.includes(query)) return MATCH.substring;
  if (isSubsequence(query, lower)) return MATCH.subsequence;
  return MATCH.none;
}

/** The best class among several names of one thing (a view's label and its aliases). */
export function bestMatch(query: string, texts: readonly string[]): MatchClass {
  let best: MatchClass = MATCH.none;
  for (const text of texts) {
    const found = matchClass(query, text);
    if (found > best) best = found;
  }
  return best;
}

/** Which characters of `text` the match of `query` (lowercase) covers, to show them marked. */
export function matchedIndices(query: string, text: string): number[] {
  const lower = text.toLowerCase();
  const run = (from: number) => Array.from({ length: query.length }, (_, i) => from + i);
  if (query === '') return [];
  if (lower.startsWith(query)) return run(0);
  for (let at = lower.indexOf(query, 1); at > 0; at = lower.indexOf(query, at + 1)) {
    if (WORD_BREAK.test(lower.charAt(at - 1))) return run(at);
  }
  const at = lower.indexOf(query);
  if (at >= 0) return run(at);
  const found: number[] = [];
  let from = 0;
  for (const ch of query) {
    const next = lower.indexOf(ch, from);
    if (next < 0) return [];
    found.push(next);
    from = next + 1;
  }
  return found;
}
