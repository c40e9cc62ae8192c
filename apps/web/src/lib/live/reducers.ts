import type { ListProgress, ResyncPayload, WatchEvent, WireItem } from '@wheelhouse/shared-types';

/** The part of a Kubernetes object the reducers read. Every kind on the wire has it. */
export interface ObjectWithMeta {
  metadata?: { uid?: string; name?: string; namespace?: string; resourceVersion?: string };
}

/**
 * What the query cache holds for one live subscription: the objects by `metadata.uid`, and the
 * newest resourceVersion seen (opaque: compared for equality only, never ordered).
 *
 * Reducers keep the identity of every object that did not change, so components can tell a changed
 * row from an unchanged one by reference, and a batch that changes nothing returns the same state.
 */
export interface LiveList<T extends ObjectWithMeta = WireItem> {
  readonly byUid: ReadonlyMap<string, T>;
  readonly resourceVersion: string;
  /** Set while the server is still sending the snapshot in parts: how much has arrived. */
  readonly loading?: { readonly loaded: number; readonly total?: number };
}

/** A payload's progress as the state holds it: undefined once complete (or when never partial). */
function loadingOf(progress: ListProgress | undefined): LiveList['loading'] {
  if (progress === undefined || progress.complete) return undefined;
  return progress.total === undefined
    ? { loaded: progress.loaded }
    : { loaded: progress.loaded, total: progress.total };
}

/** The key an object is held under: its uid, or namespace/name for an object that has none. */
export function objectKey(obj: ObjectWithMeta): string {
  const meta = obj.metadata;
  return meta?.uid ?? `${meta?.namespace ?? ''}/${meta?.name ?? ''}`;
}

function sameVersion(a: ObjectWithMeta, b: ObjectWithMeta): boolean {
  const rv = a.metadata?.resourceVersion;
  return rv !== undefined && rv === b.metadata?.resourceVersion;
}

/** The state a subscribe ack's snapshot starts from (its first part, when `progress` says so). */
export function fromSnapshot<T extends ObjectWithMeta>(
  items: readonly T[],
  resourceVersion: string,
  progress?: ListProgress,
): LiveList<T> {
  const byUid = new Map<string, T>();
  for (const item of items) byUid.set(objectKey(item), item);
  const loading = loadingOf(progress);
  return loading ? { byUid, resourceVersion, loading } : { byUid, resourceVersion };
}

/** One `events` payload as the reducers take it: its batch, and a progressive snapshot's progress. */
export interface EventsPart {
  readonly batch: readonly WatchEvent[];
  /** A progressive snapshot's next part: the batch is its objects, this says how far it is. */
  readonly progress?: ListProgress | undefined;
}

/**
 * Applies one `events` batch. ADDED and MODIFIED both upsert (a MODIFIED for an object we do not
 * hold is an insert, an ADDED for one we hold is an update); DELETED of an unknown object is a
 * no-op. An event carrying the resourceVersion we already hold changes nothing.
 */
export function applyEvents<T extends ObjectWithMeta>(
  state: LiveList<T>,
  batch: readonly WatchEvent[],
  /** A progressive snapshot's next part: the batch is its objects, this says how far it is. */
  progress?: ListProgress,
): LiveList<T> {
  return applyParts(state, [{ batch, progress }]);
}

/**
 * Applies several `events` payloads in order, as one state change: the same result as applying
 * them one by one, with one copy of the map instead of one per payload (at 100,000 pods a
 * progressive snapshot's twenty parts were twenty copies and twenty renders of the whole list).
 */
export function applyParts<T extends ObjectWithMeta>(
  state: LiveList<T>,
  parts: readonly EventsPart[],
): LiveList<T> {
  let next: Map<string, T> | undefined;
  let { resourceVersion, loading } = state;
  /** Whether the result is a new state (a part with progress always makes one). */
  let changed = false;
  for (const { batch, progress } of parts) {
    let partChanged = false;
    for (const event of batch) {
      const object = event.object as T;
      const key = objectKey(object);
      const current = (next ?? state.byUid).get(key);
      if (event.type === 'DELETED') {
        if (current === undefined) continue;
        next ??= new Map(state.byUid);
        next.delete(key);
      } else {
        if (current !== undefined && sameVersion(current, object)) continue;
        next ??= new Map(state.byUid);
        next.set(key, object);
      }
      partChanged = true;
      // A snapshot's parts are not changes: the list's version is the snapshot's, not its objects'.
      if (progress === undefined) resourceVersion = object.metadata?.resourceVersion ?? resourceVersion;
    }
    if (progress !== undefined) {
      loading = loadingOf(progress);
      changed = true;
    } else if (partChanged) {
      // A change outside a snapshot's parts: the list is whole again.
      loading = undefined;
      changed = true;
    }
  }
  if (!changed) return state;
  const byUid = next ?? state.byUid;
  return loading ? { byUid, resourceVersion, loading } : { byUid, resourceVersion };
}

/**
 * Replaces everything held with a full list (a `resync`, or a fresh snapshot after a reconnect).
 * Objects whose resourceVersion did not change keep their identity; if nothing changed at all the
 * previous state is returned as it was.
 */
export function applyResync<T extends ObjectWithMeta>(
  state: LiveList<T> | undefined,
  payload: Pick<ResyncPayload, 'resourceVersion' | 'progress'> & { items: readonly ObjectWithMeta[] },
): LiveList<T> {
  const items = payload.items as readonly T[];
  if (state === undefined) return fromSnapshot(items, payload.resourceVersion, payload.progress);
  const loading = loadingOf(payload.progress);
  const byUid = new Map<string, T>();
  let changed = items.length !== state.byUid.size;
  for (const item of items) {
    const key = objectKey(item);
    const current = state.byUid.get(key);
    if (current !== undefined && sameVersion(current, item)) {
      byUid.set(key, current);
    } else {
      byUid.set(key, item);
      changed = true;
    }
  }
  if (!changed && state.resourceVersion === payload.resourceVersion && !loading && !state.loading)
    return state;
  const kept = changed ? byUid : state.byUid;
  return loading
    ? { byUid: kept, resourceVersion: payload.resourceVersion, loading }
    : { byUid: kept, resourceVersion: payload.resourceVersion };
}

/** The held objects as an array, in the order they arrived. */
export function listItems<T extends ObjectWithMeta>(state: LiveList<T>): T[] {
  return [...state.byUid.values()];
}
