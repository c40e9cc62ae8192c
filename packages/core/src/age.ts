/**
 * Durations and ages printed the way kubectl prints them.
 *
 * `humanDuration` follows k8s.io/apimachinery/pkg/util/duration.HumanDuration;
 * `formatAge` is kubectl's `translateTimestampSince` (the AGE column).
 */

/**
 * A timestamp from a Kubernetes object. `@kubernetes/client-node` types these as `Date`, but objects that
 * travelled as JSON (watch events, the BFF's responses) carry RFC 3339 strings, so both are accepted.
 */
export type Timestamp = Date | string;

/** Converts a Kubernetes timestamp to a `Date`; `undefined` when it is missing or unparsable. */
export function toDate(value: Timestamp | null | undefined): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * kubectl's HumanDuration: about two or three significant figures.
 *
 * Go truncates toward zero when it converts a duration to whole units, so `Math.trunc` is used throughout.
 * Up to 2s in the future counts as "now" (clock skew); further in the future is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const days = Math.trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * The AGE column: how long ago `from` was, as of `now`. A missing or unparsable timestamp prints
 * `<unknown>`, as kubectl does for a zero time.
 */
export function formatAge(from: Timestamp | null | undefined, now: Date): string {
  const date = toDate(from);
  if (date === undefined) return '<unknown>';
  return humanDuration(now.getTime() - date.getTime());
}
