/**
 * Rows of the Namespaces, Nodes and Events views, as `kubectl get namespaces`, `kubectl get nodes
 * -o wide` and `kubectl get events` print them; the semantics are @wheelhouse/core's. Memoised per
 * object like the six kinds' rows (objects in the live cache are immutable).
 */
import type { CoreV1Event, V1Namespace, V1Node } from '@kubernetes/client-node';
import {
  eventCount,
  eventFirstSeen,
  eventLastSeen,
  eventMessage,
  eventObjectText,
  eventSource,
  nodeAddress,
  nodeInfoCells,
  nodeRoles,
  nodeStatus,
} from '@wheelhouse/core';
import { KINDS, type ResourceKind, resourceKindOf } from '@wheelhouse/shared-types/constants';
import { rowBase as base, memo, type ObjectRow } from './rows';

export interface NamespaceRow extends ObjectRow {
  /** STATUS: status.phase, Active or Terminating. */
  status: string;
}

/** `kubectl get namespaces`: NAME, STATUS (the phase), AGE. Its own name is not a namespace column. */
export const namespaceRow = memo((ns: V1Namespace): NamespaceRow => {
  const status = ns.status?.phase ?? '';
  return { ...base(ns.metadata, '', status), status };
});

export interface NodeRow extends ObjectRow {
  status: string;
  roles: string;
  version: string;
  internalIp: string;
  externalIp: string;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
}

/** `kubectl get nodes -o wide`. */
export const nodeRow = memo((node: V1Node): NodeRow => {
  const status = nodeStatus(node);
  const roles = nodeRoles(node);
  const internalIp = nodeAddress(node, 'InternalIP');
  const externalIp = nodeAddress(node, 'ExternalIP');
  const info = nodeInfoCells(node);
  return {
    ...base(node.metadata, '', status, roles, internalIp, externalIp, info.version),
    status,
    roles,
    internalIp,
    externalIp,
    ...info,
  };
});

/** Where an event's object lives in the dashboard, when it has a page for that kind. */
export interface EventTarget {
  kind: ResourceKind;
  namespace: string;
  name: string;
}

export interface EventRow extends ObjectRow {
  /** LAST SEEN (epoch ms), undefined when the event carries no time (kubectl: `<unknown>`). */
  lastSeen: number | undefined;
  firstSeen: number | undefined;
  type: string;
  reason: string;
  /** OBJECT: `pod/web-1`. */
  object: string;
  message: string;
  count: number;
  source: string;
  target: EventTarget | undefined;
}

/**
 * The involved object as one of the dashboard's kinds. Matched on kind and API group when the
 * reference has an apiVersion; the controllers' Node events carry none, so a bare kind is looked
 * up in the core group.
 */
function eventTarget(event: CoreV1Event): EventTarget | undefined {
  const ref = event.involvedObject;
  if (!ref?.name || !ref.kind) return undefined;
  const kind = resourceKindOf({ apiVersion: ref.apiVersion || 'v1', kind: ref.kind });
  if (kind === undefined) return undefined;
  const namespaced = KINDS[kind].namespaced;
  const namespace = ref.namespace || event.metadata?.namespace || '';
  if (namespaced && namespace === '') return undefined;
  return { kind, namespace: namespaced ? namespace : '', name: ref.name };
}

/** `kubectl get events` (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE) plus -o wide's COUNT. */
export const eventRow = memo((event: CoreV1Event): EventRow => {
  const type = event.type ?? '';
  const reason = event.reason ?? '';
  const object = eventObjectText(event);
  const message = eventMessage(event);
  return {
    ...base(event.metadata, event.metadata?.namespace ?? '', type, reason, object, message),
    lastSeen: eventLastSeen(event)?.getTime(),
    firstSeen: eventFirstSeen(event)?.getTime(),
    type,
    reason,
    object,
    message,
    count: eventCount(event),
    source: eventSource(event),
    target: eventTarget(event),
  };
});
