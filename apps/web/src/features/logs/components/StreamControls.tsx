import { useId } from 'react';
import { type LogOptions, SINCE_SECONDS, type SinceChoice, TAIL_CHOICES } from '../lib/log-options';
import { controlLabel, selectClass } from './ui';

/**
 * What the server is asked for (changing one restarts the stream): follow, previous (one pod), how
 * many lines from the end, and since when. The viewer's own controls (filter, times…) are LogViewer's.
 */
export function StreamControls({
  options,
  setOptions,
  previous = false,
  tailLabel = 'Tail',
}: {
  options: LogOptions;
  setOptions(patch: Partial<LogOptions>): void;
  /** Offer "Previous" (a pod's previous container). */
  previous?: boolean;
  tailLabel?: string;
}) {
  const ids = useId();
  const tails: readonly number[] = TAIL_CHOICES.includes(options.tail as (typeof TAIL_CHOICES)[number])
    ? TAIL_CHOICES
    : [...TAIL_CHOICES.slice(0, -1), options.tail, 0];
  return (
    <>
      <label className={controlLabel}>
        <input
          type="checkbox"
          checked={options.follow && !options.previous}
          disabled={options.previous}
          onChange={(e) => setOptions({ follow: e.target.checked })}
          data-testid="log-follow"
        />
        Follow
      </label>
      {previous && (
        <label className={controlLabel}>
          <input
            type="checkbox"
            checked={options.previous}
            onChange={(e) => setOptions({ previous: e.target.checked })}
            data-testid="log-previous"
          />
          Previous
        </label>
      )}
      <label className={controlLabel} htmlFor={`${ids}-tail`}>
        {tailLabel}
        <select
          id={`${ids}-tail`}
          value={options.tail}
          onChange={(e) => setOptions({ tail: Number(e.target.value) })}
          className={selectClass}
          data-testid="log-tail"
        >
          {tails.map((t) => (
            <option key={t} value={t}>
              {t === 0 ? 'all' : `${t} lines`}
            </option>
          ))}
        </select>
      </label>
      <label className={controlLabel} htmlFor={`${ids}-since`}>
        Since
        <select
          id={`${ids}-since`}
          value={options.since}
          onChange={(e) => setOptions({ since: e.target.value as SinceChoice })}
          className={selectClass}
          data-testid="log-since"
        >
          <option value="">the start</option>
          {Object.keys(SINCE_SECONDS).map((s) => (
            <option key={s} value={s}>
              {`the last ${s}`}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
