/**
 * One soak observer: a socket.io client speaking the live protocol that keeps, per subscription, what
 * a tab would hold (namespace/name → resourceVersion) from the snapshot, `events` and `resync` — so its
 * state can be compared with a fresh LIST at the end.
 */
import type { SubscribeAck, SubscribeRequest } from '@wheelhouse/shared-types';
import { type BenchSocket, connectSocket } from './bff';

interface Held {
  req: SubscribeRequest;
  byKey: Map<string, string>;
}

export interface Divergence {
  missing: number;
  ghosts: number;
  stale: number;
}

type Meta = { metadata?: { namespace?: string; name?: string; resourceVersion?: string } };
const keyOf = (o: Meta) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
const rvOf = (o: Meta) => o.metadata?.resourceVersion ?? '';

export class SoakClient {
  private socket: BenchSocket | undefined;
  private held = new Map<string, Held>();
  events = 0;
  resyncs = 0;
  /** Disconnects the client did not ask for (the BFF dropped it). */
  unexpectedDisconnects = 0;
  /** subStatus other than `live` (a subscription in trouble). */
  notLive = 0;

  constructor(
    private readonly url: string,
    readonly reqs: SubscribeRequest[],
  ) {}

  /** Connects and subscribes to every request; the acks' snapshots become the state. */
  async open(timeoutMs = 60_000): Promise<void> {
    const socket = await connectSocket(this.url);
    this.socket = socket;
    this.held = new Map();
    socket.on('events', ({ subId, batch }) => {
      const h = this.held.get(subId);
      if (!h) return;
      for (const e of batch) {
        this.events++;
        if (e.type === 'DELETED') h.byKey.delete(keyOf(e.object));
        else h.byKey.set(keyOf(e.object), rvOf(e.object));
      }
    });
    socket.on('resync', ({ subId, items }) => {
      const h = this.held.get(subId);
      if (!h) return;
      this.resyncs++;
      h.byKey = new Map(items.map((o) => [keyOf(o), rvOf(o)]));
    });
    socket.on('subStatus', ({ state }) => {
      if (state !== 'live') this.notLive++;
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.unexpectedDisconnects++;
    });
    for (const req of this.reqs) {
      // The callback form registers the subscription synchronously when the ack arrives, before any
      // `events` frame read in the same chunk is dispatched (a promise continuation would run after).
      await new Promise<void>((resolve, reject) => {
        socket.timeout(timeoutMs).emit('subscribe', req, (err: Error | null, ack: SubscribeAck) => {
          if (err) return reject(err);
          if (!ack.ok) return reject(new Error(`subscribe refused: ${ack.error.code} ${ack.error.message}`));
          this.held.set(ack.subId, { req, byKey: new Map(ack.items.map((o) => [keyOf(o), rvOf(o)])) });
          resolve();
        });
      });
    }
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  close(): void {
    this.socket?.close();
    this.socket = undefined;
  }

  /** This client's subscriptions compared with a fresh LIST per request (`truth` by request key). */
  diverge(truth: Map<string, Map<string, string>>): Divergence {
    const d: Divergence = { missing: 0, ghosts: 0, stale: 0 };
    for (const h of this.held.values()) {
      const want = truth.get(requestKey(h.req));
      if (!want) continue;
      for (const [k, rv] of want) {
        const have = h.byKey.get(k);
        if (have === undefined) d.missing++;
        else if (have !== rv) d.stale++;
      }
      for (const k of h.byKey.keys()) if (!want.has(k)) d.ghosts++;
    }
    // A subscription that never came back (a failed reconnect) holds nothing: all of it is missing.
    for (const req of this.reqs) {
      if (![...this.held.values()].some((h) => requestKey(h.req) === requestKey(req))) {
        d.missing += truth.get(requestKey(req))?.size ?? 0;
      }
    }
    return d;
  }
}

export function requestKey(req: SubscribeRequest): string {
  return `${req.kind}|${req.namespace ?? ''}|${req.labelSelector ?? ''}`;
}

/** namespace/name → resourceVersion of a LIST's items. */
export function listState(items: Meta[]): Map<string, string> {
  return new Map(items.map((o) => [keyOf(o), rvOf(o)]));
}
