/**
 * An observer speaking the live protocol (packages/shared-types/src/protocol.ts) the way a tab's
 * LiveStore does, with no browser: one socket.io connection through the fault proxy, a few
 * subscriptions, and its own copy of each list built only from the ack's snapshot, `events` and
 * `resync`. socket.io reconnects it after a cut or a BFF restart; it then subscribes again and takes
 * the new snapshot. At the end its copies are compared with a fresh LIST (verify.ts).
 */
import type {
  ClientToServerEvents,
  EventsPayload,
  KindObject,
  ResyncPayload,
  ServerToClientEvents,
  SubStatusPayload,
  SubscribeAck,
  SubscribeRequest,
} from '@wheelhouse/shared-types';
import { io, type Socket } from 'socket.io-client';

type ProtoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** name (namespace/name) → resourceVersion, what the observer believes the list holds. */
export type ListView = Map<string, string>;

export const objectKey = (o: { metadata?: { namespace?: string; name?: string } }): string =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

interface Sub {
  req: SubscribeRequest;
  subId: string | undefined;
  view: ListView;
  state: SubStatusPayload['state'] | 'unsubscribed';
  lastError: string | undefined;
}

export class ProtocolClient {
  readonly subs: Sub[];
  private readonly bySubId = new Map<string, Sub>();
  /** Events for a subId whose ack has not been handled yet (none expected; kept to be safe). */
  private readonly early = new Map<string, EventsPayload[]>();
  private socket: ProtoSocket | undefined;
  private closed = false;
  /** Bumped on every connect: a subscribe loop of an earlier connection stops (its socket is gone). */
  private generation = 0;
  counters = { connects: 0, disconnects: 0, events: 0, resyncs: 0, subscribeErrors: 0 };

  constructor(
    readonly name: string,
    private readonly url: string,
    requests: SubscribeRequest[],
  ) {
    this.subs = requests.map((req) => ({
      req,
      subId: undefined,
      view: new Map(),
      state: 'unsubscribed',
      lastError: undefined,
    }));
  }

  /** Connects (socket.io retries on its own, forever, every ≤ 2 s) and resolves on the first connect. */
  start(): Promise<void> {
    const socket: ProtoSocket = io(this.url, {
      path: '/api/socket',
      transports: ['websocket'],
      extraHeaders: { Origin: this.url },
      forceNew: true,
      reconnectionDelay: 250,
      reconnectionDelayMax: 2_000,
      timeout: 10_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.counters.connects++;
      this.generation++;
      for (const sub of this.subs) void this.subscribe(sub, this.generation);
    });
    socket.on('disconnect', () => {
      this.counters.disconnects++;
      this.bySubId.clear();
      for (const sub of this.subs) {
        sub.subId = undefined;
        sub.state = 'unsubscribed';
      }
    });
    socket.on('events', (p) => this.onEvents(p));
    socket.on('resync', (p) => this.onResync(p));
    socket.on('subStatus', (p) => {
      const sub = this.bySubId.get(p.subId);
      if (sub) sub.state = p.state;
    });
    return new Promise((resolve) => socket.once('connect', () => resolve()));
  }

  private async subscribe(sub: Sub, generation: number): Promise<void> {
    const socket = this.socket;
    const current = () => generation === this.generation && socket?.connected === true && !this.closed;
    for (let attempt = 0; attempt < 120 && current(); attempt++) {
      try {
        const ack: SubscribeAck = await (socket as ProtoSocket)
          .timeout(30_000)
          .emitWithAck('subscribe', sub.req);
        // A disconnect came in between: its subscriptions are gone with it, the new connection's loop owns `sub`.
        if (!current()) return;
        if (ack.ok) {
          sub.subId = ack.subId;
          sub.state = 'live';
          sub.lastError = undefined;
          sub.view = new Map(ack.items.map((o) => [objectKey(o), o.metadata?.resourceVersion ?? '']));
          this.bySubId.set(ack.subId, sub);
          for (const p of this.early.get(ack.subId) ?? []) this.onEvents(p);
          this.early.delete(ack.subId);
          return;
        }
        sub.lastError = `${ack.error.code} ${ack.error.message}`;
      } catch (err) {
        sub.lastError = (err as Error).message;
      }
      this.counters.subscribeErrors++;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  private onEvents(p: EventsPayload): void {
    const sub = this.bySubId.get(p.subId);
    if (!sub) {
      const list = this.early.get(p.subId) ?? [];
      if (list.length < 100) list.push(p);
      this.early.set(p.subId, list);
      return;
    }
    this.counters.events += p.batch.length;
    for (const e of p.batch) {
      const key = objectKey(e.object);
      if (e.type === 'DELETED') sub.view.delete(key);
      else sub.view.set(key, e.object.metadata?.resourceVersion ?? '');
    }
  }

  private onResync(p: ResyncPayload): void {
    const sub = this.bySubId.get(p.subId);
    if (!sub) return;
    this.counters.resyncs++;
    sub.view = new Map(p.items.map((o: KindObject) => [objectKey(o), o.metadata?.resourceVersion ?? '']));
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
