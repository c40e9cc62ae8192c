import { HttpError, toErrorBody } from '../http/errors';
import type { Callers } from '../kube/callers';
import type { WhServer } from './server';

/**
 * Counts what each key (a caller identity, a client) holds against a maximum. acquire() checks and
 * records in one synchronous step, so requests racing through an `await` cannot all pass a check
 * made before it (the per-socket cap once could: 150 concurrent subscribes all saw 0).
 */
export class Quota {
  private readonly used = new Map<string, number>();

  constructor(
    readonly max: number,
    /** For the 429's message: "subscriptions per caller". */
    private readonly what: string,
  ) {}

  /** Takes one unit for `key`, or throws 429 when it holds `max` already. */
  acquire(key: string): void {
    const n = this.used.get(key) ?? 0;
    if (n >= this.max) {
      throw new HttpError(429, 'TooManyRequests', `too many ${this.what} (at most ${this.max})`);
    }
    this.used.set(key, n + 1);
  }

  release(key: string): void {
    const n = this.used.get(key) ?? 0;
    if (n <= 1) this.used.delete(key);
    else this.used.set(key, n - 1);
  }

  held(key: string): number {
    return this.used.get(key) ?? 0;
  }
}

/**
 * Bounds the sockets one client holds: a handshake beyond the limit is refused with a 429 in the one
 * error body (socket.io's `connect_error`, with the body as `err.data`). A client is the logged-in
 * user in token mode, otherwise the peer address.
 */
export function limitSocketsPerClient(io: WhServer, callers: Callers, max: number): void {
  const quota = new Quota(max, 'connections from one client');
  io.use((socket, next) => {
    let key = `addr:${socket.handshake.address}`;
    if (callers.tokenMode) {
      try {
        key = callers.resolve(socket.handshake.headers).identity;
      } catch {
        // not logged in (yet): counted by address
      }
    }
    try {
      quota.acquire(key);
    } catch (err) {
      next(Object.assign(new Error((err as Error).message), { data: toErrorBody(err) }));
      return;
    }
    socket.once('disconnect', () => quota.release(key));
    next();
  });
}
