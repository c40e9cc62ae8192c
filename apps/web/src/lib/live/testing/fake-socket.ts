import type { V1Pod } from '@kubernetes/client-node';
import { matchesSelector, parseSelector, podListRow } from '@wheelhouse/core';
import type {
  ApiErrorBody,
  KindObject,
  ListProgress,
  ResourceKind,
  SubscribeRequest,
  WatchEvent,
  WireItem,
} from '@wheelhouse/shared-types';
import type { LiveSocket } from '../live-store';

type Listener = (...args: never[]) => void;

interface FakeSub extends SubscribeRequest {
  subId: string;
}

/** What the BFF sends for an object to this subscription: the object, or (`shape: 'row'`) its row. */
function shaped(sub: SubscribeRequest, object: KindObject): WireItem {
  return sub.shape === 'row' ? podListRow(object as V1Pod) : object;
}

/**
 * An in-memory stand-in for the BFF end of one socket: it holds objects per kind, answers
 * `subscribe`/`unsubscribe` like the real protocol (acks arrive on a later macrotask, as over a
 * network; a Pods list subscribed as rows gets @wheelhouse/core's rows of the objects, as from the
 * BFF) and lets a test push events (of objects), resyncs, status changes and connection drops.
 */
export class FakeLiveServer {
  readonly socket: FakeSocket;
  readonly subs = new Map<string, FakeSub>();
  /** Every subscribe request received, in order. */
  readonly subscribeLog: SubscribeRequest[] = [];
  readonly unsubscribeLog: string[] = [];
  private readonly objects = new Map<ResourceKind, KindObject[]>();
  private readonly errors = new Map<string, ApiErrorBody>();
  /** Called right after a successful ack, in the same task (as when packets arrive together). */
  onAcked: ((subId: string) => void) | undefined;
  /** How long the server takes to answer a subscribe. */
  ackDelayMs = 0;
  private nextSubId = 1;
  private resourceVersion = 100;

  constructor(options: { connected?: boolean } = {}) {
    this.socket = new FakeSocket(this, options.connected ?? true);
  }

  /** The typed socket the LiveStore takes. */
  get client(): LiveSocket {
    return this.socket as unknown as LiveSocket;
  }

  set(kind: ResourceKind, items: KindObject[]): void {
    this.objects.set(kind, items);
  }

  /** One stored object, as `GET /api/:kind/:namespace/:name` would return it. */
  get(kind: ResourceKind, namespace: string, name: string): KindObject | undefined {
    return (this.objects.get(kind) ?? []).find(
      (o) => o.metadata?.namespace === namespace && o.metadata?.name === name,
    );
  }

  /** Answer subscriptions to `kind` (in `namespace`, or any) with this error. */
  refuse(kind: ResourceKind, error: ApiErrorBody, namespace?: string): void {
    this.errors.set(`${kind}/${namespace ?? '*'}`, error);
  }

  /** Applies events to the stored objects and sends them to every matching subscription. */
  push(kind: ResourceKind, batch: WatchEvent<ResourceKind, 'object'>[]): void {
    const items = [...(this.objects.get(kind) ?? [])];
    for (const event of batch) {
      const uid = event.object.metadata?.uid;
      const at = items.findIndex((o) => o.metadata?.uid === uid);
      if (event.type === 'DELETED') {
        if (at >= 0) items.splice(at, 1);
      } else if (at >= 0) items[at] = event.object;
      else items.push(event.object);
    }
    this.objects.set(kind, items);
    for (const sub of this.matching(kind)) {
      const mine = batch
        .filter((e) => this.inScope(sub, e.object))
        .map((e) => ({ type: e.type, object: shaped(sub, e.object) }));
      if (mine.length > 0) this.socket.deliver('events', { subId: sub.subId, batch: mine });
    }
  }

  /**
   * Sends one part of a progressive snapshot to every subscription to `kind` (as the BFF sends a
   * large list after its ack): `objects` are stored and sent as ADDED, `progress` says how far.
   */
  part(kind: ResourceKind, objects: KindObject[], progress: ListProgress): void {
    this.objects.set(kind, [...(this.objects.get(kind) ?? []), ...objects]);
    for (const sub of this.matching(kind)) {
      const batch = objects
        .filter((o) => this.inScope(sub, o))
        .map((o) => ({ type: 'ADDED' as const, object: shaped(sub, o) }));
      this.socket.deliver('events', { subId: sub.subId, batch, progress });
    }
  }

  /** Sends a full resync of the stored objects to every subscription to `kind`. */
  resync(kind: ResourceKind): void {
    for (const sub of this.matching(kind)) {
      this.socket.deliver('resync', {
        subId: sub.subId,
        items: this.snapshot(sub),
        resourceVersion: String(++this.resourceVersion),
        reason: 'relist',
      });
    }
  }

  status(kind: ResourceKind, state: 'live' | 'reconnecting' | 'error', message?: string): void {
    for (const sub of this.matching(kind)) {
      this.socket.deliver('subStatus', { subId: sub.subId, state, ...(message ? { message } : {}) });
    }
  }

  /** The transport drops; socket.io will retry (`active` stays true). Subscriptions are lost. */
  drop(): void {
    this.subs.clear();
    this.socket.connected = false;
    this.socket.deliver('disconnect', 'transport close');
  }

  /** The retry succeeded. */
  restore(): void {
    this.socket.connected = true;
    this.socket.deliver('connect');
  }

  handleSubscribe(req: SubscribeRequest, ack: (res: unknown) => void): void {
    this.subscribeLog.push(req);
    const error = this.errors.get(`${req.kind}/${req.namespace ?? '*'}`) ?? this.errors.get(`${req.kind}/*`);
    setTimeout(() => {
      if (!this.socket.connected) return; // lost with the connection
      if (error) {
        ack({ ok: false, error });
        return;
      }
      const sub: FakeSub = { ...req, subId: `sub-${this.nextSubId++}` };
      this.subs.set(sub.subId, sub);
      ack({
        ok: true,
        subId: sub.subId,
        items: this.snapshot(sub),
        resourceVersion: String(++this.resourceVersion),
      });
      this.onAcked?.(sub.subId);
    }, this.ackDelayMs);
  }

  handleUnsubscribe(req: { subId: string }, ack: (res: unknown) => void): void {
    this.unsubscribeLog.push(req.subId);
    const known = this.subs.delete(req.subId);
    setTimeout(
      () =>
        ack(
          known
            ? { ok: true }
            : {
                ok: false,
                error: { code: 404, reason: 'NotFound', message: 'no such subscription', source: 'bff' },
              },
        ),
      0,
    );
  }

  private matching(kind: ResourceKind): FakeSub[] {
    return [...this.subs.values()].filter((s) => s.kind === kind);
  }

  private inScope(sub: FakeSub, object: KindObject): boolean {
    if (sub.namespace !== undefined && object.metadata?.namespace !== sub.namespace) return false;
    // Like the apiserver: a labelSelector narrows the list and the watch.
    return !sub.labelSelector || matchesSelector(parseSelector(sub.labelSelector), object.metadata?.labels);
  }

  private snapshot(sub: FakeSub): WireItem[] {
    return (this.objects.get(sub.kind) ?? []).filter((o) => this.inScope(sub, o)).map((o) => shaped(sub, o));
  }
}

/** The client half: the subset of socket.io-client's Socket that the LiveStore uses. */
export class FakeSocket {
  active = true;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly server: FakeLiveServer,
    public connected: boolean,
  ) {}

  on(event: string, fn: Listener): this {
    let set = this.listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(fn);
    return this;
  }

  once(event: string, fn: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.off(event, wrapper);
      fn(...args);
    }) as Listener;
    (wrapper as { original?: Listener }).original = fn;
    return this.on(event, wrapper);
  }

  off(event: string, fn: Listener): this {
    const set = this.listeners.get(event);
    if (set === undefined) return this;
    for (const listener of set) {
      if (listener === fn || (listener as { original?: Listener }).original === fn) set.delete(listener);
    }
    return this;
  }

  emit(event: string, req: unknown, ack: (res: unknown) => void): this {
    if (!this.connected) throw new Error('FakeSocket: emit while disconnected (the LiveStore should wait)');
    if (event === 'subscribe') this.server.handleSubscribe(req as SubscribeRequest, ack);
    else if (event === 'unsubscribe') this.server.handleUnsubscribe(req as { subId: string }, ack);
    return this;
  }

  connect(): this {
    if (!this.connected) this.server.restore();
    return this;
  }

  deliver(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      (listener as (...a: unknown[]) => void)(...args);
    }
  }
}
