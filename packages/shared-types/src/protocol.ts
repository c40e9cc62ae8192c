import type { PodListRow } from '@wheelhouse/core';
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
 *  client → server  `subscribe` {context?, kind, namespace?, labelSelector?, shape?}
 *                   ack: {ok: true, subId, items, resourceVersion, progress?} — the snapshot, served
 *                        from the BFF's shared informer cache (no new LIST when the informer is warm)
 *                      | {ok: false, error}
 *  server → client  `events`  {subId, batch, progress?}
 *                                                changes since the snapshot, batched per tick
 *                                                (~50 ms); repeated updates of one object within a
 *                                                tick are coalesced to the last one
 *  server → client  `resync`  {subId, items, resourceVersion, progress?}
 *                                                replace everything held for subId: sent after the
 *                                                informer relisted (410 Gone, apiserver restart) or
 *                                                when this socket fell too far behind (bounded queue)
 *
 * Progressive snapshots. The first viewer of a list the BFF is not watching yet does not wait for
 * the whole LIST: the BFF lists in pages (limit/continue, 500 first), and the ack carries the pages
 * received so far with `progress: {loaded, total?, complete: false}` (`total`: the apiserver's
 * estimate, absent when a label selector is set). Each later page arrives as an `events` batch of
 * ADDED objects with the new `progress`; the last one says `complete: true` (possibly with an empty
 * batch) and from then on `events` are watch changes. A payload without `progress` is complete.
 * Every path ends in what one consistent LIST said: the pages come from one snapshot, the watch
 * starts at its resourceVersion, and when the LIST had to start over (an expired continue token,
 * an apiserver restart) the subscription gets a `resync` with the whole list instead of the
 * completing batch. Warm informers answer with the whole list at once, as before.
 *
 * Objects are slim (@wheelhouse/core slimObject): what lists and live views read; an object's page
 * reads the full object with `GET /api/:kind/:ns/:name`.
 *
 * Shapes. `shape: 'object'` (the default) sends those slim objects. `shape: 'row'` (pods only; any
 * other kind is refused with a 400 naming the field) sends instead, wherever an object would go —
 * ack items, snapshot pages, watch events, resync items — a `PodListRow` (@wheelhouse/core
 * podListRow): what the Pods list prints, computed once per object version in the BFF and shared by
 * every socket, a tenth of the object's bytes or less:
 *
 *   { metadata: {name, namespace, uid, resourceVersion, creationTimestamp},   // as on the object
 *     ready: "1/2", status: "CrashLoopBackOff", restarts: 3, lastRestart?: <epoch ms>,
 *     ip: "10.0.0.5" | "<none>", node, nominatedNode, readinessGates: "1/2" | "<none>" }
 *
 * `metadata` keeps the object's keys, so what keys by uid or compares resourceVersions works on
 * both; a DELETED event carries the row of the object as it was last seen. Views that read more
 * than the list's cells (relations, health, rollout, an object's page) subscribe with objects.
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

/** How a subscription's items travel (see Shapes above). */
export const ListShape = z.enum(['object', 'row']);
export type ListShape = z.infer<typeof ListShape>;
/** The kinds whose lists may be subscribed as rows. */
export const ROW_KINDS: ReadonlySet<Kind> = new Set<Kind>(['pods']);
export type { PodListRow };

export const SubscribeRequest = z.strictObject({
  /** kubeconfig context; the BFF's default context when omitted. */
  context: z.string().min(1).max(253).optional(),
  kind: ResourceKind,
  /** Omit for all namespaces (and for cluster-scoped kinds). */
  namespace: NamespaceName.optional(),
  /** A label selector in kubectl grammar; checked with @wheelhouse/core's parser before use. */
  labelSelector: LabelSelectorText.optional(),
  /** What each item is on the wire: the slim object (default) or, for pods, its list row. */
  shape: ListShape.optional(),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

export const UnsubscribeRequest = z.strictObject({ subId: z.string().min(1).max(64) });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

/** One item of a subscription of kind K in shape S: an object, or (rows of pods) a PodListRow. */
export type WireItem<K extends Kind = Kind, S extends ListShape = ListShape> = S extends 'row'
  ? PodListRow
  : KindObject<K>;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent<K extends Kind = Kind, S extends ListShape = ListShape> {
  type: WatchEventType;
  object: WireItem<K, S>;
}

/** How much of a list has arrived while its first LIST is still loading (see Progressive snapshots). */
export const ListProgress = z.strictObject({
  loaded: z.number().int().min(0),
  /** The apiserver's estimate of the whole list; absent when it gives none (a label selector). */
  total: z.number().int().min(0).optional(),
  complete: z.boolean(),
});
export type ListProgress = z.infer<typeof ListProgress>;

export type SubscribeAck<K extends Kind = Kind, S extends ListShape = ListShape> =
  | { ok: true; subId: string; items: WireItem<K, S>[]; resourceVersion: string; progress?: ListProgress }
  | { ok: false; error: ApiErrorBody };

export type SimpleAck = { ok: true } | { ok: false; error: ApiErrorBody };

export interface EventsPayload {
  subId: string;
  batch: WatchEvent[];
  /** While a progressive snapshot loads: the batch is its next page (ADDED objects). */
  progress?: ListProgress;
}
export interface ResyncPayload {
  subId: string;
  items: WireItem[];
  resourceVersion: string;
  reason: 'relist' | 'slow-consumer';
  /** Incomplete when the socket fell behind while the snapshot was still loading. */
  progress?: ListProgress;
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
