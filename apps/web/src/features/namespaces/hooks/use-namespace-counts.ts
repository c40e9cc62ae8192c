import type { ViewableKind } from '@wheelhouse/shared-types/constants';
import { useMemo } from 'react';
import { describeError } from '../../../lib/api';
import { useLiveList } from '../../../lib/live/live-query';
import type { LiveList, ObjectWithMeta } from '../../../lib/live/reducers';

/** Per kind: objects per namespace, or why they cannot be counted (403 on Secrets in the read-only chart). */
export type NamespaceCounts = Record<
  ViewableKind,
  { counts: ReadonlyMap<string, number> | undefined; error: string | undefined }
>;

interface ListState {
  data: LiveList<ObjectWithMeta> | undefined;
  isError: boolean;
  error: unknown;
}

function countsOf(list: ListState): NamespaceCounts[ViewableKind] {
  if (list.isError) return { counts: undefined, error: describeError(list.error).message };
  if (!list.data) return { counts: undefined, error: undefined };
  const counts = new Map<string, number>();
  for (const obj of list.data.byUid.values()) {
    const ns = obj.metadata?.namespace ?? '';
    counts.set(ns, (counts.get(ns) ?? 0) + 1);
  }
  return { counts, error: undefined };
}

/**
 * How many objects of each of the six kinds every namespace holds, from the all-namespaces live
 * lists (the same subscriptions the lists use across namespaces: no extra watch when one is open).
 * Pods are counted from their rows (`shape: 'row'`, what the Pods list and the palette hold): a
 * count needs only each pod's namespace, and a cluster's pods are the one list big enough for
 * objects to cost hundreds of MiB. One hook call per kind, written out: the kinds are fixed, and
 * each count follows its own list.
 */
export function useNamespaceCounts(): NamespaceCounts {
  const pods = useLiveList({ kind: 'pods', shape: 'row' });
  const deployments = useLiveList({ kind: 'deployments' });
  const replicasets = useLiveList({ kind: 'replicasets' });
  const services = useLiveList({ kind: 'services' });
  const configmaps = useLiveList({ kind: 'configmaps' });
  const secrets = useLiveList({ kind: 'secrets' });
  const p = useMemo(() => countsOf(pods), [pods.data, pods.isError, pods.error]);
  const d = useMemo(() => countsOf(deployments), [deployments.data, deployments.isError, deployments.error]);
  const r = useMemo(() => countsOf(replicasets), [replicasets.data, replicasets.isError, replicasets.error]);
  const s = useMemo(() => countsOf(services), [services.data, services.isError, services.error]);
  const c = useMemo(() => countsOf(configmaps), [configmaps.data, configmaps.isError, configmaps.error]);
  const x = useMemo(() => countsOf(secrets), [secrets.data, secrets.isError, secrets.error]);
  return useMemo(
    () => ({ pods: p, deployments: d, replicasets: r, services: s, configmaps: c, secrets: x }),
    [p, d, r, s, c, x],
  );
}
