import type { Server as HttpServer } from 'node:http';
import { parseSelector, SelectorParseError, selectorToString } from '@wheelhouse/core';
import {
  type ApiErrorBody,
  type ClientToServerEvents,
  type KindObject,
  LogsRequest,
  LogsStopRequest,
  NAMESPACED_KINDS,
  type ServerToClientEvents,
  SOCKET_PATH,
  type SubscribeAck,
  SubscribeRequest,
  UnsubscribeRequest,
} from '@wheelhouse/shared-types';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { HttpError, toErrorBody } from './http/errors';
import { hostAllowed, type OriginPolicy, originAllowed } from './http/security';
import type { Callers } from './kube/callers';
import type { Metrics } from './metrics';
import type { WatchHub } from './watch/hub';
import { LogStreams } from './watch/log-streams';
import { DEFAULT_LIMITS, type SessionLimits, SocketSession } from './watch/socket-session';

type WhSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;

function invalid(message: string, extra: Pick<ApiErrorBody, 'field' | 'position'> = {}): ApiErrorBody {
  return { code: 400, reason: 'BadRequest', message, source: 'bff', ...extra };
}

/** Validates a subscribe payload; returns the normalised request or a 400 body. */
export function validateSubscribe(
  raw: unknown,
): { ok: true; req: SubscribeRequest } | { ok: false; error: ApiErrorBody } {
  const parsed = SubscribeRequest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return {
      ok: false,
      error: invalid(
        `invalid subscribe request: ${field ? `${field}: ` : ''}${issue?.message ?? 'malformed'}`,
        {
          ...(field ? { field } : {}),
        },
      ),
    };
  }
  const req = { ...parsed.data };
  if (req.namespace && !NAMESPACED_KINDS.has(req.kind)) {
    return {
      ok: false,
      error: invalid(`${req.kind} are cluster-scoped: omit the namespace`, { field: 'namespace' }),
    };
  }
  if (req.labelSelector !== undefined) {
    try {
      const canonical = selectorToString(parseSelector(req.labelSelector));
      if (canonical) req.labelSelector = canonical;
      else delete req.labelSelector;
    } catch (err) {
      if (err instanceof SelectorParseError) {
        return {
          ok: false,
          error: invalid(`invalid label selector: ${err.message}`, {
            field: 'labelSelector',
            position: err.position,
          }),
        };
      }
      return {
        ok: false,
        error: invalid(`invalid label selector: ${(err as Error).message}`, { field: 'labelSelector' }),
      };
    }
  }
  return { ok: true, req };
}

export interface SocketDeps {
  hub: WatchHub;
  callers: Callers;
  policy: OriginPolicy;
  log: Logger;
  metrics: Metrics;
  limits?: SessionLimits;
}

/**
 * socket.io server for the live protocol. The handshake is refused unless Host and Origin pass the
 * same checks as mutations (a foreign page cannot open a socket to a local dashboard). Handlers
 * validate, act, acknowledge.
 */
export function attachSocketServer(httpServer: HttpServer, deps: SocketDeps) {
  const { hub, callers, policy, log, metrics } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // WebSocket only: its handshake always carries Origin (a same-origin polling GET may not).
    transports: ['websocket'],
    allowRequest: (req, callback) => {
      const host = req.headers.host;
      const origin = req.headers.origin;
      if (!hostAllowed(policy, host)) {
        log.warn({ host }, 'socket refused: host not allowed');
        callback('host not allowed', false);
        return;
      }
      if (!originAllowed(policy, origin, host)) {
        log.warn({ origin }, 'socket refused: origin not allowed');
        callback('origin not allowed', false);
        return;
      }
      callback(null, true);
    },
  });

  io.on('connection', (socket: WhSocket) => {
    metrics.sockets.inc();
    // Packets queued on this connection but not yet handed to the transport: grows when the client
    // stops reading (the transport stays unwritable), shrinks on each flush.
    let queued = 0;
    socket.conn.on('packetCreate', () => {
      queued++;
    });
    socket.conn.on('flush', (buffer: unknown[]) => {
      queued = Math.max(0, queued - buffer.length);
    });
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
        backlog: () => queued,
        dropped: () => metrics.queueDrops.inc(),
      },
      limits,
    );
    socket.conn.on('drain', () => session.flush());
    const logs = new LogStreams({
      emitLines: (p) => socket.emit('logLines', p),
      emitEnd: (p) => socket.emit('logEnd', p),
      backlog: () => queued,
    });
    let nextId = 1;

    socket.on('subscribe', async (raw, ack) => {
      if (typeof ack !== 'function') return;
      const v = validateSubscribe(raw);
      if (!v.ok) {
        ack({ ok: false, error: v.error });
        return;
      }
      if (session.subs.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
        ack({
          ok: false,
          error: {
            code: 429,
            reason: 'TooManyRequests',
            message: 'too many subscriptions on one connection',
            source: 'bff',
          },
        });
        return;
      }
      const { req } = v;
      const subId = `s${nextId++}`;
      try {
        // Resolved per subscription: in token mode a logout or expiry ends new subscriptions.
        const { kc, identity } = callers.resolve(socket.handshake.headers, req.context);
        let snapshotFn: () => { items: KindObject[]; resourceVersion: string } = () => ({
          items: [],
          resourceVersion: '',
        });
        const buffer = session.createBuffer(subId, () => snapshotFn());
        const sub = await hub.subscribe(
          kc,
          identity,
          { kind: req.kind, namespace: req.namespace, labelSelector: req.labelSelector },
          buffer,
        );
        snapshotFn = () => ({
          items: sub.informer.items() as KindObject[],
          resourceVersion: sub.informer.resourceVersion(),
        });
        if (socket.disconnected) {
          sub.release();
          return;
        }
        session.add(subId, buffer, sub.release);
        const res: SubscribeAck = {
          ok: true,
          subId,
          items: sub.items as KindObject[],
          resourceVersion: sub.resourceVersion,
        };
        ack(res);
      } catch (err) {
        const body =
          err instanceof HttpError || (err as { body?: unknown }).body
            ? toErrorBody(err)
            : {
                code: 503,
                reason: 'ServiceUnavailable',
                message: (err as Error).message,
                source: 'bff' as const,
              };
        log.info({ kind: req.kind, namespace: req.namespace, code: body.code }, 'subscribe refused');
        ack({ ok: false, error: body });
      }
    });

    socket.on('unsubscribe', (raw, ack) => {
      const parsed = UnsubscribeRequest.safeParse(raw);
      const reply = typeof ack === 'function' ? ack : () => undefined;
      if (!parsed.success) {
        reply({ ok: false, error: invalid('invalid unsubscribe request: subId is required') });
        return;
      }
      if (!session.remove(parsed.data.subId)) {
        reply({
          ok: false,
          error: {
            code: 404,
            reason: 'NotFound',
            message: `no subscription ${parsed.data.subId}`,
            source: 'bff',
          },
        });
        return;
      }
      reply({ ok: true });
    });

    socket.on('logsStart', async (raw, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = LogsRequest.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') || undefined;
        ack({
          ok: false,
          error: invalid(
            `invalid logs request: ${field ? `${field}: ` : ''}${issue?.message ?? 'malformed'}`,
            {
              ...(field ? { field } : {}),
            },
          ),
        });
        return;
      }
      try {
        const { kc } = callers.resolve(socket.handshake.headers, parsed.data.context);
        const streamId = await logs.start(kc, parsed.data);
        if (socket.disconnected) logs.stop(streamId);
        else ack({ ok: true, streamId });
      } catch (err) {
        ack({ ok: false, error: toErrorBody(err) });
      }
    });

    socket.on('logsStop', (raw, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = LogsStopRequest.safeParse(raw);
      if (!parsed.success) {
        reply({ ok: false, error: invalid('invalid logsStop request: streamId is required') });
        return;
      }
      if (!logs.stop(parsed.data.streamId)) {
        reply({
          ok: false,
          error: {
            code: 404,
            reason: 'NotFound',
            message: `no log stream ${parsed.data.streamId}`,
            source: 'bff',
          },
        });
        return;
      }
      reply({ ok: true });
    });

    socket.on('disconnect', () => {
      metrics.sockets.dec();
      session.close();
      logs.closeAll();
    });
  });

  return io;
}
