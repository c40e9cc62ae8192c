/**
 * The timeline's scales: whole-number pod-count ticks, and a time axis that keeps a rollout
 * replayed from Events readable next to what the page watched. No React, no I/O.
 */

/** Whole-number ticks from 0 to `max` (pod counts): every count when few, else about four steps. */
export function countTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = top <= 5 ? 1 : Math.ceil(top / 4);
  const ticks: number[] = [];
  for (let v = 0; v < top; v += step) ticks.push(v);
  // The top is always labelled; a step that lands just below it would print over it.
  if (ticks.length > 1 && top - (ticks[ticks.length - 1] ?? 0) < step / 2) ticks.pop();
  ticks.push(top);
  return ticks;
}

export interface TimeScale {
  x: (t: number) => number;
  /** The axis break between the replayed past and the page's opening, when one is drawn. */
  gap?: { x1: number; x2: number; ms: number };
}

/** Share of the width the replayed past gets when an idle stretch before the opening is cut out. */
const PAST_SHARE = 0.6;
// Wide enough for its label ("⋯ 38m12s ⋯"), which sits under it between the two parts.
const GAP_PX = 64;

/**
 * Time → x over [left, right]. Without a past, or with one that runs up to the opening, the axis
 * is linear from `t0`. When the replayed past ended long before the page opened (a rollout 40
 * minutes ago, nothing since), the idle stretch is cut out: the past gets PAST_SHARE of the width,
 * a break of GAP_PX follows, and the watched part the rest; times inside the break map to it.
 */
export function timeScale({
  t0,
  pastEnd,
  opened,
  t1,
  left,
  right,
}: {
  t0: number;
  /** The last replayed sample (undefined: no past). */
  pastEnd: number | undefined;
  opened: number;
  t1: number;
  left: number;
  right: number;
}): TimeScale {
  const linear = (a: number, b: number, xa: number, xb: number) => (t: number) =>
    xa + ((Math.min(Math.max(t, a), b) - a) / Math.max(1, b - a)) * (xb - xa);
  if (pastEnd === undefined) return { x: linear(t0, t1, left, right) };
  const pastSpan = Math.max(pastEnd - t0, 10_000);
  const end = pastEnd + Math.max(10_000, pastSpan * 0.1);
  const idle = opened - end;
  if (idle <= pastSpan + (t1 - opened)) return { x: linear(t0, t1, left, right) };
  const split = left + (right - left) * PAST_SHARE;
  const past = linear(t0, end, left, split);
  const watched = linear(opened, t1, split + GAP_PX, right);
  return {
    x: (t) => (t <= end ? past(t) : t >= opened ? watched(t) : split + GAP_PX / 2),
    gap: { x1: split, x2: split + GAP_PX, ms: idle },
  };
}
