import type { LogEndPayload, LogLinesPayload, LogsAck, LogsRequest } from '@wheelhouse/shared-types';
import type { LiveSocket } from '../../../lib/live/live-store';
import { startStream, withContext } from '../../../lib/live/start-stream';
import { CONNECTION_LOST, listen, StreamInbox } from '../../../lib/live/stream-routing';

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
  const inbox = new StreamInbox();
  const onDisconnect = () => {
    cleanup();
    on.end({ streamId: inbox.streamId ?? '', reason: 'error', error: CONNECTION_LOST });
  };
  const stopListening = listen(socket, {
    logLines: (p: LogLinesPayload) => inbox.take(p.streamId, () => on.lines(p.lines)),
    logEnd: (p: LogEndPayload) => {
      if (p.streamId !== inbox.streamId) return;
      cleanup();
      on.end(p);
    },
  });
  const cleanup = () => {
    stopListening();
    socket.off('disconnect', onDisconnect);
  };
  const ack = await startStream(
    (context): Promise<LogsAck> =>
      socket
        .timeout(options.ackTimeoutMs ?? ACK_TIMEOUT_MS)
        .emitWithAck('logsStart', withContext(req, context)),
    cleanup,
  );
  const id = ack.streamId;
  socket.on('disconnect', onDisconnect);
  inbox.open(id);
  return () => {
    cleanup();
    if (socket.connected) socket.emit('logsStop', { streamId: id }, () => {});
  };
}
