import {
  NAMESPACED_KINDS,
  ROW_KINDS,
  type SubscribeAck,
  SubscribeRequest,
  UnsubscribeRequest,
} from '@wheelhouse/shared-types';
import type { Logger } from 'pino';
import { HttpError } from '../http/errors';
import { canonicalSelector, parseInput } from '../http/validate';
import type { Callers } from '../kube/callers';
import type { Metrics } from '../metrics';
import type { WatchHub } from '../watch/hub';
import { projectionOf } from '../watch/shapes';
import { type SessionLimits, type Snapshot, SocketSession } from '../watch/socket-session';
import type { Quota } from './quotas';
import { refusal, replyOf, type WhServer, type WhSocket } from './server';

export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;

/**
 * A subscribe payload, normalised: the schema, then what the schema cannot say (a cluster-scoped kind
 * has no namespace; the selector parses with the apiserver's rules, and is sent in canonical form).
 * Throws a 400 HttpError naming the field (and the selector's error position).
 */
export function parseSubscribe(raw: unknown): SubscribeRequest {
  const req = { ...parseInput(SubscribeRequest, raw, 'subscribe request', null) };
  if (req.namespace && !NAMESPACED_KINDS.has(req.kind)) {
    throw new HttpError(400, 'BadRequest', `${req.kind} are cluster-scoped: omit the namespace`, {
      field: 'namespace',
    });
  }
  if (req.shape === 'row' && !ROW_KINDS.has(req.kind)) {
    throw new HttpError(
      400,
      'BadRequest',
      `shape "row" is for ${[...ROW_KINDS].join(', ')} only: subscribe to ${req.kind} with shape "object"`,
      { field: 'shape' },
    );
  }
  if (req.labelSelector !== undefined) {
    const canonical = canonicalSelector(req.labelSelector);
    if (canonical) req.labelSelector = canonical;
    else delete req.labelSelector;
  }
  return req;
}

export interface SubscriptionHandlerDeps {
  hub: WatchHub;
  callers: Callers;
  log: Logger;
  metrics: Metrics;
  limits: SessionLimits;
  /** Subscriptions per caller identity, across all sockets. */
  perCaller: Quota;
  /** The socket's unflushed packets (trackBacklog). */
  backlog: () => number;
}

/**
 * `subscribe` / `unsubscribe`: live lists from the shared informers, one SocketSession per socket that
 * coalesces events per tick and resyncs a slow consumer. Handlers validate, act, acknowledge.
 */
export function registerSubscriptionHandlers(
  _io: WhServer,
  socket: WhSocket,
  deps: SubscriptionHandlerDeps,
): void {
  const { hub, callers, log, metrics } = deps;
  const session = new SocketSession(
    {
      emitEvents: (p) => {
        metrics.eventsSent.inc(p.batch.length);
        socket.emit('events', p);
      },
      emitResync: (p) => {
        metrics.resyncs.inc({ reason: p.reason });
        socket.emit('resync', p);
      },
      emitStatus: (p) => socket.emit('subStatus', p),
      backlog: deps.backlog,
      dropped: () => metrics.queueDrops.inc(),
    },
    deps.limits,
  );
  socket.conn.on('drain', () => session.flush());
  let nextId = 1;
  /** Subscribes past the cap check but not yet in the session: they count against the cap too. */
  let pending = 0;

  socket.on('subscribe', async (raw, ack) => {
    if (typeof ack !== 'function') return;
    let req: SubscribeRequest | undefined;
    let reserved = false;
    try {
      req = parseSubscribe(raw);
      // Checked and reserved before the first await: concurrent subscribes cannot all see room.
      if (session.subs.size + pending >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
        throw new HttpError(
          429,
          'TooManyRequests',
          `too many subscriptions on one connection (at most ${MAX_SUBSCRIPTIONS_PER_SOCKET})`,
        );
      }
      // Resolved per subscription: in token mode a logout or expiry ends new subscriptions.
      const { kc, identity } = callers.resolve(socket.handshake.headers, req.context);
      deps.perCaller.acquire(identity);
      const giveBack = () => deps.perCaller.release(identity);
      pending++;
      reserved = true;
      const subId = `s${nextId++}`;
      let snapshotFn: () => Snapshot = () => ({ items: [], resourceVersion: '' });
      const project = projectionOf(req);
      const buffer = session.createBuffer(subId, () => snapshotFn(), project);
      let sub: Awaited<ReturnType<WatchHub['subscribe']>>;
      try {
        sub = await hub.subscribe(
          kc,
          identity,
          { kind: req.kind, namespace: req.namespace, labelSelector: req.labelSelector },
          buffer,
          undefined,
          // A big list's first page is answered at once; the rest follows as it arrives.
          { partial: true },
        );
      } catch (err) {
        giveBack();
        throw err;
      }
      const release = () => {
        sub.release();
        giveBack();
      };
      snapshotFn = () => sub.snapshot();
      if (socket.disconnected) {
        release();
        return;
      }
      session.add(subId, buffer, release);
      // A large list answered from a warm cache: the ack carries its first page so the first rows
      // show at once, the rest follows a page per tick, before any change (progressive snapshot).
      const first = hub.firstPage;
      const split = !sub.progress && first > 0 && sub.items.length > first;
      if (split) buffer.preload(sub.items.slice(first), first);
      const res: SubscribeAck = {
        ok: true,
        subId,
        items: (split ? sub.items.slice(0, first) : sub.items).map(project),
        resourceVersion: sub.resourceVersion,
        ...(split
          ? { progress: { loaded: first, total: sub.items.length, complete: false } }
          : sub.progress
            ? { progress: { ...sub.progress, complete: false } }
            : {}),
      };
      ack(res);
      // Joined an informer whose watch is down right now (apiserver restarting): the snapshot is
      // its cache, and this subscriber must not show "live" until the watch is back. Status changes
      // reach listeners only when they happen, so a late joiner is told the current one (after the
      // ack: the client learns the subId from it).
      const { informer } = sub;
      if (informer.isSynced && informer.state !== 'live') {
        buffer.onStatus(informer.state, informer.lastError);
      }
    } catch (err) {
      const res = refusal(err, log, { event: 'subscribe' });
      if (req)
        log.info({ kind: req.kind, namespace: req.namespace, code: res.error.code }, 'subscribe refused');
      ack(res);
    } finally {
      if (reserved) pending--;
    }
  });

  socket.on('unsubscribe', (raw, ack) => {
    const reply = replyOf(ack);
    try {
      const { subId } = parseInput(UnsubscribeRequest, raw, 'unsubscribe request', null);
      if (!session.remove(subId)) throw new HttpError(404, 'NotFound', `no subscription ${subId}`);
      reply({ ok: true });
    } catch (err) {
      reply(refusal(err, log, { event: 'unsubscribe' }));
    }
  });

  socket.on('disconnect', () => session.close());
}
