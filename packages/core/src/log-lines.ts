/**
 * The times of container log lines, as the kubelet writes them with `timestamps=true`, and the order
 * they give lines of several containers. Shared by the BFF (merging a workload's streams) and the web
 * (showing and ordering lines).
 */

// The kubelet writes `timestamps=true` lines as "<RFC 3339 with nanoseconds> <line>"
// (pkg/kubelet/kuberuntime/logs: timeFormatOut = "2006-01-02T15:04:05.000000000Z07:00").
const TIMESTAMPED = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (.*)$/s;

/** A `timestamps=true` line split into its time and its text; a line without one is all text. */
export function splitLogTimestamp(line: string): { ts?: string; text: string } {
  const m = TIMESTAMPED.exec(line);
  return m?.[1] !== undefined ? { ts: m[1], text: m[2] ?? '' } : { text: line };
}

/**
 * A key that sorts RFC 3339 times in time order as plain strings: UTC, nine fraction digits. The
 * runtime's times are UTC with nine digits already; anything else is normalised through Date (to the
 * millisecond, keeping the finer digits). '' for no time, which sorts first.
 */
export function logTimeKey(ts: string | undefined): string {
  if (!ts) return '';
  const m = /^(.{19})(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
  if (!m) return '';
  const fraction = (m[2] ?? '').padEnd(9, '0');
  if (m[3] === 'Z') return `${m[1]}.${fraction}Z`;
  const ms = Date.parse(`${m[1]}.${fraction.slice(0, 3)}${m[3]}`);
  if (Number.isNaN(ms)) return '';
  return `${new Date(ms).toISOString().slice(0, 23)}${fraction.slice(3)}Z`;
}

/**
 * Lines of several streams in time order, stably; a line without a time (the server's own notice)
 * stays right after the line before it.
 */
export function sortLogLinesByTime<T extends { ts?: string }>(lines: T[]): T[] {
  let last = '';
  const keyed = lines.map((line, i) => {
    const key = logTimeKey(line.ts);
    if (key) last = key;
    return { line, i, key: key || last };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return keyed.map((k) => k.line);
}
