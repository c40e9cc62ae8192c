import type { CoreV1Event, V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { revisionOf, selectorFromLabelSelector, selectorToString } from '@wheelhouse/core';
import type { DeploymentAction, HistoryResponse } from '@wheelhouse/shared-types';
import { useEffect, useMemo, useState } from 'react';
import { useLiveNotice, useLiveStore } from '../../../lib/live/live-context';
import { liveListOptions, useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { useHistory } from '../api/get-history';
import { usePermissions } from '../api/get-permissions';
import type { ActionPermission } from '../lib/action-rules';
import { type RolloutEvent, rolloutEvents } from '../lib/rollout-events';
import { type RolloutPast, reconstructPast } from '../lib/rollout-past';
import {
  appendSample,
  type RolloutReplicaSet,
  replicaSetRows,
  type Sample,
  sampleOf,
} from '../lib/rollout-view';

export interface Rollout {
  /** The live list the Deployment comes from: its loading and error states are the page's. */
  list: { isPending: boolean; isError: boolean; error: unknown };
  /** Why the data may be behind (connection lost, watch recovering), for the live notice. */
  notice: string | undefined;
  deployment: V1Deployment | undefined;
  /** The ReplicaSets it controls, the new one first. */
  replicaSets: readonly RolloutReplicaSet[];
  /** The Pods of those ReplicaSets. */
  pods: readonly V1Pod[];
  /** Events of the Deployment, its ReplicaSets and Pods, newest first. */
  events: readonly RolloutEvent[];
  /** Pod counts over time, recorded while the page is open. */
  samples: readonly Sample[];
  /** The hour before the page opened, replayed from the scaling Events still kept. */
  past: RolloutPast;
  history: UseQueryResult<HistoryResponse>;
  permissions: Record<DeploymentAction, ActionPermission>;
}

/**
 * Everything the rollout cockpit reads about one Deployment, live: the Deployment from its
 * namespace's list, its ReplicaSets and Pods through a watch narrowed to its selector, the
 * namespace's Events, the revision history (read again whenever a revision appears) and the
 * caller's permissions.
 */
export function useRollout(namespace: string, name: string): Rollout {
  const store = useLiveStore();
  const deployments = useLiveList({ kind: 'deployments', namespace });
  const notice = useLiveNotice({ kind: 'deployments', namespace });
  const deployment = useMemo(
    () => (deployments.data ? listItems(deployments.data).find((x) => x.metadata?.name === name) : undefined),
    [deployments.data, name],
  );
  const selector = useMemo(() => {
    try {
      return deployment ? selectorToString(selectorFromLabelSelector(deployment.spec?.selector)) : undefined;
    } catch {
      return undefined;
    }
  }, [deployment]);
  const replicaSetList = useQuery({
    ...liveListOptions(store, { kind: 'replicasets', namespace, labelSelector: selector }),
    enabled: selector !== undefined,
  });
  const podList = useQuery({
    ...liveListOptions(store, { kind: 'pods', namespace, labelSelector: selector }),
    enabled: selector !== undefined,
  });
  const eventList = useLiveList({ kind: 'events', namespace });

  const replicaSets = useMemo(
    () =>
      deployment && replicaSetList.data
        ? replicaSetRows(deployment, listItems(replicaSetList.data) as V1ReplicaSet[])
        : [],
    [deployment, replicaSetList.data],
  );
  // The selector may match Pods of other owners: keep those of this Deployment's ReplicaSets.
  const pods = useMemo(() => {
    const uids = new Set(replicaSets.map((r) => r.uid));
    return podList.data
      ? (listItems(podList.data) as V1Pod[]).filter((p) =>
          p.metadata?.ownerReferences?.some((o) => uids.has(o.uid)),
        )
      : [];
  }, [podList.data, replicaSets]);
  const events = useMemo(
    () =>
      deployment && eventList.data
        ? rolloutEvents(listItems(eventList.data) as CoreV1Event[], deployment, replicaSets, pods)
        : [],
    [deployment, eventList.data, replicaSets, pods],
  );

  const historyVersion = `${deployment ? revisionOf(deployment) : ''}|${replicaSets.map((r) => `${r.name}:${r.revision}`).join(',')}`;
  const history = useHistory({ namespace, name }, historyVersion, deployment !== undefined);
  const permissions = usePermissions(namespace);

  const [samples, setSamples] = useState<readonly Sample[]>([]);
  useEffect(() => {
    if (deployment && replicaSetList.data)
      setSamples((prev) => appendSample(prev, sampleOf(deployment, replicaSets, Date.now())));
  }, [deployment, replicaSets, replicaSetList.data]);

  // Events are kept an hour by default (kube-apiserver --event-ttl): that is as far back as it goes.
  const opened = samples[0]?.t;
  const past = useMemo(
    () =>
      deployment && opened !== undefined
        ? reconstructPast({
            deployment: name,
            desired: deployment.spec?.replicas ?? 1,
            rows: replicaSets,
            events,
            since: opened - 3_600_000,
            until: opened,
          })
        : { samples: [], revisions: [] },
    [deployment, name, replicaSets, events, opened],
  );

  return {
    list: deployments,
    past,
    notice,
    deployment,
    replicaSets,
    pods,
    events,
    samples,
    history,
    permissions,
  };
}
