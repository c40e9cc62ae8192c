import { humanDuration } from '@wheelhouse/core';
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { useNow } from '../../../lib/clock';
import type { RolloutEvent } from '../lib/rollout-events';
import type { RolloutPast } from '../lib/rollout-past';
import type { Sample } from '../lib/rollout-view';
import { countTicks, timeScale } from '../lib/timeline-scale';

/** Drawn at the width the page gives it (measured), so text and lines keep their pixel sizes. */
const DEFAULT_W = 640;
const MIN_W = 320;
const H = 150;
const PAD = { left: 28, right: 8, top: 8, bottom: 20 };

const SERIES = [
  { key: 'newReady', label: 'new ReplicaSet ready', className: 'stroke-emerald-500', dash: undefined },
  { key: 'oldReady', label: 'old ReplicaSets ready', className: 'stroke-slate-400', dash: undefined },
  {
    key: 'unavailable',
    label: 'unavailable (desired − available)',
    className: 'stroke-rose-500',
    dash: '5 3',
  },
] as const;

const EVENT_MARKS = [
  { label: 'event', className: 'stroke-slate-300 dark:stroke-slate-600' },
  { label: 'warning event', className: 'stroke-rose-400' },
] as const;

/** The element's content width, followed as it resizes; `shown`: the element is rendered. */
function useWidth<T extends Element>(shown: boolean): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_W);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown) return;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(MIN_W, Math.floor(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  return [ref, width];
}

/** Step lines of pod counts over time, recorded from watch events while the page is open. */
export function Timeline({
  samples,
  ceiling,
  events = [],
  past = { samples: [], revisions: [] },
}: {
  samples: readonly Sample[];
  ceiling: number;
  /** Marked on the same time axis (those in the drawn window): red for Warning, grey otherwise. */
  events?: readonly RolloutEvent[];
  /** Before the page opened, replayed from Events (lib/rollout-past): drawn dotted, apart. */
  past?: RolloutPast;
}) {
  const now = useNow();
  const first = samples[0];
  const [ref, W] = useWidth<HTMLElement>(first !== undefined);
  if (first === undefined) return null;
  const before = past.samples.filter((s) => s.t < first.t);
  const t0 = before[0]?.t ?? first.t;
  const t1 = Math.max(now, t0 + 10_000, samples[samples.length - 1]?.t ?? t0);
  const ticks = countTicks(
    Math.max(ceiling, ...[...before, ...samples].flatMap((s) => [s.newReady, s.oldReady, s.unavailable])),
  );
  const yMax = ticks[ticks.length - 1] ?? 1;
  const scale = timeScale({
    t0,
    pastEnd: before[before.length - 1]?.t,
    opened: first.t,
    t1,
    left: PAD.left,
    right: W - PAD.right,
  });
  const { x, gap } = scale;
  // Revision labels a few pixels apart would print over each other: the next goes a row lower.
  const revisionRows: number[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  for (const r of past.revisions) {
    const row = x(r.t) - lastX < 40 ? (revisionRows[revisionRows.length - 1] ?? 0) + 1 : 0;
    revisionRows.push(row % 3);
    lastX = x(r.t);
  }
  const y = (v: number) => PAD.top + (1 - v / yMax) * (H - PAD.top - PAD.bottom);
  const steps = (points: readonly Sample[], key: (typeof SERIES)[number]['key'], end: number) => {
    const [head, ...rest] = points;
    if (head === undefined) return '';
    let d = `M${x(head.t).toFixed(1)},${y(head[key]).toFixed(1)}`;
    for (const s of rest) d += `H${x(s.t).toFixed(1)}V${y(s[key]).toFixed(1)}`;
    return `${d}H${x(end).toFixed(1)}`;
  };
  const seconds = Math.round((t1 - first.t) / 1000);
  return (
    <figure data-testid="rollout-timeline" ref={ref}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        className="block max-w-full"
        role="img"
        aria-label="Rollout timeline"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(v)}
              y2={y(v)}
              className="stroke-slate-200 dark:stroke-slate-800"
              strokeWidth={1}
            />
            <text
              x={PAD.left - 6}
              y={y(v) + 4}
              textAnchor="end"
              className="fill-slate-500 text-[10px]"
              data-testid="timeline-tick"
            >
              {v}
            </text>
          </g>
        ))}
        {before.length > 0 && (
          <g data-testid="timeline-past">
            {SERIES.map((s) => (
              <path
                key={s.key}
                d={steps(before, s.key, first.t)}
                fill="none"
                strokeWidth={1.5}
                strokeDasharray="1 3"
                strokeLinecap="round"
                className={s.className}
              />
            ))}
            {past.revisions.map((r, i) =>
              r.t >= t0 && r.t < first.t ? (
                <text
                  key={r.name}
                  x={x(r.t) + 3}
                  y={PAD.top + 8 + (revisionRows[i] ?? 0) * 11}
                  className="fill-slate-500 text-[10px]"
                >
                  {`rev ${r.revision ?? '?'}`}
                </text>
              ) : null,
            )}
            {gap && (
              <g data-testid="timeline-gap">
                <rect
                  x={gap.x1}
                  y={PAD.top}
                  width={gap.x2 - gap.x1}
                  height={H - PAD.top - PAD.bottom}
                  className="fill-white dark:fill-slate-950"
                />
                <text
                  x={(gap.x1 + gap.x2) / 2}
                  y={H - 4}
                  textAnchor="middle"
                  className="fill-slate-500 text-[10px]"
                >
                  {`⋯ ${humanDuration(gap.ms)} ⋯`}
                </text>
              </g>
            )}
            <line
              x1={x(first.t)}
              x2={x(first.t)}
              y1={PAD.top}
              y2={H - PAD.bottom}
              strokeWidth={1}
              strokeDasharray="2 2"
              className="stroke-slate-400"
            />
          </g>
        )}
        {SERIES.map((s) => (
          <path
            key={s.key}
            d={steps(samples, s.key, t1)}
            fill="none"
            strokeWidth={2}
            strokeDasharray={s.dash}
            className={s.className}
            data-testid={`timeline-${s.key}`}
          />
        ))}
        {events
          // An Event's time has whole seconds (metav1.Time is RFC 3339 without fractions), so one
          // of the page's first second reads up to 1 s before the first sample: it is drawn there.
          .filter((e) => e.t > t0 - 1000 && e.t <= t1)
          // Inside the axis break nothing is drawn (the break says how long it was).
          .filter((e) => !gap || x(e.t) <= gap.x1 || x(e.t) >= gap.x2)
          .map((e) => (
            <line
              key={e.uid}
              x1={x(Math.max(e.t, t0))}
              x2={x(Math.max(e.t, t0))}
              y1={PAD.top}
              y2={H - PAD.bottom}
              strokeWidth={1}
              className={e.type === 'Warning' ? 'stroke-rose-400' : 'stroke-slate-300 dark:stroke-slate-600'}
              data-testid="timeline-event"
            >
              <title>{`${e.type} ${e.reason} ${e.object}: ${e.message}`}</title>
            </line>
          ))}
        {before.length > 0 && (
          <text x={PAD.left} y={H - 4} className="fill-slate-500 text-[10px]">
            {humanDuration(now - t0)} ago
          </text>
        )}
        <text
          x={x(first.t)}
          y={H - 4}
          textAnchor={before.length > 0 && !gap ? 'middle' : 'start'}
          className="fill-slate-500 text-[10px]"
        >
          opened
        </text>
        <text x={W - PAD.right} y={H - 4} textAnchor="end" className="fill-slate-500 text-[10px]">
          now ({seconds}s)
        </text>
      </svg>
      <figcaption
        className="mt-1 flex flex-wrap gap-4 text-slate-600 text-xs dark:text-slate-400"
        data-testid="timeline-legend"
      >
        {SERIES.map((s) => (
          <span key={s.key} className="flex items-center gap-1.5">
            <LineSwatch width={3} dash={s.dash} className={s.className} />
            {s.label}
          </span>
        ))}
        {before.length > 0 && (
          <span className="flex items-center gap-1.5" data-testid="timeline-past-legend">
            <LineSwatch width={2} dash="1 3" className="stroke-slate-500" />
            before the page opened: ReplicaSet sizes replayed from the scaling Events
          </span>
        )}
        {EVENT_MARKS.map((m) => (
          <span key={m.label} className="flex items-center gap-1.5">
            <svg width="6" height="12" aria-hidden="true">
              <line x1="3" x2="3" y1="0" y2="12" strokeWidth={1.5} className={m.className} />
            </svg>
            {m.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A legend's sample of a line the chart draws: its stroke, width and dashes. */
function LineSwatch({
  width,
  dash,
  className,
}: {
  width: number;
  dash: string | undefined;
  className: string;
}) {
  return (
    <svg width="16" height="4" aria-hidden="true">
      <line x1="0" x2="16" y1="2" y2="2" strokeWidth={width} strokeDasharray={dash} className={className} />
    </svg>
  );
}
