import type { KubeConfig } from '@kubernetes/client-node';
import type { ApiErrorBody, LogEndPayload, LogLinesPayload, LogsRequest } from '@wheelhouse/shared-types';
import { HttpError } from '../http/errors';
import { LineSplitter } from './lines';
import { NO_GAUGE, openPodLog, type UpstreamGauge } from './upstream';

export interface LogOutlet {
  emitLines(p: LogLinesPayload): void;
  emitEnd(p: LogEndPayload): void;
  /** Unflushed packets on the socket (the same measure the live lists use). */
  backlog(): number;
}

export interface LogLimits {
  tickMs: number;
  /** Lines held for a stream while the browser is behind; the oldest go first. */
  maxPendingLines: number;
  maxBacklog: number;
  /** Streams one socket may have open. */
  maxStreams: number;
}
export const DEFAULT_LOG_LIMITS: LogLimits = {
  tickMs: 100,
  maxPendingLines: 5000,
  maxBacklog: 200,
  maxStreams: 8,
};

/** One container log stream: bytes in, whole lines out, batched per tick, bounded. */
class LogStream {
  private readonly splitter = new LineSplitter();
  private pending: string[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  ended = false;

  constructor(
    readonly id: string,
    private readonly outlet: LogOutlet,
    private readonly limits: LogLimits,
    private readonly onEnded: (id: string) => void,
  ) {}

  readonly controller = new AbortController();

  /** Feeds the response body in; the stream ends when the log ends, fails, or is stopped. */
  attach(body: NodeJS.ReadableStream): void {
    body.setEncoding('utf8');
    body.on('data', (chunk: string) => this.push(this.splitter.push(chunk)));
    body.on('end', () => {
      this.pending.push(...this.splitter.end());
      this.end('completed');
    });
    body.on('error', (err: Error) => {
      if (this.ended) return; // our own abort
      this.end('error', {
        code: 500,
        reason: 'InternalError',
        message: `log stream broke: ${err.message}`,
        source: 'bff',
      });
    });
  }

  private push(lines: string[]): void {
    if (lines.length === 0) return;
    this.pending.push(...lines);
    const over = this.pending.length - this.limits.maxPendingLines;
    if (over > 0) {
      this.pending.splice(0, over);
      this.dropped += over;
    }
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.limits.tickMs);
  }

  flush(): void {
    this.timer = undefined;
    if (this.pending.length === 0 && this.dropped === 0) return;
    if (this.outlet.backlog() > this.limits.maxBacklog) {
      this.timer = setTimeout(() => this.flush(), this.limits.tickMs);
      return;
    }
    const lines = this.pending;
    this.pending = [];
    if (this.dropped > 0) {
      lines.unshift(`[wheelhouse] ${this.dropped} earlier line(s) skipped: the browser fell behind the log`);
      this.dropped = 0;
    }
    this.outlet.emitLines({ streamId: this.id, lines });
  }

  end(reason: LogEndPayload['reason'], error?: ApiErrorBody): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    if (reason !== 'stopped') {
      this.flush();
      this.outlet.emitEnd({ streamId: this.id, reason, ...(error ? { error } : {}) });
    }
    this.controller.abort();
    this.onEnded(this.id);
  }
}

/**
 * The log streams of one socket. Each is one pods/log request made as the caller, so RBAC on
 * pods/log decides; stopped on request, on disconnect, or when the log ends.
 */
export class LogStreams {
  private readonly streams = new Map<string, LogStream>();
  private next = 1;

  constructor(
    private readonly outlet: LogOutlet,
    private readonly limits: LogLimits = DEFAULT_LOG_LIMITS,
    private readonly gauge: UpstreamGauge = NO_GAUGE,
  ) {}

  get size(): number {
    return this.streams.size;
  }

  async start(kc: KubeConfig, req: LogsRequest): Promise<string> {
    if (this.streams.size >= this.limits.maxStreams) {
      throw new HttpError(
        429,
        'TooManyRequests',
        `at most ${this.limits.maxStreams} log streams per connection`,
      );
    }
    const id = `l${this.next++}`;
    const stream = new LogStream(id, this.outlet, this.limits, (sid) => this.streams.delete(sid));
    this.streams.set(id, stream);
    try {
      const upstream = await openPodLog(
        kc,
        req.namespace,
        req.pod,
        {
          container: req.container,
          follow: req.follow ?? true,
          previous: req.previous,
          timestamps: req.timestamps,
          tailLines: req.tailLines,
          sinceSeconds: req.sinceSeconds,
        },
        stream.controller.signal,
        this.gauge,
      );
      stream.controller.signal.addEventListener('abort', upstream.release, { once: true });
      stream.attach(upstream.body);
      return id;
    } catch (err) {
      this.streams.delete(id);
      stream.ended = true;
      throw err;
    }
  }

  stop(id: string): boolean {
    const s = this.streams.get(id);
    if (!s) return false;
    s.end('stopped');
    return true;
  }

  closeAll(): void {
    for (const s of [...this.streams.values()]) s.end('stopped');
  }
}
