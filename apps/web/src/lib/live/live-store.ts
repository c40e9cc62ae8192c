/**
 * The LiveStore is long because it is one class on purpose: the subscribe handshake, the routing
 * of server events into cache entries and the reconnect logic all read and write the same entries
 * and subId maps, and their ordering guarantees (no event lost between an ack and the query
 * storing its data) are easiest to check when they sit together.
 */
import { hashKey, type QueryCacheNotifyEvent, type QueryClient } from '@tanstack/react-query';
import type {
  ClientToServerEvents,
  EventsPayload,
  ListShape,
  ResourceKind,
  ResyncPayload,
  ServerToClientEvents,
  SubStatusPayload,
  SubscribeAck,
  SubscribeRequest,
  WireItem,
} from '@wheelhouse/shared-types';
import type { Socket } from 'socket.io-client';
import { ApiError } from '../api';
import { currentContext } from '../kube-context';
import { isLiveKey, type LiveParams, type LiveQueryKey, liveKey } from './query-keys';
import {
  applyEvents,
  applyParts,
  applyResync,
  type EventsPart,
  fromSnapshot,
  type LiveList,
  listItems,
} from './reducers';

/** The one socket.io connection of this tab, typed with the shared protocol. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The socket's own state. `reconnecting`: dropped and retrying; `disconnected`: not retrying. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** A subscription the server reports as not live (its watch is recovering, or failed). */
export interface SubscriptionProblem {
  key: LiveQueryKey;
  state: Exclude<SubStatusPayload['state'], 'live'>;
  message?: string;
}

export interface LiveStatus {
  connection: ConnectionState;
  problems: readonly SubscriptionProblem[];
}

export interface LiveStoreOptions {
  /** How long to wait for a subscribe ack before the query fails. */
  ackTimeoutMs: number;
  /**
   * While a progressive snapshot arrives, its parts reach the cache at most this often: each one
   * re-renders the whole list, and at 100,000 pods twenty parts were twenty renders of it. The
   * first part and the last are applied at once; changes after the snapshot are never held.
   */
  partIntervalMs: number;
}

/** The longest a snapshot's middle part waits to be shown (its count of loaded rows, too). */
const MAX_PART_DELAY_MS = 4000;

/** Thrown inside `open` when the socket dropped before the ack: `open` then waits and retries. */
class DisconnectedError extends Error {}

interface Entry {
  readonly key: LiveQueryKey;
  readonly params: LiveParams<ResourceKind, ListShape>;
  /** The server subscription whose events patch the cache entry. */
  subId: string | undefined;
  /** Acked but not yet returned to the query: events for it are applied here until then. */
  pending: { subId: string; list: LiveList } | undefined;
  problem: SubscriptionProblem | undefined;
  /** Snapshot parts received and not yet applied to the cache (see `partIntervalMs`). */
  parts: EventsPart[];
  partTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * When parts were last applied and shown (Date.now(), taken after the render they caused); 0:
   * not since the subscription was committed.
   */
  partsAppliedAt: number;
  /** How long the next middle part may wait: doubles with each flush, so a slow LIST renders seldom. */
  partDelayMs: number;
  /**
   * Set from the commit until the ack's rows have been painted in a view: snapshot parts wait, so
   * the first page is not rendered together with the rest of a warm list that came right behind it.
   */
  held: { whenObserved?: () => void } | undefined;
}

/**
 * The browser end of the live protocol: one socket, many subscriptions, all held in the TanStack
 * Query cache under `liveListOptions` keys.
 *
 * - `open` is the query function: it subscribes, and resolves with the ack's snapshot.
 * - `events`/`resync` for a subscription go through the pure reducers into its cache entry.
 * - Ref-counting is the query cache's: observers keep an entry alive; `gcTime` after the last one
 *   leaves, the entry is removed and the store unsubscribes.
 * - After a reconnect every entry with observers is fetched again (a fresh subscribe and snapshot,
 *   reconciled so unchanged objects keep their identity); entries without observers are dropped.
 */
export class LiveStore {
  private readonly entries = new Map<string, Entry>();
  private readonly hashBySubId = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];
  private readonly options: LiveStoreOptions;
  private everConnected: boolean;
  private status: LiveStatus;

  constructor(
    /** The tab's one socket. Other clients of the protocol (a log stream) ride it too. */
    readonly socket: LiveSocket,
    private readonly queryClient: QueryClient,
    options: Partial<LiveStoreOptions> = {},
  ) {
    this.options = { ackTimeoutMs: 30_000, partIntervalMs: 500, ...options };
    this.everConnected = socket.connected;
    this.status = { connection: socket.connected ? 'connected' : 'connecting', problems: [] };

    const on = <E extends keyof ServerToClientEvents>(event: E, fn: ServerToClientEvents[E]) => {
      // socket.io's typed `on` cannot relate a generic event name to its listener.
      (socket.on as (e: string, f: unknown) => void)(event, fn);
      this.cleanups.push(() => (socket.off as (e: string, f: unknown) => void)(event, fn));
    };
    on('events', this.onEvents);
    on('resync', this.onResync);
    on('subStatus', this.onSubStatus);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    this.cleanups.push(() => {
      socket.off('connect', this.onConnect);
      socket.off('disconnect', this.onDisconnect);
      socket.off('connect_error', this.onConnectError);
    });
    this.cleanups.push(queryClient.getQueryCache().subscribe(this.onCacheEvent));
  }

  /** Stops listening to the socket and the cache (the socket itself is the caller's). */
  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const entry of this.entries.values()) this.dropParts(entry);
  }

  // ── status, for useSyncExternalStore ────────────────────────────────────────────────────────

  readonly getStatus = (): LiveStatus => this.status;

  readonly subscribeStatus = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Connects again after the server closed the connection (socket.io does not retry that). */
  reconnect(): void {
    if (!this.socket.connected) this.socket.connect();
  }

  /**
   * Drops the connection and opens a new one, so the handshake carries new credentials (after a
   * token login); subscriptions with observers subscribe again as after any reconnect.
   */
  restart(): void {
    this.socket.disconnect();
    this.socket.connect();
  }

  /** Subscription ids currently feeding the cache (for tests and debugging). */
  activeSubIds(): string[] {
    return [...this.entries.values()].flatMap((e) => (e.subId === undefined ? [] : [e.subId]));
  }

  // ── the query function ──────────────────────────────────────────────────────────────────────

  /** Subscribes and resolves with the snapshot; waits out disconnects; throws the ack's error. */
  async open<K extends ResourceKind, S extends ListShape = 'object'>(
    params: LiveParams<K, S>,
    signal: AbortSignal,
  ): Promise<LiveList<WireItem<K, S>>> {
    const key = liveKey(params);
    const hash = hashKey(key);
    let entry = this.entries.get(hash);
    if (entry === undefined) {
      entry = {
        key,
        params,
        subId: undefined,
        pending: undefined,
        problem: undefined,
        parts: [],
        partTimer: undefined,
        partsAppliedAt: 0,
        partDelayMs: this.options.partIntervalMs,
        held: undefined,
      };
      this.entries.set(hash, entry);
    }
    for (;;) {
      await this.whenConnected(signal);
      let ack: SubscribeAck;
      try {
        ack = await this.request(params, hash, signal);
      } catch (error) {
        if (error instanceof DisconnectedError) continue;
        throw error;
      }
      if (!ack.ok) throw new ApiError(ack.error);

      // Commit: from here on, events for this subId patch the cache entry directly. Nothing but
      // microtasks runs between this return and the query storing the data, so no event is lost.
      const pending = entry.pending;
      entry.pending = undefined;
      // The socket dropped between the ack and here: the subscription died with it; subscribe again.
      if (pending === undefined || pending.subId !== ack.subId) continue;
      const previous = entry.subId;
      this.dropParts(entry);
      entry.subId = pending.subId;
      this.holdUntilShown(entry, hash);
      if (previous !== undefined && previous !== pending.subId) this.release(previous);
      const held = this.queryClient.getQueryData<LiveList<WireItem<K, S>>>(key);
      const list = pending.list as LiveList<WireItem<K, S>>;
      return held === undefined
        ? list
        : applyResync(held, {
            items: listItems(list),
            resourceVersion: list.resourceVersion,
            // A BFF that restarted sends its snapshot in parts again: the list says so.
            ...(list.loading ? { progress: { ...list.loading, complete: false } } : {}),
          });
    }
  }

  private whenConnected(signal: AbortSignal): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onConnect = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.socket.off('connect', onConnect);
        reject(signal.reason);
      };
      this.socket.once('connect', onConnect);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private request(
    params: LiveParams<ResourceKind, ListShape>,
    hash: string,
    signal: AbortSignal,
  ): Promise<SubscribeAck> {
    const req: SubscribeRequest = { kind: params.kind };
    const context = currentContext();
    if (context !== undefined) req.context = context;
    if (params.namespace !== undefined) req.namespace = params.namespace;
    if (params.labelSelector !== undefined) req.labelSelector = params.labelSelector;
    // Objects are the default: their requests stay as they were.
    if (params.shape === 'row') req.shape = 'row';

    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.socket.off('disconnect', onDisconnect);
        signal.removeEventListener('abort', onAbort);
        settle();
      };
      const onDisconnect = () => finish(() => reject(new DisconnectedError('disconnected')));
      const onAbort = () => finish(() => reject(signal.reason));
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`The server did not answer the ${params.kind} subscription in time`)),
          ),
        this.options.ackTimeoutMs,
      );
      this.socket.on('disconnect', onDisconnect);
      signal.addEventListener('abort', onAbort, { once: true });
      if (!this.socket.connected) {
        onDisconnect();
        return;
      }

      this.socket.emit('subscribe', req, (ack) => {
        if (settled) {
          // Nobody waits for this subscription any more (cancelled or timed out): drop it.
          if (ack.ok) this.release(ack.subId);
          return;
        }
        if (ack.ok) {
          const entry = this.entries.get(hash);
          if (entry === undefined) {
            this.release(ack.subId);
            finish(() => reject(new Error('subscription is no longer wanted')));
            return;
          }
          // Registered synchronously, so events that arrive before `open` resumes are kept.
          this.hashBySubId.set(ack.subId, hash);
          entry.pending = {
            subId: ack.subId,
            list: fromSnapshot(ack.items, ack.resourceVersion, ack.progress),
          };
        }
        finish(() => resolve(ack));
      });
    });
  }

  private release(subId: string): void {
    this.hashBySubId.delete(subId);
    if (this.socket.connected) this.socket.emit('unsubscribe', { subId }, () => {});
  }

  // ── server → client ─────────────────────────────────────────────────────────────────────────

  private entryOf(subId: string): Entry | undefined {
    const hash = this.hashBySubId.get(subId);
    return hash === undefined ? undefined : this.entries.get(hash);
  }

  private readonly onEvents = ({ subId, batch, progress }: EventsPayload): void => {
    const entry = this.entryOf(subId);
    if (entry === undefined) return;
    if (entry.pending?.subId === subId) {
      entry.pending.list = applyEvents(entry.pending.list, batch, progress);
    } else if (entry.subId === subId) {
      entry.parts.push(progress === undefined ? { batch } : { batch, progress });
      // A snapshot part waits while the ack's rows are not yet shown; a change never waits (and
      // takes what was held with it, in order).
      if (entry.held !== undefined && progress !== undefined) return;
      // A snapshot's middle part waits for the next flush, unless none happened for a while (the
      // first part is shown at once); its last part and every change after it are applied now.
      const wait =
        progress === undefined || progress.complete
          ? 0
          : entry.partsAppliedAt + entry.partDelayMs - Date.now();
      if (wait <= 0) this.flushParts(entry);
      else entry.partTimer ??= setTimeout(() => this.flushParts(entry), wait);
    }
  };

  /** Applies the parts held for an entry to its cache entry, as one state change. */
  private flushParts(entry: Entry): void {
    if (entry.partTimer !== undefined) clearTimeout(entry.partTimer);
    entry.partTimer = undefined;
    const parts = entry.parts.splice(0);
    if (parts.length === 0) return;
    const last = parts.at(-1)?.progress;
    if (last !== undefined && !last.complete && entry.partsAppliedAt !== 0) {
      entry.partDelayMs = Math.min(entry.partDelayMs * 2, MAX_PART_DELAY_MS);
    }
    const stamp = Date.now();
    entry.partsAppliedAt = stamp;
    this.queryClient.setQueryData(entry.key, (old: LiveList | undefined) =>
      old === undefined ? old : applyParts(old, parts),
    );
    // The query's observers render in a task queued by setQueryData; this one runs after it, so
    // the next wait counts from when the list was shown, not from before a long render (after a
    // 800 ms render of 100,000 rows the parts that queued meanwhile were each applied at once).
    setTimeout(() => {
      if (entry.partsAppliedAt === stamp) entry.partsAppliedAt = Date.now();
    }, 0);
  }

  /**
   * Holds the parts that follow an ack until a view has painted the ack's rows. A warm list of
   * 10,000 pods sends its 19 later pages within a few ms of the ack: applied as they came, the first
   * render held all 10,000 (sorted, change times) and the first rows waited for it (~70 ms more in
   * the bench's profile). The hold ends the frame after the first render of a view that observes
   * the list (the list may be prefetched before its view's code has loaded), or `partIntervalMs`
   * after that view appeared if no frame comes (a hidden tab has none).
   */
  private holdUntilShown(entry: Entry, hash: string): void {
    const held: NonNullable<Entry['held']> = {};
    entry.held = held;
    const show = () => {
      if (entry.held !== held) return;
      entry.held = undefined;
      this.flushParts(entry);
    };
    held.whenObserved = () => {
      held.whenObserved = undefined;
      // This task runs after the one in which the query's observers render the ack's list; the
      // frame after it has painted it (the timer queued in a frame callback runs after the paint).
      setTimeout(() => afterNextFrame(() => setTimeout(show, 0)), 0);
      setTimeout(show, this.options.partIntervalMs);
    };
    if ((this.queryClient.getQueryCache().get(hash)?.getObserversCount() ?? 0) > 0) held.whenObserved();
  }

  /** Forgets parts held for a subscription that ended or was replaced by a full list. */
  private dropParts(entry: Entry): void {
    if (entry.partTimer !== undefined) clearTimeout(entry.partTimer);
    entry.partTimer = undefined;
    entry.held = undefined;
    entry.parts = [];
    entry.partsAppliedAt = 0;
    entry.partDelayMs = this.options.partIntervalMs;
  }

  private readonly onResync = (payload: ResyncPayload): void => {
    const entry = this.entryOf(payload.subId);
    if (entry === undefined) return;
    if (entry.pending?.subId === payload.subId) {
      entry.pending.list = applyResync(entry.pending.list, payload);
    } else if (entry.subId === payload.subId) {
      // The resync replaces everything, the parts held before it too.
      this.dropParts(entry);
      this.queryClient.setQueryData(entry.key, (old: LiveList | undefined) => applyResync(old, payload));
    }
  };

  private readonly onSubStatus = ({ subId, state, message }: SubStatusPayload): void => {
    const entry = this.entryOf(subId);
    if (entry === undefined) return;
    entry.problem =
      state === 'live' ? undefined : { key: entry.key, state, ...(message !== undefined ? { message } : {}) };
    this.publish();
  };

  // ── connection ──────────────────────────────────────────────────────────────────────────────

  private readonly onConnect = (): void => {
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.setConnection('connected');
    if (reconnected) this.resubscribeAll();
  };

  private readonly onDisconnect = (): void => {
    // The server forgets a socket's subscriptions with it.
    this.hashBySubId.clear();
    for (const entry of this.entries.values()) {
      this.dropParts(entry);
      entry.subId = undefined;
      entry.pending = undefined;
      entry.problem = undefined;
    }
    // Their problems went with them: recompute the published list too, or a subscription that was
    // "reconnecting" on the old socket keeps the header at "Reconnecting…" after the new one is live
    // (its fresh subscription gets no status message when its watch never failed; found by make chaos).
    const connection = this.socket.active ? 'reconnecting' : 'disconnected';
    if (this.status.connection === connection && this.status.problems.length === 0) return;
    this.status = { connection, problems: [] };
    this.emitStatus();
  };

  private readonly onConnectError = (): void => {
    if (!this.socket.active) this.setConnection('disconnected');
    else this.setConnection(this.everConnected ? 'reconnecting' : 'connecting');
  };

  private resubscribeAll(): void {
    for (const query of this.queryClient.getQueryCache().findAll({ queryKey: ['live'] })) {
      if (query.getObserversCount() > 0) {
        void this.queryClient.refetchQueries(
          { queryKey: query.queryKey, exact: true },
          { cancelRefetch: false },
        );
      } else {
        // Nobody looks at it and its subscription is gone: drop it rather than keep stale data.
        this.queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
      }
    }
  }

  private readonly onCacheEvent = (event: QueryCacheNotifyEvent): void => {
    if (event.type === 'observerAdded') {
      this.entries.get(event.query.queryHash)?.held?.whenObserved?.();
      return;
    }
    if (event.type !== 'removed' || !isLiveKey(event.query.queryKey)) return;
    const entry = this.entries.get(event.query.queryHash);
    if (entry === undefined) return;
    this.entries.delete(event.query.queryHash);
    this.dropParts(entry);
    if (entry.subId !== undefined) this.release(entry.subId);
    if (entry.pending !== undefined) this.release(entry.pending.subId);
    if (entry.problem !== undefined) this.publish();
  };

  private setConnection(connection: ConnectionState): void {
    if (this.status.connection === connection) return;
    this.status = { ...this.status, connection };
    this.emitStatus();
  }

  private publish(): void {
    const problems = [...this.entries.values()].flatMap((e) => (e.problem ? [e.problem] : []));
    this.status = { ...this.status, problems };
    this.emitStatus();
  }

  private emitStatus(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The next animation frame; where there are none (no DOM), about one frame's time. */
function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 16);
}
