import { logTimeKey } from '@wheelhouse/core';

/** One line of a log view: whose it is, when, and its text (terminal codes included). */
export interface LogLine {
  /** Arrival order: a stable key, and the tie-break between lines of the same time. */
  seq: number;
  /** '' in a single pod's view. */
  pod: string;
  container: string;
  ts?: string;
  text: string;
  /** The server's own line (lines skipped, a log refused) or the viewer's. */
  notice?: boolean;
}

export type IncomingLine = Omit<LogLine, 'seq'>;

/** Lines kept per view; the oldest go first. */
export const MAX_LOG_LINES = 10_000;

/**
 * The lines of one view, in time order, at most `capacity` (a ring: the oldest are dropped). Lines of
 * several pods arrive in per-pod order but not in global order — a pod that joins late brings older
 * lines — so each is inserted at its time; a line without a time goes after the line before it.
 */
export class LogBuffer {
  private lines: Array<LogLine & { key: string }> = [];
  private seq = 0;
  private lastKey = '';
  /** Lines dropped from the start to keep the capacity. */
  dropped = 0;

  constructor(readonly capacity = MAX_LOG_LINES) {}

  get size(): number {
    return this.lines.length;
  }

  add(batch: readonly IncomingLine[]): void {
    for (const line of batch) {
      const key = logTimeKey(line.ts) || this.lastKey;
      this.lastKey = key;
      const entry = { ...line, seq: this.seq++, key };
      const last = this.lines.at(-1);
      if (!last || last.key <= key) {
        this.lines.push(entry);
        continue;
      }
      // The first line with a later time: the new one goes before it, after its equals.
      let lo = 0;
      let hi = this.lines.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.lines[mid]?.key ?? '') <= key) lo = mid + 1;
        else hi = mid;
      }
      this.lines.splice(lo, 0, entry);
    }
    const over = this.lines.length - this.capacity;
    if (over > 0) {
      this.lines.splice(0, over);
      this.dropped += over;
    }
  }

  clear(): void {
    this.lines = [];
    this.lastKey = '';
    this.dropped = 0;
  }

  /** A copy, for a render. */
  snapshot(): LogLine[] {
    return this.lines.slice();
  }
}
