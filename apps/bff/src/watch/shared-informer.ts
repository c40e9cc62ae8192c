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
} from '@kubernetes/client-node';
import type { ResourceKind, SubscriptionState, WatchEventType } from '@wheelhouse/shared-types';
import { collectionPath } from '../kube/resources';
import { type PageProgress, pagedList } from './paged-list';
import { cacheable, SanitizingWatch } from './sanitizing-watch';

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
  /**
   * The first LIST's next page arrived (only for listeners added while it was still loading, with
   * `partial` subscriptions): `items` are new, `progress` counts all received so far.
   */
  onChunk?(items: KubernetesObject[], progress: PageProgress): void;
  /** The first LIST is complete: what was received in chunks is the whole list at `resourceVersion`. */
  onComplete?(progress: PageProgress, resourceVersion: string): void;
  /** Everything changed at once (the informer relisted): replace all state with `items`. */
  onResync(items: KubernetesObject[], resourceVersion: string): void;
  onStatus(state: SubscriptionState, message?: string): void;
}

export interface InformerSpec {
  kind: ResourceKind;
  namespace?: string;
  labelSelector?: string;
}

export interface InformerOptions {
  clock?: Clock;
  /** First page of a LIST (later pages are larger, see laterPage); 0 lists in one request. */
  listChunk?: number;
}
export const DEFAULT_LIST_CHUNK = 500;

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

export function backoffDelay(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
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
  private readonly clock: Clock;
  private readonly listChunk: number;
  /** While the first LIST is loading: the pages received so far (served to partial subscribers). */
  private partial: KubernetesObject[] = [];
  private partialProgress: PageProgress = { loaded: 0 };
  /** An expired continue token restarted the first LIST after pages were handed out. */
  private partialRestarted = false;
  private readonly firstPage: Promise<void>;
  private resolveFirstPage!: () => void;

  constructor(
    private readonly kc: KubeConfig,
    readonly spec: InformerSpec,
    opts: InformerOptions | Clock = {},
  ) {
    // A bare Clock is still accepted (tests inject time this way).
    const options: InformerOptions = 'setTimeout' in opts ? { clock: opts } : opts;
    const clock = options.clock ?? realClock;
    this.clock = clock;
    this.listChunk = options.listChunk ?? DEFAULT_LIST_CHUNK;
    this.firstPage = new Promise((resolve) => {
      this.resolveFirstPage = resolve;
    });
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

  /** Resolves once the first page of the first LIST arrived (or the list is complete). */
  whenFirstPage(): Promise<void> {
    return Promise.race([this.firstPage, this.firstSync]);
  }

  /** Until the first LIST is complete: how much of it is in (undefined once complete). */
  progress(): PageProgress | undefined {
    return this.synced ? undefined : { ...this.partialProgress };
  }

  get isSynced(): boolean {
    return this.synced;
  }

  items(): KubernetesObject[] {
    return this.synced ? [...this.lw.list()] : [...this.partial];
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
    if (!this.synced && this.partial.length > 0) {
      // The first LIST failed part-way and starts again: what was handed out is resynced at the end.
      this.partialRestarted = true;
      this.partial = [];
    }
    try {
      const list = await pagedList(this.kc, path, {
        labelSelector: this.spec.labelSelector,
        firstPage: this.listChunk,
        transform: (item) => cacheable(this.spec.kind, item),
        // Only the first LIST is handed out page by page; a relist keeps serving the old cache
        // until the new list is whole, then replaces it with one resync.
        onPage: (items, progress, restarted) => {
          if (!this.synced) this.page(items, progress, restarted);
        },
      });
      // ListWatch diffs the list into its cache synchronously after this promise resolves; one
      // macrotask later the cache is the new truth and subscribers get it whole.
      setImmediate(() => this.listApplied());
      return list;
    } catch (err) {
      this.relisting = false;
      throw err;
    }
  }

  private page(items: KubernetesObject[], progress: PageProgress, restarted: boolean): void {
    if (restarted && progress.loaded === items.length) {
      // Started over: what was handed out is replaced by a resync once the new list is whole.
      if (this.partial.length > 0) this.partialRestarted = true;
      this.partial = [];
    }
    for (const item of items) this.partial.push(item);
    this.partialProgress = progress;
    this.resolveFirstPage();
    for (const l of this.listeners) l.onChunk?.(items, progress);
  }

  private listApplied(): void {
    this.relisting = false;
    const wasSynced = this.synced;
    this.synced = true;
    this.connected();
    if (!wasSynced) {
      const progress = { ...this.partialProgress, loaded: this.lw.list().length };
      const restarted = this.partialRestarted;
      this.partial = [];
      this.partialRestarted = false;
      this.resolveFirstSync();
      // Listeners added while the list was loading have its pages; tell them it is whole.
      const rv = this.resourceVersion();
      for (const l of this.listeners) {
        if (restarted || !l.onComplete) l.onResync(this.items(), rv);
        else l.onComplete(progress, rv);
      }
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
