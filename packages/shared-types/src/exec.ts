import { OBJECT_NAME } from '@wheelhouse/core';
import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import { EXEC_INPUT_MAX_BYTES, EXEC_MAX_COLS, EXEC_MAX_ROWS } from './exec-limits';
import { ContainerName, NamespaceName, nameSchema } from './names';

/**
 * A shell in a container over the tab's socket: the BFF opens the apiserver's pods/exec as the
 * caller (a WebSocket, channel protocol v5/v4) with a TTY, and relays bytes both ways.
 *
 *  client → server  `execStart` {context?, namespace, pod, container, command?, cols?, rows?, csrf}
 *                   ack: {ok: true, sessionId, shell} — `shell` is what runs: the user's command, or
 *                        the first of bash, sh, ash the image has
 *                      | {ok: false, error}   403 (no `create pods/exec`, or the apiserver refused),
 *                        404/400 (unknown pod or container), 400 (no such command / no shell)
 *  client → server  `execInput`  {sessionId, data}        keystrokes and pastes, at most
 *                                                          EXEC_INPUT_MAX_BYTES per message (413 over)
 *  client → server  `execResize` {sessionId, cols, rows}  a message of its own, never in the data
 *  client → server  `execStop`   {sessionId}              also implied by disconnect
 *  server → client  `execOutput` {sessionId, data}        the terminal's output (stdout; a TTY
 *                                                          merges stderr into it), batched per tick
 *  server → client  `execEnd`    {sessionId, reason, exitCode?, message?}
 *                                   exited: the process ended (exitCode from the status channel)
 *                                   pod-deleted: the pod went away (seen by the shared informer)
 *                                   stopped: execStop
 *                                   error: the upstream broke (message says how)
 *
 * `csrf` is the session's CSRF token (GET /api/session), as on every mutation: a shell is one.
 */
export const ExecStartRequest = z.strictObject({
  context: z.string().min(1).max(253).optional(),
  namespace: NamespaceName,
  pod: nameSchema(OBJECT_NAME, 'not a valid pod name'),
  container: ContainerName,
  /** The user's command (argv, no shell parsing); omitted: bash, then sh, then ash. */
  command: z.array(z.string().min(1).max(1024)).min(1).max(64).optional(),
  /** The terminal's size at the start, so the first prompt is drawn at the right width. */
  cols: z.number().int().min(1).max(EXEC_MAX_COLS).optional(),
  rows: z.number().int().min(1).max(EXEC_MAX_ROWS).optional(),
  csrf: z.string().max(256),
});
export type ExecStartRequest = z.infer<typeof ExecStartRequest>;

const SessionId = z.string().min(1).max(64);

export const ExecInputRequest = z.strictObject({
  sessionId: SessionId,
  // Characters, a cheap first bound; the BFF checks the UTF-8 bytes against EXEC_INPUT_MAX_BYTES.
  data: z.string().min(1).max(EXEC_INPUT_MAX_BYTES),
});
export type ExecInputRequest = z.infer<typeof ExecInputRequest>;

export const ExecResizeRequest = z.strictObject({
  sessionId: SessionId,
  cols: z.number().int().min(1).max(EXEC_MAX_COLS),
  rows: z.number().int().min(1).max(EXEC_MAX_ROWS),
});
export type ExecResizeRequest = z.infer<typeof ExecResizeRequest>;

export const ExecStopRequest = z.strictObject({ sessionId: SessionId });
export type ExecStopRequest = z.infer<typeof ExecStopRequest>;

export type ExecStartAck =
  | { ok: true; sessionId: string; shell: string }
  | { ok: false; error: ApiErrorBody };

export interface ExecOutputPayload {
  sessionId: string;
  data: string;
}

export type ExecEndReason = 'exited' | 'pod-deleted' | 'stopped' | 'error';
export interface ExecEndPayload {
  sessionId: string;
  reason: ExecEndReason;
  /** The process's exit code, when it exited and the status channel said so. */
  exitCode?: number;
  message?: string;
}
