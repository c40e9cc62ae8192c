import { LogsRequest, LogsStopRequest } from '@wheelhouse/shared-types';
import type { Logger } from 'pino';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { Callers } from '../kube/callers';
import { LogStreams } from '../watch/log-streams';
import { refusal, replyOf, type WhServer, type WhSocket } from './server';

export interface LogHandlerDeps {
  callers: Callers;
  log: Logger;
  /** The socket's unflushed packets (trackBacklog). */
  backlog: () => number;
}

/**
 * `logsStart` / `logsStop`: `kubectl logs` streamed over the tab's socket, as the caller (RBAC on
 * pods/log decides). Streams end on request, when the log ends, and on disconnect.
 */
export function registerLogHandlers(_io: WhServer, socket: WhSocket, deps: LogHandlerDeps): void {
  const { callers, log } = deps;
  const logs = new LogStreams({
    emitLines: (p) => socket.emit('logLines', p),
    emitEnd: (p) => socket.emit('logEnd', p),
    backlog: deps.backlog,
  });

  socket.on('logsStart', async (raw, ack) => {
    if (typeof ack !== 'function') return;
    try {
      const req = parseInput(LogsRequest, raw, 'logs request', null);
      const { kc } = callers.resolve(socket.handshake.headers, req.context);
      const streamId = await logs.start(kc, req);
      if (socket.disconnected) logs.stop(streamId);
      else ack({ ok: true, streamId });
    } catch (err) {
      ack(refusal(err, log, { event: 'logsStart' }));
    }
  });

  socket.on('logsStop', (raw, ack) => {
    const reply = replyOf(ack);
    try {
      const { streamId } = parseInput(LogsStopRequest, raw, 'logsStop request', null);
      if (!logs.stop(streamId)) throw new HttpError(404, 'NotFound', `no log stream ${streamId}`);
      reply({ ok: true });
    } catch (err) {
      reply(refusal(err, log, { event: 'logsStop' }));
    }
  });

  socket.on('disconnect', () => logs.closeAll());
}
