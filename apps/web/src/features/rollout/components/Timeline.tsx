import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { useNow } from '../../../lib/clock';
import type { RolloutEvent } from '../lib/rollout-events';
import type { Sample } from '../lib/rollout-view';

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
}: {
  samples: readonly Sample[];
  ceiling: number;
  /** Marked on the same time axis (those since the page opened): red for Warning, grey otherwise. */
  events?: readonly RolloutEvent[];
}) {
  const now = useNow();
  const first = samples[0];
  const [ref, W] = useWidth<HTMLElement>(first !== undefined);
  if (first === undefined) return null;
  const t0 = first.t;
  const t1 = Math.max(now, t0 + 10_000, samples[samples.length - 1]?.t ?? t0);
  const ticks = countTicks(
    Math.max(ceiling, ...samples.flatMap((s) => [s.newReady, s.oldReady, s.unavailable])),
  );
  const yMax = ticks[ticks.length - 1] ?? 1;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / yMax) * (H - PAD.top - PAD.bottom);
  const path = (key: (typeof SERIES)[number]['key']) => {
    let d = `M${x(first.t).toFixed(1)},${y(first[key]).toFixed(1)}`;
    for (const s of samples.slice(1)) d += `H${x(s.t).toFixed(1)}V${y(s[key]).toFixed(1)}`;
    return `${d}H${x(t1).toFixed(1)}`;
  };
  const seconds = Math.round((t1 - t0) / 1000);
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
        {SERIES.map((s) => (
          <path
            key={s.key}
            d={path(s.key)}
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
        <text x={PAD.left} y={H - 4} className="fill-slate-500 text-[10px]">
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
            <svg width="16" height="4" aria-hidden="true">
              <line
                x1="0"
                x2="16"
                y1="2"
                y2="2"
                strokeWidth={3}
                strokeDasharray={s.dash}
                className={s.className}
              />
            </svg>
            {s.label}
          </span>
        ))}
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
