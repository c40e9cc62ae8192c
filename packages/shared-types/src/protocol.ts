import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import type {
  ExecEndPayload,
  ExecInputRequest,
  ExecOutputPayload,
  ExecResizeRequest,
  ExecStartAck,
  ExecStartRequest,
  ExecStopRequest,
} from './exec';
import { type ResourceKind as Kind, type KindObject, RESOURCE_KINDS } from './kinds';
import type { LogEndPayload, LogLinesPayload, LogsAck, LogsRequest, LogsStopRequest } from './logs';
import { LabelSelectorText, NamespaceName } from './names';
import type {
  WorkloadLogLinesPayload,
  WorkloadLogPodsPayload,
  WorkloadLogsAck,
  WorkloadLogsRequest,
} from './workload-logs';

/**
 * The live protocol between a browser tab and the BFF, over one socket.io connection per tab, on
 * `SOCKET_PATH` (constants.ts, importable without zod).
 *
 *  client → server  `subscribe` {context?, kind, namespace?, labelSelector?}
 *                   ack: {ok: true, subId, items, resourceVersion} — the snapshot, served from the
 *                        BFF's shared informer cache (no new LIST when the informer is warm)
 *                      | {ok: false, error}
 *  server → client  `events`  {subId, batch}    changes since the snapshot, batched per tick
 *                                                (~50 ms); repeated updates of one object within a
 *                                                tick are coalesced to the last one
 *  server → client  `resync`  {subId, items, resourceVersion}
 *                                                replace everything held for subId: sent after the
 *                                                informer relisted (410 Gone, apiserver restart) or
 *                                                when this socket fell too far behind (bounded queue)
 *  server → client  `subStatus` {subId, state, message?}   live | reconnecting | error
 *  client → server  `unsubscribe` {subId}       ack: {ok: true}
 *
 * Container logs (logs.ts) and shells (exec.ts) ride the same socket.
 *
 * Everything the server receives is validated with the zod schemas below; types are not validation.
 * After a reconnect the client subscribes again and gets a fresh snapshot.
 */

/** One of the kinds the dashboard watches (kinds.ts), by its plural name. */
export const ResourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = Kind;

export const SubscribeRequest = z.strictObject({
  /** kubeconfig context; the BFF's default context when omitted. */
  context: z.string().min(1).max(253).optional(),
  kind: ResourceKind,
  /** Omit for all namespaces (and for cluster-scoped kinds). */
  namespace: NamespaceName.optional(),
  /** A label selector in kubectl grammar; checked with @wheelhouse/core's parser before use. */
  labelSelector: LabelSelectorText.optional(),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

export const UnsubscribeRequest = z.strictObject({ subId: z.string().min(1).max(64) });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent<K extends Kind = Kind> {
  type: WatchEventType;
  object: KindObject<K>;
}

export type SubscribeAck<K extends Kind = Kind> =
  | { ok: true; subId: string; items: KindObject<K>[]; resourceVersion: string }
  | { ok: false; error: ApiErrorBody };

export type SimpleAck = { ok: true } | { ok: false; error: ApiErrorBody };

export interface EventsPayload {
  subId: string;
  batch: WatchEvent[];
}
export interface ResyncPayload {
  subId: string;
  items: KindObject[];
  resourceVersion: string;
  reason: 'relist' | 'slow-consumer';
}
export type SubscriptionState = 'live' | 'reconnecting' | 'error';
export interface SubStatusPayload {
  subId: string;
  state: SubscriptionState;
  message?: string;
}

export interface ServerToClientEvents {
  events: (payload: EventsPayload) => void;
  resync: (payload: ResyncPayload) => void;
  subStatus: (payload: SubStatusPayload) => void;
  logLines: (payload: LogLinesPayload) => void;
  logEnd: (payload: LogEndPayload) => void;
  workloadLogLines: (payload: WorkloadLogLinesPayload) => void;
  workloadLogPods: (payload: WorkloadLogPodsPayload) => void;
  execOutput: (payload: ExecOutputPayload) => void;
  execEnd: (payload: ExecEndPayload) => void;
}

export interface ClientToServerEvents {
  subscribe: (req: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: UnsubscribeRequest, ack: (res: SimpleAck) => void) => void;
  logsStart: (req: LogsRequest, ack: (res: LogsAck) => void) => void;
  workloadLogsStart: (req: WorkloadLogsRequest, ack: (res: WorkloadLogsAck) => void) => void;
  /** Stops a pod's or a workload's log stream. */
  logsStop: (req: LogsStopRequest, ack: (res: SimpleAck) => void) => void;
  execStart: (req: ExecStartRequest, ack: (res: ExecStartAck) => void) => void;
  /** The ack is optional: keystrokes need none, a paste's chunks wait for theirs (flow control). */
  execInput: (req: ExecInputRequest, ack?: (res: SimpleAck) => void) => void;
  execResize: (req: ExecResizeRequest, ack?: (res: SimpleAck) => void) => void;
  execStop: (req: ExecStopRequest, ack?: (res: SimpleAck) => void) => void;
}
