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
import { applyEvents, applyParts, applyResync, fromSnapshot, type LiveList, listItems } from './reducers';
import { SnapshotPartPacer } from './snapshot-part-pacer';

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
   * While a progressive snapshot arrives, its middle parts reach the cache at most this often at
   * first, then ever more seldom (see SnapshotPartPacer): each one re-renders the whole list.
   */
  partIntervalMs: number;
}

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
  /** Holds the committed subscription's snapshot parts back from the cache (see `partIntervalMs`). */
  readonly parts: SnapshotPartPacer;
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
    for (const entry of this.entries.values()) entry.parts.reset();
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
        parts: new SnapshotPartPacer(this.options.partIntervalMs, (parts) =>
          this.queryClient.setQueryData(key, (old: LiveList | undefined) =>
            old === undefined ? old : applyParts(old, parts),
          ),
        ),
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
      entry.parts.reset();
      entry.subId = pending.subId;
      entry.parts.holdUntilShown((this.queryClient.getQueryCache().get(hash)?.getObserversCount() ?? 0) > 0);
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
    }
  };

  private readonly onResync = (payload: ResyncPayload): void => {
    const entry = this.entryOf(payload.subId);
    if (entry === undefined) return;
    if (entry.pending?.subId === payload.subId) {
      entry.pending.list = applyResync(entry.pending.list, payload);
    } else if (entry.subId === payload.subId) {
      // The resync replaces everything, the parts held before it too.
      entry.parts.reset();
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
      entry.parts.reset();
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
      this.entries.get(event.query.queryHash)?.parts.observed();
      return;
    }
    if (event.type !== 'removed' || !isLiveKey(event.query.queryKey)) return;
    const entry = this.entries.get(event.query.queryHash);
    if (entry === undefined) return;
    this.entries.delete(event.query.queryHash);
    entry.parts.reset();
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
