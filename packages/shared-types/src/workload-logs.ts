import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import { SinceSeconds, TailLines } from './logs';
import { ContainerName, LabelSelectorText, NamespaceName } from './names';

/**
 * The logs of every pod a label selector picks (a Deployment's, a ReplicaSet's, a Service's, a list's),
 * merged and live, over the same socket as the live lists: `kubectl logs -l … --prefix -f` that
 * follows the pods as they come and go.
 *
 *  client → server  `workloadLogsStart` {namespace, labelSelector, containers?, follow, tailLines?,
 *                                        sinceSeconds?, timestamps}
 *                   ack: {ok: true, streamId, pods, capped?} | {ok: false, error}
 *                   `pods` are the pods streamed now; `capped` says how many matched when more than the
 *                   server streams at once (the rest wait: narrow the selector)
 *  server → client  `workloadLogLines` {streamId, lines}   {pod, container, ts?, text} each, batched
 *                   ~100 ms and sorted by time within a batch (`ts` is the apiserver's RFC 3339 time,
 *                   asked for always so lines of different pods interleave); a line with `notice`
 *                   is the server's own (lines skipped, a container's log refused)
 *  server → client  `workloadLogPods`  {streamId, joined, updated?, gone, capped?}   pods that joined
 *                   (a rollout's new ReplicaSet, a scale-up: streamed from their first line), whose
 *                   phase or containers changed, and that went away (their streams stopped)
 *  client → server  `logsStop` {streamId}   (logs.ts) stops it and every upstream; so does disconnect
 *
 * The pods come from the BFF's shared informer for (namespace, selector): the list's own watch, no polling.
 */
export const WorkloadLogsRequest = z.strictObject({
  context: z.string().min(1).max(253).optional(),
  namespace: NamespaceName,
  labelSelector: LabelSelectorText.min(1, 'a workload is picked by a label selector'),
  /** Only these containers of each pod (default: every container). */
  containers: z.array(ContainerName).min(1).max(64).optional(),
  follow: z.boolean(),
  /** For the pods there at the start; a pod that joins later is read from its first line. */
  tailLines: TailLines.optional(),
  sinceSeconds: SinceSeconds.optional(),
  /** Whether the viewer shows times; every line carries `ts` either way. */
  timestamps: z.boolean(),
});
export type WorkloadLogsRequest = z.infer<typeof WorkloadLogsRequest>;

/** A pod of the view: its name, the containers streamed, and its phase (Pending ones wait to start). */
export interface WorkloadLogPod {
  name: string;
  containers: string[];
  phase: string;
}

/** More pods matched than the server streams at once. */
export interface LogPodCap {
  total: number;
  max: number;
}

export type WorkloadLogsAck =
  | { ok: true; streamId: string; pods: WorkloadLogPod[]; capped?: LogPodCap }
  | { ok: false; error: ApiErrorBody };

export interface WorkloadLogLine {
  pod: string;
  container: string;
  /** RFC 3339 time the runtime gave the line, when it had one. */
  ts?: string;
  text: string;
  /** The server's own line (lines skipped, a container's log refused), not the container's. */
  notice?: true;
}

export interface WorkloadLogLinesPayload {
  streamId: string;
  lines: WorkloadLogLine[];
}

export interface WorkloadLogPodsPayload {
  streamId: string;
  joined: WorkloadLogPod[];
  updated?: WorkloadLogPod[];
  /** Names of pods that went away (deleted, or no longer selected). */
  gone: string[];
  /** Present whenever more pods match than are streamed. */
  capped?: LogPodCap;
}
