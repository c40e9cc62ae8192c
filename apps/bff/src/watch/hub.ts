import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { HttpError } from '../http/errors';
import { covers, NarrowingListener } from './narrowing';
import type { PageProgress } from './paged-list';
import {
  type Clock,
  DEFAULT_LIST_CHUNK,
  type InformerListener,
  type InformerSpec,
  realClock,
  SharedInformer,
} from './shared-informer';

export interface HubOptions {
  /** How long an informer outlives its last subscriber (a quick tab reload reuses it). */
  graceMs?: number;
  clock?: Clock;
  /**
   * Informers one identity may have (each is a LIST + WATCH on the apiserver). When it has that many,
   * an idle one (no subscriber, waiting out its grace period) is stopped to make room; if none is
   * idle, subscribe() refuses with 429.
   */
  maxInformersPerIdentity?: number;
  /** First page of each informer's LIST (later pages are larger, see laterPage); 0: one request. */
  listChunk?: number;
}

interface Entry {
  identity: string;
  informer: SharedInformer;
  refs: number;
  stopTimer: unknown;
}

export interface Subscription {
  items: KubernetesObject[];
  resourceVersion: string;
  /** Set while the informer's first LIST is still loading (a `partial` subscription): how far it is. */
  progress: PageProgress | undefined;
  informer: SharedInformer;
  /** The subscription's view of the informer now (filtered when served from a wider informer). */
  snapshot(): { items: KubernetesObject[]; resourceVersion: string; progress: PageProgress | undefined };
  release(): void;
}

/** Key of a shared informer: who is asking (identity), what, where, and which labels. */
export function informerKey(identity: string, spec: InformerSpec): string {
  return JSON.stringify([identity, spec.kind, spec.namespace ?? '', spec.labelSelector ?? '']);
}

/**
 * Owns every watch. One informer per (identity, kind, namespace|all, selector), shared by every
 * socket, reference-counted, and stopped `graceMs` after the last subscriber leaves. N tabs looking
 * at the same list cost the apiserver one watch.
 */
export class WatchHub {
  private readonly entries = new Map<string, Entry>();
  private readonly graceMs: number;
  private readonly clock: Clock;
  private readonly maxPerIdentity: number;
  private readonly listChunk: number | undefined;
  /** Subscriptions served from a wider informer (for /metrics and tests). */
  private narrowedCount = 0;

  /** Objects a subscriber gets first from a large list (the ack), the rest following. */
  get firstPage(): number {
    return this.listChunk ?? DEFAULT_LIST_CHUNK;
  }

  constructor(opts: HubOptions = {}) {
    this.listChunk = opts.listChunk;
    this.graceMs = opts.graceMs ?? 30_000;
    this.clock = opts.clock ?? realClock;
    this.maxPerIdentity = opts.maxInformersPerIdentity ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Adds `listener` to the shared informer for `spec` (starting it if needed), waits for its first
   * sync, and returns the snapshot from its cache. Rejects if the informer cannot list (403, …) or
   * does not sync within `timeoutMs`. With `partial`, waits only for the first page of the first
   * LIST: the snapshot is what has arrived, the rest reaches the listener's onChunk/onComplete, so
   * a large list never times out a viewer.
   */
  async subscribe(
    kc: KubeConfig,
    identity: string,
    spec: InformerSpec,
    listener: InformerListener,
    timeoutMs = 15_000,
    opts: { partial?: boolean } = {},
  ): Promise<Subscription> {
    const key = informerKey(identity, spec);
    let entry = this.entries.get(key);
    if (!entry) {
      const wider = this.widerFor(identity, spec);
      if (wider) return this.narrowed(wider, spec, listener);
    }
    if (!entry) {
      this.makeRoomFor(identity);
      const informer = new SharedInformer(kc, spec, {
        clock: this.clock,
        ...(this.listChunk !== undefined ? { listChunk: this.listChunk } : {}),
      });
      entry = { identity, informer, refs: 0, stopTimer: undefined };
      this.entries.set(key, entry);
      informer.start();
    }
    if (entry.stopTimer !== undefined) {
      this.clock.clearTimeout(entry.stopTimer);
      entry.stopTimer = undefined;
    }
    entry.refs++;
    const { informer } = entry;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      informer.listeners.delete(listener);
      this.unref(key, entry);
    };
    try {
      if (!informer.isSynced) {
        let timer: unknown;
        const timeout = new Promise<never>((_, reject) => {
          timer = this.clock.setTimeout(
            () =>
              reject(
                new HttpError(
                  503,
                  'ServiceUnavailable',
                  `the apiserver did not answer the list of ${spec.kind} within ${Math.round(timeoutMs / 1000)}s${
                    informer.lastError ? ` (${informer.lastError})` : ''
                  }`,
                ),
              ),
            timeoutMs,
          );
        });
        try {
          await Promise.race([opts.partial ? informer.whenFirstPage() : informer.whenSynced(), timeout]);
        } finally {
          this.clock.clearTimeout(timer);
        }
      }
    } catch (err) {
      release();
      // A failed informer is not kept for the next subscriber: it starts afresh.
      if (informer.state === 'error' && this.entries.get(key) === entry && entry.refs === 0) {
        this.drop(key, entry);
      }
      throw err;
    }
    // Snapshot and registration happen in the same tick: no event can fall between them.
    informer.listeners.add(listener);
    const snapshot = () => ({
      items: informer.items(),
      resourceVersion: informer.resourceVersion(),
      progress: informer.progress(),
    });
    return { ...snapshot(), snapshot, informer, release };
  }

  /**
   * A running, synced informer of the same identity and kind whose scope covers `spec` (all
   * namespaces for a namespace, no selector for a selector): the narrower view is served from it.
   */
  private widerFor(identity: string, spec: InformerSpec): [string, Entry] | undefined {
    for (const [key, entry] of this.entries) {
      const { informer } = entry;
      if (entry.identity !== identity || !informer.isSynced || informer.state === 'error') continue;
      if (covers(informer.spec, spec)) return [key, entry];
    }
    return undefined;
  }

  private narrowed(
    [key, entry]: [string, Entry],
    spec: InformerSpec,
    listener: InformerListener,
  ): Subscription {
    if (entry.stopTimer !== undefined) {
      this.clock.clearTimeout(entry.stopTimer);
      entry.stopTimer = undefined;
    }
    entry.refs++;
    this.narrowedCount++;
    const { informer } = entry;
    const filter = new NarrowingListener(spec, listener);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.narrowedCount--;
      informer.listeners.delete(filter);
      this.unref(key, entry);
    };
    // Snapshot and registration in the same tick, as for a subscription of its own.
    const items = filter.admit(informer.items());
    informer.listeners.add(filter);
    const snapshot = () => ({
      items: filter.select(informer.items()),
      resourceVersion: informer.resourceVersion(),
      progress: undefined,
    });
    return {
      items,
      resourceVersion: informer.resourceVersion(),
      progress: undefined,
      snapshot,
      informer,
      release,
    };
  }

  /**
   * Before a new informer for `identity` (synchronously, so concurrent subscribes cannot all pass):
   * at its limit, stop one of its idle informers, or refuse with 429 when all are in use.
   */
  private makeRoomFor(identity: string): void {
    const mine = [...this.entries].filter(([, e]) => e.identity === identity);
    if (mine.length < this.maxPerIdentity) return;
    const idle = mine.find(([, e]) => e.refs === 0);
    if (!idle) {
      throw new HttpError(
        429,
        'TooManyRequests',
        `too many different lists watched at once (at most ${this.maxPerIdentity}): close some views`,
      );
    }
    const [key, entry] = idle;
    if (entry.stopTimer !== undefined) this.clock.clearTimeout(entry.stopTimer);
    this.drop(key, entry);
  }

  private unref(key: string, entry: Entry): void {
    entry.refs--;
    if (entry.refs > 0) return;
    if (entry.informer.state === 'error') {
      this.drop(key, entry);
      return;
    }
    entry.stopTimer = this.clock.setTimeout(() => this.drop(key, entry), this.graceMs);
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry || entry.refs > 0) return;
    entry.informer.stop();
    this.entries.delete(key);
  }

  /** For /metrics and tests. */
  stats(): { informers: number; byKind: Record<string, number>; subscribers: number; narrowed: number } {
    const byKind: Record<string, number> = {};
    let subscribers = 0;
    for (const { informer, refs } of this.entries.values()) {
      byKind[informer.spec.kind] = (byKind[informer.spec.kind] ?? 0) + 1;
      subscribers += refs;
    }
    return { informers: this.entries.size, byKind, subscribers, narrowed: this.narrowedCount };
  }

  informers(): SharedInformer[] {
    return [...this.entries.values()].map((e) => e.informer);
  }

  stopAll(): void {
    for (const [key, entry] of this.entries) {
      if (entry.stopTimer !== undefined) this.clock.clearTimeout(entry.stopTimer);
      entry.informer.stop();
      this.entries.delete(key);
    }
  }
}
