import type { KubernetesObject, V1Pod } from '@kubernetes/client-node';
import { podListRow } from '@wheelhouse/core';
import type { SubscribeRequest, WireItem } from '@wheelhouse/shared-types';

/**
 * What a subscription sends for each object of the shared informer's cache, by the shape it asked
 * for (protocol.ts, Shapes): the slim object itself, or a pod's list row. Applied when a payload is
 * built (ack, snapshot page, events batch, resync), never to the cache: informers stay shared by
 * every shape, and events are coalesced per object before they are projected.
 */
export type Projection = (obj: KubernetesObject) => WireItem;

/** Sends cached objects as they are (the default shape). */
export const asObject: Projection = (obj) => obj as WireItem;
// Memoised per object in core: the sockets showing a pod share one row per version of it.
const asPodRow: Projection = (obj) => podListRow(obj as V1Pod);

export function projectionOf(req: Pick<SubscribeRequest, 'kind' | 'shape'>): Projection {
  return req.shape === 'row' && req.kind === 'pods' ? asPodRow : asObject;
}
