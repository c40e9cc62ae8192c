import type { KubernetesObject } from '@kubernetes/client-node';
import type {
  EventsPayload,
  ListProgress,
  ResyncPayload,
  SubStatusPayload,
  WatchEvent,
  WatchEventType,
} from '@wheelhouse/shared-types';
import type { PageProgress } from './paged-list';
import { asObject, type Projection } from './shapes';
import type { InformerListener } from './shared-informer';

/** What a resync sends: the informer's cache now, and how far its first LIST is while it loads. */
export interface Snapshot {
  items: KubernetesObject[];
  resourceVersion: string;
  progress?: PageProgress | undefined;
}

/** What a session needs from a socket: emit, and how much it has not yet flushed to the wire. */
export interface Outlet {
  emitEvents(payload: EventsPayload): void;
  emitResync(payload: ResyncPayload): void;
  emitStatus(payload: SubStatusPayload): void;
  /** Packets written but not yet flushed to the client (engine.io's write buffer). */
  backlog(): number;
  /** A subscription's buffer was dropped because the socket fell behind (for metrics). */
  dropped?(subId: string): void;
}

export interface SessionLimits {
  /** Batch tick. */
  tickMs: number;
  /** Pending (coalesced) events a subscription may hold before it switches to a resync. */
  maxPendingPerSub: number;
  /** Unflushed packets on the socket above which we stop sending events and resync later. */
  maxBacklog: number;
  /** Objects per page when the rest of a large snapshot follows its ack. */
  snapshotPage?: number;
}
export const DEFAULT_SNAPSHOT_PAGE = 5000;
export const DEFAULT_LIMITS: SessionLimits = { tickMs: 50, maxPendingPerSub: 5000, maxBacklog: 200 };

function objectKey(obj: KubernetesObject): string {
  return obj.metadata?.uid ?? `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/** A change held until the next tick: the informer's object, projected when the batch is taken. */
interface PendingEvent {
  type: WatchEventType;
  object: KubernetesObject;
}

/**
 * The per-subscription buffer between a shared informer and one socket. Events are coalesced per
 * object until the next tick; if the socket falls behind (backlog) or the buffer grows past its
 * bound, the buffer is dropped and the subscription is marked for a resync, so a slow consumer
 * costs a flag, never unbounded memory. What goes out is `project`ed (an object, or a pod's row),
 * so a DELETED event carries the row of the object as the informer last held it.
 */
export class SubscriptionBuffer implements InformerListener {
  private pending = new Map<string, PendingEvent>();
  /** Pages of a progressive snapshot not yet sent, and the progress to send with them. */
  private chunk: KubernetesObject[] = [];
  private progress: ListProgress | undefined;
  /**
   * The rest of a large snapshot the ack did not carry, sent a page per tick before any change
   * (a change to an object still queued must land after it), and how much of it is out.
   */
  private queued: KubernetesObject[] = [];
  private queuedAt = 0;
  private queuedProgress = { loaded: 0, total: 0 };
  needsResync = false;
  resyncReason: ResyncPayload['reason'] = 'relist';

  constructor(
    readonly subId: string,
    private readonly limits: SessionLimits,
    private readonly onDirty: () => void,
    private readonly onStatusChange: (p: SubStatusPayload) => void,
    private readonly onDrop: () => void,
    readonly snapshot: () => Snapshot,
    readonly project: Projection = asObject,
  ) {}

  onChunk(items: KubernetesObject[], progress: PageProgress): void {
    // A pending resync takes its snapshot at the flush: these items will be in it.
    if (this.needsResync) return;
    for (const item of items) this.chunk.push(item);
    this.progress = { ...progress, complete: false };
    this.onDirty();
  }

  /** The ack carried the first `sent` objects of a snapshot; `rest` follows in pages. */
  preload(rest: KubernetesObject[], sent: number): void {
    this.queued = rest;
    this.queuedAt = 0;
    this.queuedProgress = { loaded: sent, total: sent + rest.length };
    if (rest.length > 0) this.onDirty();
  }

  onComplete(progress: PageProgress): void {
    if (this.needsResync) return;
    this.progress = { ...progress, complete: true };
    this.onDirty();
  }

  onEvent(type: WatchEventType, object: KubernetesObject): void {
    if (this.needsResync) return;
    const key = objectKey(object);
    const prev = this.pending.get(key);
    if (prev?.type === 'ADDED' && type === 'DELETED') {
      this.pending.delete(key); // created and gone within one tick: the client never needs to know
    } else if (prev?.type === 'ADDED' && type === 'MODIFIED') {
      this.pending.set(key, { type: 'ADDED', object });
    } else {
      // Re-insert so the batch keeps the order of each object's latest change.
      this.pending.delete(key);
      this.pending.set(key, { type, object });
    }
    if (this.pending.size > this.limits.maxPendingPerSub) this.markForResync('slow-consumer');
    this.onDirty();
  }

  onResync(): void {
    this.markForResync('relist');
    this.onDirty();
  }

  onStatus(state: SubStatusPayload['state'], message?: string): void {
    this.onStatusChange({ subId: this.subId, state, ...(message ? { message } : {}) });
  }

  markForResync(reason: ResyncPayload['reason']): void {
    if (reason === 'slow-consumer' && !(this.needsResync && this.resyncReason === 'slow-consumer'))
      this.onDrop();
    if (!this.needsResync || reason === 'slow-consumer') this.resyncReason = reason;
    this.needsResync = true;
    this.pending.clear();
    this.chunk = [];
    this.progress = undefined;
    this.queued = [];
    this.queuedAt = 0;
  }

  /** Takes the batch collected since the last tick: a snapshot's next page first, then changes. */
  take(pageSize = Number.POSITIVE_INFINITY): { batch: WatchEvent[]; progress?: ListProgress } {
    if (this.queuedAt < this.queued.length) {
      const page = this.queued.slice(this.queuedAt, this.queuedAt + pageSize);
      this.queuedAt += page.length;
      this.queuedProgress.loaded += page.length;
      const done = this.queuedAt >= this.queued.length;
      const batch: WatchEvent[] = page.map((object) => ({ type: 'ADDED', object: this.project(object) }));
      const progress = { ...this.queuedProgress, complete: done };
      if (!done) return { batch, progress };
      this.queued = [];
      this.queuedAt = 0;
      // The snapshot is whole: the changes held back meanwhile follow it in the same batch.
      this.takePending(batch);
      return { batch, progress };
    }
    const progress = this.progress;
    const batch: WatchEvent[] = this.chunk.map((object) => ({ type: 'ADDED', object: this.project(object) }));
    this.takePending(batch);
    this.chunk = [];
    this.progress = undefined;
    return progress ? { batch, progress } : { batch };
  }

  private takePending(batch: WatchEvent[]): void {
    for (const { type, object } of this.pending.values()) batch.push({ type, object: this.project(object) });
    if (this.pending.size > 0) this.pending = new Map();
  }

  /** Something to send (a change, a page, or a progress report). */
  get size(): number {
    return (
      this.pending.size + this.chunk.length + (this.progress ? 1 : 0) + (this.queued.length - this.queuedAt)
    );
  }
}

/** All subscriptions of one socket, flushed together once per tick. */
export class SocketSession {
  readonly subs = new Map<string, { buffer: SubscriptionBuffer; release: () => void }>();
  private timer: NodeJS.Timeout | undefined;
  resyncsSent = 0;
  eventsSent = 0;

  constructor(
    private readonly outlet: Outlet,
    private readonly limits: SessionLimits = DEFAULT_LIMITS,
  ) {}

  createBuffer(subId: string, snapshot: () => Snapshot, project?: Projection): SubscriptionBuffer {
    return new SubscriptionBuffer(
      subId,
      this.limits,
      () => this.schedule(),
      (p) => this.outlet.emitStatus(p),
      () => this.outlet.dropped?.(subId),
      snapshot,
      project,
    );
  }

  add(subId: string, buffer: SubscriptionBuffer, release: () => void): void {
    this.subs.set(subId, { buffer, release });
  }

  remove(subId: string): boolean {
    const sub = this.subs.get(subId);
    if (!sub) return false;
    sub.release();
    this.subs.delete(subId);
    return true;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const subId of [...this.subs.keys()]) this.remove(subId);
  }

  private lastFlushAt = 0;

  /**
   * At most one flush per tick, but no waiting after a quiet period: the first change after an
   * idle tick goes out on the next turn of the event loop (still coalescing what arrived in the
   * same read), later ones wait for the tick to end.
   */
  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushAt + this.limits.tickMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** Sends what is pending; called on each tick and when the socket drains. */
  flush(): void {
    this.lastFlushAt = Date.now();
    const congested = this.outlet.backlog() > this.limits.maxBacklog;
    let more = false;
    for (const [subId, { buffer }] of this.subs) {
      if (congested) {
        if (buffer.size > 0 || buffer.needsResync) {
          buffer.markForResync('slow-consumer');
          more = true;
        }
        continue;
      }
      if (buffer.needsResync) {
        buffer.needsResync = false;
        const { items, resourceVersion, progress } = buffer.snapshot();
        this.resyncsSent++;
        this.outlet.emitResync({
          subId,
          items: items.map(buffer.project),
          resourceVersion,
          reason: buffer.resyncReason,
          ...(progress ? { progress: { ...progress, complete: false } } : {}),
        });
        continue;
      }
      const { batch, progress } = buffer.take(this.limits.snapshotPage ?? DEFAULT_SNAPSHOT_PAGE);
      if (batch.length > 0 || progress) {
        this.eventsSent += batch.length;
        this.outlet.emitEvents(progress ? { subId, batch, progress } : { subId, batch });
      }
      // The rest of a large snapshot goes out a page per tick.
      if (buffer.size > 0) more = true;
    }
    // While congested, try again later (the socket's drain event also triggers a flush).
    if (more) this.schedule();
  }
}
