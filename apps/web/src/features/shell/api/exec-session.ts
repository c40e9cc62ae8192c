import type {
  ApiErrorBody,
  ExecEndPayload,
  ExecOutputPayload,
  ExecStartAck,
  ExecStartRequest,
  SimpleAck,
} from '@wheelhouse/shared-types';
import { EXEC_INPUT_CHUNK_BYTES } from '@wheelhouse/shared-types/constants';
import type { LiveSocket } from '../../../lib/live/live-store';
import { startStream, withContext } from '../../../lib/live/start-stream';
import { CONNECTION_LOST, listen, StreamInbox } from '../../../lib/live/stream-routing';
import { chunkUtf8 } from '../lib/chunks';

/** How long to wait for the server to open the shell (it may try bash, sh and ash in turn). */
const START_TIMEOUT_MS = 30_000;
/** How long one chunk of input may wait for its ack. */
const INPUT_TIMEOUT_MS = 15_000;
/** A 429 (the container is not reading its input yet) is retried this often, this many times. */
const BUSY_RETRY_MS = 200;
const BUSY_RETRIES = 50;

export interface ShellHandlers {
  /** Terminal output: write it to the terminal as data. */
  output(data: string): void;
  end(end: ExecEndPayload): void;
  /** Input that could not be delivered (413, a session that ended meanwhile…). */
  inputError(error: ApiErrorBody): void;
}

export interface ShellConnection {
  readonly sessionId: string;
  /** What runs: the command asked for, or the shell the server found (bash, sh, ash). */
  readonly shell: string;
  /** Keystrokes and pastes, in order; a paste larger than one message goes in chunks, one at a time. */
  send(data: string): void;
  resize(cols: number, rows: number): void;
  /** Ends the session (the server answers with an execEnd, which `end` does not report again). */
  stop(): void;
}

const lost = (sessionId: string): ExecEndPayload => ({
  sessionId,
  reason: 'error',
  message: CONNECTION_LOST.message,
});

/**
 * Opens a shell over the tab's socket (`execStart`). Output that arrives before the ack is kept, so
 * the first prompt is never lost. Input keeps its order: a keystroke goes at once unless a paste is
 * still going through, in which case it waits its turn behind the paste's chunks (each waits for its
 * ack, the flow control that keeps a huge paste from flooding the BFF). A refusal rejects with the
 * server's `ApiError` (403 not allowed, 400 no such command or no shell in the image, …).
 */
export async function openShell(
  socket: LiveSocket,
  req: Omit<ExecStartRequest, 'context'>,
  on: ShellHandlers,
): Promise<ShellConnection> {
  const inbox = new StreamInbox();
  let over = false;
  const finish = (end: ExecEndPayload, report: boolean) => {
    if (over) return;
    over = true;
    cleanup();
    if (report) on.end(end);
  };
  const onDisconnect = () => finish(lost(inbox.streamId ?? ''), true);
  const stopListening = listen(socket, {
    execOutput: (p: ExecOutputPayload) => inbox.take(p.sessionId, () => on.output(p.data)),
    execEnd: (p: ExecEndPayload) => {
      if (p.sessionId === inbox.streamId) finish(p, true);
    },
  });
  const cleanup = () => {
    stopListening();
    socket.off('disconnect', onDisconnect);
  };
  const ack = await startStream(
    (context): Promise<ExecStartAck> =>
      socket.timeout(START_TIMEOUT_MS).emitWithAck('execStart', withContext(req, context)),
    cleanup,
  );
  const id = ack.sessionId;
  socket.on('disconnect', onDisconnect);
  inbox.open(id);

  const queue: string[] = [];
  let pumping = false;
  const deliver = async (data: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      const res: SimpleAck = await socket
        .timeout(INPUT_TIMEOUT_MS)
        .emitWithAck('execInput', { sessionId: id, data })
        .catch(() => ({ ok: true }) as const); // no ack in time: the disconnect handler says why
      if (res.ok || over) return;
      if (res.error.code === 429 && attempt < BUSY_RETRIES) {
        await new Promise((r) => setTimeout(r, BUSY_RETRY_MS));
        continue;
      }
      on.inputError(res.error);
      return;
    }
  };
  const pump = async () => {
    pumping = true;
    while (queue.length > 0 && !over) await deliver(queue.shift() as string);
    pumping = false;
  };

  return {
    sessionId: id,
    shell: ack.shell,
    send(data) {
      if (over) return;
      const chunks = chunkUtf8(data, EXEC_INPUT_CHUNK_BYTES);
      if (chunks.length === 1 && !pumping) {
        // A keystroke: on its way at once; an error comes back in its ack.
        socket.emit('execInput', { sessionId: id, data }, (res: SimpleAck) => {
          if (!res.ok && !over) on.inputError(res.error);
        });
        return;
      }
      queue.push(...chunks);
      if (!pumping) void pump();
    },
    resize(cols, rows) {
      if (!over) socket.emit('execResize', { sessionId: id, cols, rows });
    },
    stop() {
      if (over) return;
      finish({ sessionId: id, reason: 'stopped' }, false);
      if (socket.connected) socket.emit('execStop', { sessionId: id });
    },
  };
}
