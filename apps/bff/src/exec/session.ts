import { StringDecoder } from 'node:string_decoder';
import type { V1Status } from '@kubernetes/client-node';
import type { ExecEndPayload, ExecEndReason, ExecOutputPayload } from '@wheelhouse/shared-types';
import { HttpError } from '../http/errors';
import { isMissing, outcomeOf } from './outcome';
import type { Upstream, UpstreamEvents } from './upstream';

export interface ExecOutlet {
  output(p: ExecOutputPayload): void;
  end(p: ExecEndPayload): void;
  /** Unflushed packets on the socket (the same measure the live lists and logs use). */
  backlog(): number;
}

export interface ExecLimits {
  /** How long a started command may stay silent before it counts as running (no "not found" came). */
  probeMs: number;
  /** Retry interval while the socket is behind. */
  tickMs: number;
  /** Unflushed socket packets above which output waits (and the upstream is paused). */
  maxBacklog: number;
  /** Output characters held for the browser before the upstream is paused. */
  maxPendingChars: number;
  /** Characters per execOutput message. */
  maxBatchChars: number;
  /** Input bytes waiting to reach the apiserver above which more input is refused (429). */
  maxInputBuffered: number;
  /** Shells one socket may have open. */
  maxSessions: number;
}
export const DEFAULT_EXEC_LIMITS: ExecLimits = {
  probeMs: 1500,
  tickMs: 50,
  maxBacklog: 200,
  maxPendingChars: 1024 * 1024,
  maxBatchChars: 32 * 1024,
  maxInputBuffered: 1024 * 1024,
  maxSessions: 8,
};

/** Opens the upstream for one command (exec/upstream.ts's openExec, bound to a caller and a target). */
export type ExecOpener = (command: string[], on: UpstreamEvents) => Promise<Upstream>;

type Attempt = { running: true } | { running: false; missing: string };

/**
 * One shell: the upstream pods/exec connection and what flows through it. Output is held until the
 * browser has the session id (`activate`, after the ack), then sent batched per event-loop turn; a
 * browser that falls behind pauses the upstream instead of growing a buffer. It ends exactly once —
 * the process exited, the pod went away, the user stopped, or the upstream broke — and then closes
 * the upstream; nothing outlives it.
 */
export class ExecSession {
  private upstream: Upstream | undefined;
  private generation = 0;
  private wake: (() => void) | undefined;
  private printed = false;
  private status: V1Status | undefined;
  /** The upstream closed (without a status) before the session was active: why. */
  private closedEarly: string | undefined;
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private scheduled = false;
  private paused = false;
  private active = false;
  private endPayload: ExecEndPayload | undefined;
  private ran = false;

  constructor(
    readonly id: string,
    private readonly outlet: ExecOutlet,
    private readonly limits: ExecLimits,
    private readonly open: ExecOpener,
    private readonly onEnded: (session: ExecSession, end: ExecEndPayload) => void,
  ) {}

  get ended(): boolean {
    return this.endPayload !== undefined;
  }

  /** How it ended, once it has. */
  get end(): ExecEndPayload | undefined {
    return this.endPayload;
  }

  /** Whether a command really started (false when the session was ended before one opened). */
  get opened(): boolean {
    return this.ran;
  }

  /**
   * Starts `command`, or the first of `shells` the image has. Resolves with the command that runs;
   * rejects with the apiserver's refusal (403, unknown pod or container), or a 400 saying the image
   * lacks the command (or every shell).
   */
  async start(command: string[] | undefined, shells: readonly string[]): Promise<string[]> {
    const candidates = command ? [command] : shells.map((s) => [s]);
    let missing = '';
    for (const argv of candidates) {
      const attempt = await this.attempt(argv);
      if (attempt.running || this.ended) return argv;
      missing = attempt.missing;
    }
    this.finish('error', undefined, 'no command to run', false);
    throw command
      ? new HttpError(400, 'BadRequest', `cannot run "${command.join(' ')}" in this container: ${missing}`, {
          field: 'command',
        })
      : new HttpError(400, 'BadRequest', `no shell in this image (tried ${shells.join(', ')}): ${missing}`);
  }

  private async attempt(argv: string[]): Promise<Attempt> {
    if (this.ended) return { running: true }; // stopped meanwhile: open nothing
    const gen = ++this.generation;
    this.printed = false;
    this.status = undefined;
    this.closedEarly = undefined;
    const woke = new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    // Events of an attempt that was given up (or of a session that ended) are not this session's.
    const current = () => gen === this.generation;
    const upstream = await this.open(argv, {
      output: (chunk) => {
        if (!current()) return;
        this.printed = true;
        this.onOutput(chunk);
        this.wake?.();
      },
      status: (s) => {
        if (!current()) return;
        this.status = s;
        if (this.active) this.onStatus(s);
        else this.wake?.();
      },
      closed: (why) => {
        if (!current()) return;
        const message = why ?? 'the apiserver closed the session';
        if (this.active) this.finish('error', undefined, message);
        else {
          this.closedEarly = message;
          this.wake?.();
        }
      },
    });
    this.upstream = upstream;
    if (this.ended) {
      upstream.close();
      return { running: true };
    }
    const timer = setTimeout(() => this.wake?.(), this.limits.probeMs);
    await woke;
    clearTimeout(timer);
    if (this.status && !this.ended) {
      const outcome = outcomeOf(this.status);
      if (isMissing(outcome, this.printed)) {
        this.generation++; // its close is not this session's end
        upstream.close();
        this.upstream = undefined;
        this.pending = '';
        return {
          running: false,
          missing: outcome.kind === 'exited' ? `exit code ${outcome.exitCode}` : outcome.message,
        };
      }
    }
    this.ran = true;
    return { running: true };
  }

  /** After the ack: the browser knows the id, so held output (and an early end) can go out. */
  activate(): void {
    if (this.active) return;
    this.active = true;
    if (this.endPayload) {
      this.flushAll();
      this.outlet.end(this.endPayload);
      return;
    }
    this.schedule();
    // It ended while the browser waited for the ack.
    if (this.status) this.onStatus(this.status);
    else if (this.closedEarly !== undefined) this.finish('error', undefined, this.closedEarly);
  }

  input(data: string): void {
    const upstream = this.upstream;
    if (!upstream || this.ended) throw new HttpError(409, 'Conflict', `session ${this.id} has ended`);
    if (upstream.bufferedAmount > this.limits.maxInputBuffered) {
      throw new HttpError(
        429,
        'TooManyRequests',
        'the container is not reading its input as fast as it comes: wait for the earlier input to go through',
      );
    }
    upstream.send(data);
  }

  resize(cols: number, rows: number): void {
    if (!this.upstream || this.ended) throw new HttpError(409, 'Conflict', `session ${this.id} has ended`);
    this.upstream.resize(cols, rows);
  }

  /** Ends the session from this side: the user stopped it, the socket went, or the pod was deleted. */
  stop(reason: Extract<ExecEndReason, 'stopped' | 'pod-deleted'>, message?: string): void {
    this.finish(reason, undefined, message);
  }

  private onStatus(s: V1Status): void {
    const outcome = outcomeOf(s);
    if (outcome.kind === 'exited') this.finish('exited', outcome.exitCode);
    else this.finish('error', undefined, outcome.message);
  }

  private finish(reason: ExecEndReason, exitCode?: number, message?: string, notify = true): void {
    if (this.endPayload) return;
    this.endPayload = {
      sessionId: this.id,
      reason,
      ...(exitCode !== undefined ? { exitCode } : {}),
      ...(message ? { message } : {}),
    };
    this.generation++;
    this.upstream?.close();
    this.wake?.();
    if (this.active) {
      this.flushAll();
      this.outlet.end(this.endPayload);
    }
    if (notify) this.onEnded(this, this.endPayload);
  }

  private onOutput(chunk: Buffer): void {
    this.pending += this.decoder.write(chunk);
    if (this.pending.length > this.limits.maxPendingChars && !this.paused) {
      this.paused = true;
      this.upstream?.pause();
    }
    this.schedule();
  }

  private schedule(delayMs = 0): void {
    if (!this.active || this.scheduled || this.ended) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    // The next turn of the event loop: everything that arrived in this one goes in one message.
    if (delayMs === 0) setImmediate(run);
    else setTimeout(run, delayMs);
  }

  private flush(): void {
    if (this.ended || this.pending === '') {
      this.resumeUpstream();
      return;
    }
    if (this.outlet.backlog() > this.limits.maxBacklog) {
      if (!this.paused) {
        this.paused = true;
        this.upstream?.pause();
      }
      this.schedule(this.limits.tickMs);
      return;
    }
    this.emitBatch();
    if (this.pending !== '') this.schedule();
    else this.resumeUpstream();
  }

  private emitBatch(): void {
    let cut = Math.min(this.pending.length, this.limits.maxBatchChars);
    // Never split a surrogate pair between two messages.
    const last = this.pending.charCodeAt(cut - 1);
    if (cut < this.pending.length && last >= 0xd800 && last <= 0xdbff) cut--;
    const data = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    this.outlet.output({ sessionId: this.id, data });
  }

  private flushAll(): void {
    this.pending += this.decoder.end();
    while (this.pending !== '') this.emitBatch();
  }

  private resumeUpstream(): void {
    if (!this.paused || this.ended) return;
    this.paused = false;
    this.upstream?.resume();
  }
}
