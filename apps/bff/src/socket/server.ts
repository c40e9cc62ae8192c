import type { Server as HttpServer } from 'node:http';
import {
  type ApiErrorBody,
  type ClientToServerEvents,
  type ServerToClientEvents,
  SOCKET_PATH,
} from '@wheelhouse/shared-types';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { toErrorBody } from '../http/errors';
import { hostAllowed, type OriginPolicy, originAllowed } from '../http/security';

export type WhServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type WhSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * The socket.io server of the live protocol. The handshake is refused unless Host and Origin pass the
 * same checks as mutations (a foreign page cannot open a socket to a local dashboard). Handlers are
 * registered per concern on each connection by the composition root (app.ts).
 */
export function createSocketServer(
  httpServer: HttpServer,
  deps: { policy: OriginPolicy; log: Logger; pingIntervalMs?: number },
): WhServer {
  const { policy, log } = deps;
  return new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // The heartbeat is traffic too: an idle tab (an open shell above all) keeps the proxies between
    // browser and BFF from closing the connection for idleness. socket.io's default is 25 s.
    ...(deps.pingIntervalMs !== undefined ? { pingInterval: deps.pingIntervalMs } : {}),
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
}

/**
 * Packets queued on a connection but not yet handed to the transport: grows when the client stops
 * reading (the transport stays unwritable), shrinks on each flush. Shared by every handler group that
 * streams to the socket, so a slow reader slows them all.
 */
export function trackBacklog(socket: WhSocket): () => number {
  let queued = 0;
  socket.conn.on('packetCreate', () => {
    queued++;
  });
  socket.conn.on('flush', (buffer: unknown[]) => {
    queued = Math.max(0, queued - buffer.length);
  });
  return () => queued;
}

/**
 * A refused request as its ack carries it: the one error body (toErrorBody), so a socket error reads
 * like the REST error for the same cause. Unexpected errors are logged (their message is not sent).
 */
export function refusal(
  err: unknown,
  log: Logger,
  context: Record<string, unknown> = {},
): { ok: false; error: ApiErrorBody } {
  const error = toErrorBody(err);
  if (error.code >= 500 && error.source === 'bff') log.error({ err, ...context }, 'socket request failed');
  return { ok: false, error };
}

/** The ack of a request that may come without one (fire-and-forget `unsubscribe`, `logsStop`). */
export function replyOf<T>(ack: unknown): (res: T) => void {
  return typeof ack === 'function' ? (ack as (res: T) => void) : () => undefined;
}
