import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { stripAnsi } from '../lib/ansi';
import { logText, saveText } from '../lib/download';
import type { LogLine } from '../lib/log-buffer';
import { compileFilter } from '../lib/log-filter';
import type { LogOptions } from '../lib/log-options';
import { type LinePrefix, LogLineRow } from './LogLineRow';
import { LogAlert } from './log-status';
import { type PodSource, SourceToggles } from './SourceToggles';
import { controlLabel, toggleButton } from './ui';

/** How far from the bottom (px) still counts as "at the end": the view keeps following. */
const STICK_PX = 32;

function toggled(set: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}

/**
 * The one log viewer, for a pod's log and a workload's: virtualised lines (a ring of the newest, see
 * LogBuffer), terminal colours, a filter (text or regex, case, matches highlighted, only the matching
 * lines or all), per-pod and per-container toggles, times, wrapping, pause/resume of the automatic
 * scroll (lines keep arriving meanwhile), and a download of exactly what is shown.
 */
export function LogViewer({
  lines,
  dropped,
  options,
  setOptions,
  prefix,
  pods,
  containers = [],
  fileName,
  empty,
  label,
}: {
  lines: readonly LogLine[];
  /** Older lines dropped by the ring. */
  dropped: number;
  options: LogOptions;
  setOptions(patch: Partial<LogOptions>): void;
  prefix?: (line: LogLine) => LinePrefix | undefined;
  pods?: readonly PodSource[];
  containers?: readonly string[];
  fileName: string;
  /** Said in place of lines when there are none. */
  empty: ReactNode;
  label: string;
}) {
  const ids = useId();
  const [filterText, setFilterText] = useState(options.filter);
  const [hiddenPods, setHiddenPods] = useState<ReadonlySet<string>>(new Set());
  const [hiddenContainers, setHiddenContainers] = useState<ReadonlySet<string>>(new Set());
  const [paused, setPaused] = useState(false);
  const [seenAtPause, setSeenAtPause] = useState(0);
  const output = useRef<HTMLElement>(null);
  const dragging = useRef(false);

  // The filter applies as typed; the URL follows a moment later (one history entry, replaced).
  useEffect(() => {
    if (filterText === options.filter) return;
    const t = setTimeout(() => setOptions({ filter: filterText }), 250);
    return () => clearTimeout(t);
  }, [filterText, options.filter, setOptions]);

  const filter = useMemo(
    () => compileFilter({ text: filterText, regex: options.regex, caseSensitive: options.caseSensitive }),
    [filterText, options.regex, options.caseSensitive],
  );
  const shown = useMemo(() => {
    const narrowing = filter.ok && filter.active && options.onlyMatching;
    return lines.filter(
      (l) =>
        !hiddenPods.has(l.pod) &&
        !hiddenContainers.has(l.container) &&
        (!narrowing || l.notice || (filter.ok && filter.matches(stripAnsi(l.text)).length > 0)),
    );
  }, [lines, hiddenPods, hiddenContainers, filter, options.onlyMatching]);

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => output.current,
    estimateSize: () => 20,
    overscan: 30,
    getItemKey: (i) => shown[i]?.seq ?? i,
  });

  // Follow the end unless paused: new lines scroll into view.
  useEffect(() => {
    if (!paused && shown.length > 0) virtualizer.scrollToIndex(shown.length - 1, { align: 'end' });
  }, [shown, paused, virtualizer]);

  const pause = () => {
    setPaused(true);
    // Lines are in time order, not arrival order: the newest arrival is the highest seq.
    setSeenAtPause(lines.reduce((max, l) => Math.max(max, l.seq), -1));
  };
  const newSincePause = paused ? lines.filter((l) => l.seq > seenAtPause).length : 0;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className={controlLabel} htmlFor={`${ids}-filter`}>
          Filter
          <input
            id={`${ids}-filter`}
            type="search"
            value={filterText}
            onChange={(e) => setFilterText(e.target.value)}
            placeholder={options.regex ? 'regular expression' : 'text'}
            aria-invalid={!filter.ok}
            data-testid="log-filter"
            className="w-56 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <button
          type="button"
          aria-pressed={options.regex}
          onClick={() => setOptions({ regex: !options.regex })}
          className={toggleButton(options.regex)}
          title="Regular expression"
        >
          .* Regex
        </button>
        <button
          type="button"
          aria-pressed={options.caseSensitive}
          onClick={() => setOptions({ caseSensitive: !options.caseSensitive })}
          className={toggleButton(options.caseSensitive)}
          title="Match case"
        >
          Aa Case
        </button>
        <button
          type="button"
          aria-pressed={options.onlyMatching}
          onClick={() => setOptions({ onlyMatching: !options.onlyMatching })}
          className={toggleButton(options.onlyMatching)}
          data-testid="log-only-matching"
        >
          Only matching lines
        </button>
        <span className="mx-1 h-5 border-slate-300 border-l dark:border-slate-700" aria-hidden="true" />
        <button
          type="button"
          aria-pressed={options.timestamps}
          onClick={() => setOptions({ timestamps: !options.timestamps })}
          className={toggleButton(options.timestamps)}
          data-testid="log-timestamps"
        >
          Timestamps
        </button>
        <button
          type="button"
          aria-pressed={options.wrap}
          onClick={() => setOptions({ wrap: !options.wrap })}
          className={toggleButton(options.wrap)}
        >
          Wrap
        </button>
        <button
          type="button"
          onClick={() => (paused ? setPaused(false) : pause())}
          className={toggleButton(paused)}
          aria-pressed={paused}
          data-testid="log-pause"
        >
          {paused ? `Resume${newSincePause > 0 ? ` (${newSincePause} new)` : ''}` : 'Pause scrolling'}
        </button>
        <button
          type="button"
          onClick={() =>
            saveText(
              fileName,
              logText(shown, { prefix: (l) => prefix?.(l)?.text ?? '', timestamps: options.timestamps }),
            )
          }
          disabled={shown.length === 0}
          className={`${toggleButton(false)} disabled:opacity-50`}
          data-testid="log-download"
        >
          Download
        </button>
        <span className="text-slate-500 text-xs dark:text-slate-400" data-testid="log-count">
          {shown.length === lines.length
            ? `${lines.length} lines`
            : `${shown.length} of ${lines.length} lines`}
          {dropped > 0 ? ` (${dropped} older dropped)` : ''}
        </span>
      </div>
      {!filter.ok && <LogAlert>Not a valid regular expression: {filter.message}</LogAlert>}
      {pods && (
        <SourceToggles
          pods={pods}
          containers={containers}
          hiddenPods={hiddenPods}
          hiddenContainers={hiddenContainers}
          onTogglePod={(p) => setHiddenPods((s) => toggled(s, p))}
          onToggleContainer={(c) => setHiddenContainers((s) => toggled(s, c))}
        />
      )}
      <section
        ref={output}
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached and scrolled with the keyboard
        tabIndex={0}
        data-testid="log-output"
        // Scrolling up by hand pauses the automatic scroll (wheel, keys, dragging the bar); reaching
        // the end again resumes it. The viewer's own scrolling never pauses it.
        onWheel={(e) => {
          if (e.deltaY < 0 && !paused) pause();
        }}
        onKeyDown={(e) => {
          if (!paused && ['ArrowUp', 'PageUp', 'Home'].includes(e.key)) pause();
        }}
        onPointerDown={() => {
          dragging.current = true;
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
          if (atEnd && paused) setPaused(false);
          else if (!atEnd && !paused && dragging.current) pause();
        }}
        className="h-[60vh] overflow-auto rounded-md border border-slate-200 bg-slate-950 py-2 font-mono text-slate-100 text-xs leading-5 dark:border-slate-700"
      >
        {shown.length === 0 ? (
          <p className="px-3 text-slate-400" data-testid="log-empty">
            {lines.length > 0 ? 'No line matches the filter.' : empty}
          </p>
        ) : (
          <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = shown[item.index];
              if (!line) return null;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  data-testid="log-line"
                  className={`absolute top-0 left-0 min-w-full px-3 ${options.wrap ? 'w-full whitespace-pre-wrap break-all' : 'w-max whitespace-pre'}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <LogLineRow
                    line={line}
                    prefix={prefix?.(line)}
                    timestamps={options.timestamps}
                    filter={filter}
                  />
                </div>
              );
            })}
          </div>
        )}
      </section>
    </div>
  );
}
