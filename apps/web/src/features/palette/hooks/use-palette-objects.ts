import { useQueries } from '@tanstack/react-query';
import type { ListShape } from '@wheelhouse/shared-types';
import { KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';
import { useMemo } from 'react';
import { useLiveStore } from '../../../lib/live/live-context';
import { liveListOptions } from '../../../lib/live/live-query';
import type { LiveList, ObjectWithMeta } from '../../../lib/live/reducers';
import type { FoundObject } from '../lib/search';

/** The kinds the palette finds objects of: the six the dashboard shows. */
export const SEARCHED_KINDS = [
  'pods',
  'deployments',
  'replicasets',
  'services',
  'configmaps',
  'secrets',
] as const satisfies readonly ViewableKind[];

/**
 * How each kind is held: pods as the Pods list's rows (a name and a namespace is all the palette
 * reads, and the rows are a tenth of the objects' bytes), so the palette, the all-namespaces Pods
 * list and the Namespaces counts share one cache entry and one subscription; the rest as objects,
 * shared with their lists.
 */
const SEARCHED_SHAPE = {
  pods: 'row',
  deployments: 'object',
  replicasets: 'object',
  services: 'object',
  configmaps: 'object',
  secrets: 'object',
} as const satisfies Record<(typeof SEARCHED_KINDS)[number], ListShape>;

// Names per list, computed once per list state: the reducers keep a list's identity while nothing
// in it changes, so an event for one kind does not re-read the others.
const namesOf = new WeakMap<LiveList<ObjectWithMeta>, FoundObject[]>();

function found(kind: ViewableKind, list: LiveList<ObjectWithMeta>): FoundObject[] {
  let names = namesOf.get(list);
  if (names === undefined) {
    names = [];
    for (const object of list.byUid.values()) {
      const { name, namespace } = object.metadata ?? {};
      if (name) names.push({ kind, namespace: namespace ?? '', name });
    }
    namesOf.set(list, names);
  }
  return names;
}

export interface PaletteObjects {
  objects: FoundObject[];
  namespaces: string[];
  /** Lists still arriving ("pods"), and lists that failed, with the server's message. */
  loading: string[];
  failed: { noun: string; message: string }[];
}

/**
 * Every object of the searched kinds, in all namespaces, from the tab's live store: the palette
 * observes the same all-namespaces entries the lists use (one subscription per kind, in the shape
 * its list holds, shared with any view already showing it), while it is open; the store drops them a few seconds after it
 * closes (the live cache's gcTime), so reopening soon finds them warm. Typing never subscribes.
 */
export function usePaletteObjects(): PaletteObjects {
  const store = useLiveStore();
  const lists = useQueries({
    queries: SEARCHED_KINDS.map((kind) => liveListOptions(store, { kind, shape: SEARCHED_SHAPE[kind] })),
  });
  const data = lists.map((list) => list.data as LiveList<ObjectWithMeta> | undefined);
  const objects = useMemo(
    () => SEARCHED_KINDS.flatMap((kind, i) => (data[i] ? found(kind, data[i]) : [])),
    data,
  );
  const namespaces = useMemo(
    () => [...new Set(objects.map((o) => o.namespace))].filter(Boolean).sort(),
    [objects],
  );
  const loading: string[] = [];
  const failed: PaletteObjects['failed'] = [];
  SEARCHED_KINDS.forEach((kind, i) => {
    const list = lists[i];
    if (list?.error) failed.push({ noun: KINDS[kind].view.noun, message: list.error.message });
    else if (list?.data === undefined) loading.push(KINDS[kind].view.noun);
  });
  return { objects, namespaces, loading, failed };
}
