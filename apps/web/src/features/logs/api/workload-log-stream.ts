import type {
  ApiErrorBody,
  WorkloadLogLine,
  WorkloadLogLinesPayload,
  WorkloadLogPodsPayload,
  WorkloadLogsAck,
  WorkloadLogsRequest,
} from '@wheelhouse/shared-types';
import type { LiveSocket } from '../../../lib/live/live-store';
import { startStream, withContext } from '../../../lib/live/start-stream';
import { CONNECTION_LOST, listen, StreamInbox } from '../../../lib/live/stream-routing';

/** How long to wait for the server to accept the view (it may have to start a pods informer). */
const ACK_TIMEOUT_MS = 30_000;

export interface WorkloadLogHandlers {
  /** The first roster (the ack's), before any line or change that follows it. */
  roster(ack: Extract<WorkloadLogsAck, { ok: true }>): void;
  lines(lines: WorkloadLogLine[]): void;
  pods(p: WorkloadLogPodsPayload): void;
  /** The stream ended without a stop (the connection was lost). */
  lost(error: ApiErrorBody): void;
}

export type WorkloadLogsStarted = Extract<WorkloadLogsAck, { ok: true }> & { stop(): void };

/**
 * The logs of every pod a selector picks, over the tab's socket (`workloadLogsStart`). The ack's
 * roster is handed over first; what arrived before it (the first lines, a pod joining) follows, in
 * order. Resolves with the roster and a stop function; a refusal rejects with the server's
 * `ApiError` (404 unknown namespace, 400 bad selector, 403).
 */
export async function streamWorkloadLogs(
  socket: LiveSocket,
  req: Omit<WorkloadLogsRequest, 'context'>,
  on: WorkloadLogHandlers,
  options: { ackTimeoutMs?: number } = {},
): Promise<WorkloadLogsStarted> {
  const inbox = new StreamInbox();
  const onDisconnect = () => {
    cleanup();
    on.lost(CONNECTION_LOST);
  };
  const stopListening = listen(socket, {
    workloadLogLines: (p: WorkloadLogLinesPayload) => inbox.take(p.streamId, () => on.lines(p.lines)),
    workloadLogPods: (p: WorkloadLogPodsPayload) => inbox.take(p.streamId, () => on.pods(p)),
  });
  const cleanup = () => {
    stopListening();
    socket.off('disconnect', onDisconnect);
  };
  const ack = await startStream(
    (context): Promise<WorkloadLogsAck> =>
      socket
        .timeout(options.ackTimeoutMs ?? ACK_TIMEOUT_MS)
        .emitWithAck('workloadLogsStart', withContext(req, context)),
    cleanup,
  );
  const id = ack.streamId;
  socket.on('disconnect', onDisconnect);
  const stop = () => {
    cleanup();
    if (socket.connected) socket.emit('logsStop', { streamId: id }, () => {});
  };
  on.roster(ack);
  inbox.open(id);
  return { ...ack, stop };
}
