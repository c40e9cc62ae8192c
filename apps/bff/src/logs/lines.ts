/**
 * Container log bytes → lines. Pure: shared by the pod and the workload log streams, tested without
 * a cluster. The time a line carries is @wheelhouse/core's log-lines.
 */

/** The longest line kept whole; a longer run without a newline is cut (a binary blob, a runaway JSON). */
export const MAX_LINE_CHARS = 64 * 1024;

/** Splits a byte stream's text into whole lines; the unfinished tail waits for the next chunk. */
export class LineSplitter {
  private partial = '';

  constructor(private readonly maxChars = MAX_LINE_CHARS) {}

  /** The whole lines completed by `text`. */
  push(text: string): string[] {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    // Bounded: a log that never ends its line costs at most maxChars here.
    while (this.partial.length > this.maxChars) {
      parts.push(this.partial.slice(0, this.maxChars));
      this.partial = this.partial.slice(this.maxChars);
    }
    return parts.map(stripCr);
  }

  /** What is left when the stream ends (a last line without its newline). */
  end(): string[] {
    const rest = this.partial;
    this.partial = '';
    return rest ? [stripCr(rest)] : [];
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
