import type { LogEndPayload, LogLinesPayload, LogsAck, LogsRequest } from '@wheelhouse/shared-types';
import type { LiveSocket } from '../../../lib/live/live-store';
import { startStream, withContext } from '../../../lib/live/start-stream';

/** How long to wait for the server to accept a log stream (as long as for a subscription). */
const ACK_TIMEOUT_MS = 30_000;

export interface LogStreamHandlers {
  lines(lines: string[]): void;
  end(p: LogEndPayload): void;
}

/**
 * Streams one container log over the tab's socket (`logsStart`). Lines that arrive before the ack
 * is handled are kept, so nothing at the head of the log is lost. Resolves with a stop function; a
 * refusal (403, unknown container…) rejects with the server's `ApiError`. The stream ends with the
 * connection: `end` then says so.
 */
export async function streamLogs(
  socket: LiveSocket,
  req: Omit<LogsRequest, 'context'>,
  on: LogStreamHandlers,
  options: { ackTimeoutMs?: number } = {},
): Promise<() => void> {
  const early: LogLinesPayload[] = [];
  let streamId: string | undefined;
  const onLines = (p: LogLinesPayload) => {
    if (streamId === undefined) early.push(p);
    else if (p.streamId === streamId) on.lines(p.lines);
  };
  const onEnd = (p: LogEndPayload) => {
    if (p.streamId !== streamId) return;
    cleanup();
    on.end(p);
  };
  const onDisconnect = () => {
    cleanup();
    on.end({
      streamId: streamId ?? '',
      reason: 'error',
      error: {
        code: 503,
        reason: 'ServiceUnavailable',
        message: 'the connection to the server was lost',
        source: 'bff',
      },
    });
  };
  const cleanup = () => {
    socket.off('logLines', onLines);
    socket.off('logEnd', onEnd);
    socket.off('disconnect', onDisconnect);
  };
  socket.on('logLines', onLines);
  socket.on('logEnd', onEnd);
  const ack = await startStream(
    (context): Promise<LogsAck> =>
      socket
        .timeout(options.ackTimeoutMs ?? ACK_TIMEOUT_MS)
        .emitWithAck('logsStart', withContext(req, context)),
    cleanup,
  );
  const id = ack.streamId;
  streamId = id;
  socket.on('disconnect', onDisconnect);
  for (const p of early.splice(0)) if (p.streamId === id) on.lines(p.lines);
  return () => {
    cleanup();
    if (socket.connected) socket.emit('logsStop', { streamId: id }, () => {});
  };
}
