import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../lib/api';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { rolloutPath } from '../../../lib/paths';
import { consumptionOf, whenSeen } from '../lib/consumption';
import { podsReferencing } from '../lib/relations';
import { PodsTable } from './common-sections';
import { Muted, Section } from './ui';

interface Group {
  /** The Deployment the pods belong to (through their ReplicaSet), if any. */
  deployment: string | undefined;
  pods: string[];
  when: string;
}

/** Pods grouped by owning Deployment and by when they see a change. */
function groups(
  pods: readonly V1Pod[],
  replicaSets: readonly V1ReplicaSet[],
  kind: 'configmaps' | 'secrets',
  name: string,
): Group[] {
  const deploymentOfRs = new Map(
    replicaSets.map((rs) => [
      rs.metadata?.name ?? '',
      rs.metadata?.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment')?.name,
    ]),
  );
  const byKey = new Map<string, Group>();
  for (const pod of pods) {
    const when = whenSeen(consumptionOf(pod.spec, kind, name));
    if (when === '') continue; // imagePullSecrets only: nothing in the pod reads the values
    const rs = pod.metadata?.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet')?.name;
    const deployment = rs === undefined ? undefined : deploymentOfRs.get(rs);
    const key = `${deployment ?? `pod:${pod.metadata?.name}`}\u0000${when}`;
    const group = byKey.get(key) ?? { deployment, pods: [], when };
    group.pods.push(pod.metadata?.name ?? '');
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

/**
 * The Pods that mount or reference this ConfigMap or Secret, live, and when each sees a change
 * (env: after a restart; volume: after the kubelet's sync), with the way to the rollout cockpit of
 * their Deployment to restart it.
 */
export function UsedBy({
  kind,
  namespace,
  name,
}: {
  kind: 'configmaps' | 'secrets';
  namespace: string;
  name: string;
}) {
  const query = useLiveList({ kind: 'pods', namespace });
  const pods = useMemo(
    () => podsReferencing(query.data ? (listItems(query.data) as V1Pod[]) : [], kind, name),
    [query.data, kind, name],
  );
  const rsQuery = useLiveList({ kind: 'replicasets', namespace }, { enabled: pods.length > 0 });
  const when = useMemo(
    () => groups(pods, rsQuery.data ? (listItems(rsQuery.data) as V1ReplicaSet[]) : [], kind, name),
    [pods, rsQuery.data, kind, name],
  );
  return (
    <Section title={`Used by pods (${pods.length})`} testId="used-by">
      {query.status === 'pending' ? (
        <Muted>Loading pods…</Muted>
      ) : query.status === 'error' ? (
        <Muted>Cannot list pods: {describeError(query.error).message}</Muted>
      ) : pods.length === 0 ? (
        <Muted>No pod mounts or references it.</Muted>
      ) : (
        <>
          <PodsTable pods={pods} label="Pods using it" />
          {when.length > 0 && (
            <div className="mt-3 text-sm" data-testid="change-visibility">
              <h3 className="font-medium">When they see a change</h3>
              <ul className="mt-1 space-y-1 text-slate-700 dark:text-slate-300">
                {when.map((g) => (
                  <li key={`${g.deployment ?? g.pods[0]}:${g.when}`}>
                    {g.deployment ? (
                      <>
                        Deployment <span className="font-medium">{g.deployment}</span> ({g.pods.length}{' '}
                        {g.pods.length === 1 ? 'pod' : 'pods'})
                      </>
                    ) : (
                      <>
                        Pod <span className="font-medium">{g.pods[0]}</span>
                      </>
                    )}
                    : {g.when}
                    {g.deployment && g.when.includes('restart') && (
                      <>
                        {' — '}
                        <Link
                          to={rolloutPath(namespace, g.deployment)}
                          className="text-sky-800 underline dark:text-sky-300"
                        >
                          restart it in the rollout cockpit
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
