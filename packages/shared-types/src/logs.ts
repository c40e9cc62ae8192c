import { OBJECT_NAME } from '@wheelhouse/core';
import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import { ContainerName, NamespaceName, nameSchema } from './names';

/** `--tail`: how many of the last lines to start with. */
export const TailLines = z.number().int().min(1).max(100_000);
/** `--since`, in seconds (at most a year: the kubelet keeps no older logs than its rotation anyway). */
export const SinceSeconds = z
  .number()
  .int()
  .min(1)
  .max(366 * 86_400);

/**
 * Container logs over the same socket as the live lists (the apiserver's pods/log, as the caller):
 *
 *  client → server  `logsStart` {namespace, pod, container, follow?, previous?, tailLines?, sinceSeconds?,
 *                               timestamps?}
 *                   ack: {ok: true, streamId} | {ok: false, error}   (403/404/400 with the apiserver's message;
 *                   a pod not scheduled yet has an empty log, as kubectl prints nothing for it)
 *  server → client  `logLines` {streamId, lines}   batched ~100 ms; when the browser falls behind the
 *                                                   oldest pending lines are dropped and one line says so
 *  server → client  `logEnd`   {streamId, reason}  the stream ended (not following, container gone, error)
 *  client → server  `logsStop` {streamId}          also implied by disconnect; stops a workload's
 *                                                   stream too (workload-logs.ts)
 */
export const LogsRequest = z.strictObject({
  context: z.string().min(1).max(253).optional(),
  namespace: NamespaceName,
  pod: nameSchema(OBJECT_NAME, 'not a valid pod name'),
  container: ContainerName,
  follow: z.boolean().optional(),
  previous: z.boolean().optional(),
  tailLines: TailLines.optional(),
  sinceSeconds: SinceSeconds.optional(),
  timestamps: z.boolean().optional(),
});
export type LogsRequest = z.infer<typeof LogsRequest>;

export const LogsStopRequest = z.strictObject({ streamId: z.string().min(1).max(64) });
export type LogsStopRequest = z.infer<typeof LogsStopRequest>;

export type LogsAck = { ok: true; streamId: string } | { ok: false; error: ApiErrorBody };
export interface LogLinesPayload {
  streamId: string;
  lines: string[];
}
export interface LogEndPayload {
  streamId: string;
  reason: 'completed' | 'stopped' | 'error';
  error?: ApiErrorBody;
}
