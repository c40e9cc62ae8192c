import {
  ADD,
  CONNECT,
  DELETE,
  ERROR,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  ListWatch,
  UPDATE,
  Watch,
} from '@kubernetes/client-node';
import type { ResourceKind, SubscriptionState, WatchEventType } from '@wheelhouse/shared-types';
import { kubeRequest } from '../kube/client';
import { collectionPath } from '../kube/resources';
import { sanitize } from '../kube/sanitize';

/** Time, injectable so backoff is tested without sleeping. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
export const realClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface InformerListener {
  onEvent(type: WatchEventType, obj: KubernetesObject): void;
  /** Everything changed at once (the informer relisted): replace all state with `items`. */
  onResync(items: KubernetesObject[], resourceVersion: string): void;
  onStatus(state: SubscriptionState, message?: string): void;
}

export interface InformerSpec {
  kind: ResourceKind;
  namespace?: string;
  labelSelector?: string;
}

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

export function backoffDelay(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * client-node's Watch, asking the apiserver for BOOKMARK events (so a quiet resource's
 * resourceVersion stays fresh and a re-watch after a reconnect rarely hits 410), stripping every
 * object before the ListWatch caches it, and telling us when a watch connection is established.
 */
class SanitizingWatch extends Watch {
  constructor(
    kc: KubeConfig,
    private readonly kind: ResourceKind,
    private readonly onConnected: () => void,
  ) {
    super(kc);
  }
  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: KubernetesObject, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    let finished = false;
    const controller = await super.watch(
      path,
      { ...queryParams, allowWatchBookmarks: true },
      (phase, obj, watchObj) => {
        if (phase !== 'ERROR' && phase !== 'BOOKMARK' && obj) sanitize(this.kind, obj);
        callback(phase, obj, watchObj);
      },
      (err) => {
        finished = true;
        done(err);
      },
    );
    if (!finished) this.onConnected();
    return controller;
  }
}

/**
 * One list+watch of (kind, namespace|all, selector) with an in-memory cache, shared by every
 * subscriber. Wraps client-node's ListWatch: 410 Gone is handled there (relist), and we turn that
 * relist into one `onResync`; errors that stop the ListWatch for good (apiserver down, 5xx, 403)
 * restart it with capped exponential backoff.
 */
export class SharedInformer {
  readonly listeners = new Set<InformerListener>();
  state: SubscriptionState = 'reconnecting';
  lastError: string | undefined;
  /** Counters for /metrics. */
  relists = 0;
  restarts = 0;

  private readonly lw: ListWatch<KubernetesObject>;
  private relisting = false;
  private attempt = 0;
  private retryTimer: unknown;
  private stopped = false;
  private readonly firstSync: Promise<void>;
  private resolveFirstSync!: () => void;
  private rejectFirstSync!: (err: Error) => void;
  private synced = false;

  constructor(
    private readonly kc: KubeConfig,
    readonly spec: InformerSpec,
    private readonly clock: Clock = realClock,
  ) {
    this.firstSync = new Promise((resolve, reject) => {
      this.resolveFirstSync = resolve;
      this.rejectFirstSync = reject;
    });
    // The promise may be awaited later (or never, if nobody subscribes before a failure).
    this.firstSync.catch(() => undefined);
    const path = collectionPath(spec.kind, spec.namespace);
    const watch = new SanitizingWatch(kc, spec.kind, () => this.connected());
    // ListWatch's own reconnect delay (after a watch closes cleanly) runs on our clock too.
    const delayFn = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
    this.lw = new ListWatch<KubernetesObject>(
      path,
      watch,
      () => this.list(path),
      false,
      spec.labelSelector,
      undefined,
      { delayFn },
    );
    this.lw.on(ADD, (obj) => this.emit('ADDED', obj));
    this.lw.on(UPDATE, (obj) => this.emit('MODIFIED', obj));
    this.lw.on(DELETE, (obj) => this.emit('DELETED', obj));
    this.lw.on(CONNECT, () => undefined);
    this.lw.on(ERROR, (err) => this.failed(err));
  }

  start(): void {
    void this.lw.start();
  }

  /** Resolves once the first LIST is in the cache; rejects if it failed before any success. */
  whenSynced(): Promise<void> {
    return this.firstSync;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  items(): KubernetesObject[] {
    return [...this.lw.list()];
  }

  resourceVersion(): string {
    return this.lw.latestResourceVersion();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    void this.lw.stop();
  }

  private async list(path: string): Promise<KubernetesListObject<KubernetesObject>> {
    this.relisting = true;
    this.relists++;
    try {
      const list = await kubeRequest<KubernetesListObject<KubernetesObject>>(this.kc, path, {
        query: { labelSelector: this.spec.labelSelector },
      });
      for (const item of list.items) sanitize(this.spec.kind, item);
      // ListWatch diffs the list into its cache synchronously after this promise resolves; one
      // macrotask later the cache is the new truth and subscribers get it whole.
      setImmediate(() => this.listApplied());
      return list;
    } catch (err) {
      this.relisting = false;
      throw err;
    }
  }

  private listApplied(): void {
    this.relisting = false;
    const wasSynced = this.synced;
    this.synced = true;
    this.connected();
    if (!wasSynced) {
      this.resolveFirstSync();
      return;
    }
    const items = this.items();
    const rv = this.resourceVersion();
    for (const l of this.listeners) l.onResync(items, rv);
  }

  private connected(): void {
    this.attempt = 0;
    this.lastError = undefined;
    if (this.state !== 'live') {
      this.state = 'live';
      for (const l of this.listeners) l.onStatus('live');
    }
  }

  private emit(type: WatchEventType, obj: KubernetesObject): void {
    // During a relist the per-object diffs are replaced by one resync.
    if (this.relisting) return;
    for (const l of this.listeners) l.onEvent(type, obj);
  }

  private failed(err: unknown): void {
    if (this.stopped) return;
    const e = err as { statusCode?: number; code?: number; body?: { code?: number }; message?: string };
    const code = e.statusCode ?? e.body?.code ?? (typeof e.code === 'number' ? e.code : undefined);
    this.lastError = e.message || String(err);
    if (!this.synced && (code === 403 || code === 401 || code === 404)) {
      // The user may not list this at all: no point retrying, tell the subscriber now.
      this.state = 'error';
      this.rejectFirstSync(err instanceof Error ? err : new Error(String(err)));
      for (const l of this.listeners) l.onStatus('error', this.lastError);
      return;
    }
    this.attempt++;
    this.restarts++;
    if (this.state !== 'reconnecting') {
      this.state = 'reconnecting';
      for (const l of this.listeners) l.onStatus('reconnecting', this.lastError);
    }
    const delay = backoffDelay(this.attempt);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) void this.lw.start();
    }, delay);
  }
}
