/** What the user typed in the viewer's filter. */
export interface FilterSpec {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
}

export type Range = [start: number, end: number];

export type CompiledFilter =
  | { ok: true; active: boolean; matches(text: string): Range[] }
  | { ok: false; message: string };

/** Matches highlighted per line at most (a pattern matching every character stops there). */
const MAX_MATCHES = 200;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The filter as a matcher of ranges: plain text (as typed) or a JavaScript regular expression, case
 * sensitive or not. An invalid expression is an error to show, not an exception. Empty = inactive.
 */
export function compileFilter(spec: FilterSpec): CompiledFilter {
  if (spec.text === '') return { ok: true, active: false, matches: () => [] };
  let re: RegExp;
  try {
    re = new RegExp(spec.regex ? spec.text : escapeRegExp(spec.text), spec.caseSensitive ? 'g' : 'gi');
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  return {
    ok: true,
    active: true,
    matches(text) {
      const out: Range[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null && out.length < MAX_MATCHES; m = re.exec(text)) {
        if (m[0].length === 0) {
          // An empty match (`^`, `x*`) marks no text; step past it or the loop never ends.
          re.lastIndex++;
          continue;
        }
        out.push([m.index, m.index + m[0].length]);
      }
      return out;
    },
  };
}

/**
 * Splits styled pieces of a line at the match ranges, so each piece is either all matched or not:
 * `pieces` are consecutive and cover the text the ranges index.
 */
export function markRanges<T extends { text: string }>(
  pieces: readonly T[],
  ranges: readonly Range[],
): Array<T & { match: boolean }> {
  const out: Array<T & { match: boolean }> = [];
  let offset = 0;
  let r = 0;
  for (const piece of pieces) {
    const end = offset + piece.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= at) r++;
      const range = ranges[r];
      const inside = range !== undefined && range[0] <= at;
      const stop = Math.min(end, range === undefined ? end : inside ? range[1] : range[0]);
      out.push({ ...piece, text: piece.text.slice(at - offset, stop - offset), match: inside });
      at = stop;
    }
    offset = end;
  }
  return out;
}
