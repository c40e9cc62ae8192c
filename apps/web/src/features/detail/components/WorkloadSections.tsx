import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { revisionOf, rolloutStatus, toDate } from '@wheelhouse/core';
import { useMemo } from 'react';
import { DeploymentStrategy } from '../../../components/DeploymentStrategy';
import { Age } from '../../../components/live-table/Age';
import { SimpleTable } from '../../../components/table';
import { containersAndImages, controllerOf, labelSelectorText } from '../../../lib/kubectl/columns';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { ownedBy, ownedByAny } from '../lib/relations';
import { OwnerLink, PodsTable } from './common-sections';
import { ConditionsTable } from './PodSections';
import { Fields, Muted, ObjectLink, Section, TONE_TEXT } from './ui';

function usePods(namespace: string) {
  const query = useLiveList({ kind: 'pods', namespace });
  return { pods: query.data ? (listItems(query.data) as V1Pod[]) : undefined, query };
}

function useReplicaSets(namespace: string) {
  const query = useLiveList({ kind: 'replicasets', namespace });
  return query.data ? (listItems(query.data) as V1ReplicaSet[]) : undefined;
}

function ReplicaSetsTable({ replicaSets }: { replicaSets: V1ReplicaSet[] }) {
  const sorted = [...replicaSets].sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0));
  return (
    <SimpleTable
      label="ReplicaSets"
      testId="replicasets-table"
      headers={['Name', 'Revision', 'Desired', 'Current', 'Ready', 'Images', 'Age']}
      rows={sorted.map((rs) => ({
        key: rs.metadata?.uid ?? rs.metadata?.name ?? '',
        testId: `rs-${rs.metadata?.name}`,
        cells: [
          <ObjectLink
            kind="replicasets"
            namespace={rs.metadata?.namespace ?? ''}
            name={rs.metadata?.name ?? ''}
          />,
          revisionOf(rs) ?? '',
          rs.spec?.replicas ?? 0,
          rs.status?.replicas ?? 0,
          rs.status?.readyReplicas ?? 0,
          <span className="font-mono text-xs">
            {containersAndImages(rs.spec?.template?.spec?.containers).images}
          </span>,
          <Age since={toDate(rs.metadata?.creationTimestamp)?.getTime()} />,
        ],
      }))}
    />
  );
}

export function DeploymentSections({ deployment: d }: { deployment: V1Deployment }) {
  const namespace = d.metadata?.namespace ?? '';
  const replicaSets = useReplicaSets(namespace);
  const { pods } = usePods(namespace);
  const owned = useMemo(() => ownedBy(replicaSets ?? [], d.metadata?.uid), [replicaSets, d.metadata?.uid]);
  const ownedPods = useMemo(() => {
    const uids = new Set(owned.flatMap((rs) => (rs.metadata?.uid ? [rs.metadata.uid] : [])));
    return ownedByAny(pods ?? [], uids);
  }, [owned, pods]);
  const rollout = rolloutStatus(d);
  const tone = rollout.failed ? 'error' : rollout.done ? 'ok' : 'progress';
  return (
    <>
      <Section title="Rollout" testId="rollout-status">
        <Fields
          rows={[
            [
              'Status',
              <span data-testid="rollout-message" className={`font-medium ${TONE_TEXT[tone]}`}>
                {rollout.message}
              </span>,
            ],
            [
              'Replicas',
              `${d.spec?.replicas ?? 0} desired, ${d.status?.updatedReplicas ?? 0} updated, ${d.status?.readyReplicas ?? 0} ready, ${d.status?.availableReplicas ?? 0} available`,
            ],
            ['Strategy', <DeploymentStrategy deployment={d} />],
            ['Min ready seconds', d.spec?.minReadySeconds ? `${d.spec.minReadySeconds}s` : undefined],
            [
              'Progress deadline',
              d.spec?.progressDeadlineSeconds ? `${d.spec.progressDeadlineSeconds}s` : undefined,
            ],
            ['Revision history limit', d.spec?.revisionHistoryLimit?.toString()],
            ['Selector', <span className="font-mono text-xs">{labelSelectorText(d.spec?.selector)}</span>],
            ['Paused', d.spec?.paused ? 'yes' : undefined],
          ]}
        />
      </Section>
      <Section title="Conditions" testId="conditions">
        <ConditionsTable conditions={d.status?.conditions} />
      </Section>
      <Section title={`ReplicaSets (${owned.length})`} testId="replicasets">
        {replicaSets === undefined ? (
          <Muted>Loading ReplicaSets…</Muted>
        ) : owned.length === 0 ? (
          <Muted>No ReplicaSets.</Muted>
        ) : (
          <ReplicaSetsTable replicaSets={owned} />
        )}
      </Section>
      <Section title={`Pods (${ownedPods.length})`} testId="pods">
        {pods === undefined ? (
          <Muted>Loading pods…</Muted>
        ) : ownedPods.length === 0 ? (
          <Muted>No pods.</Muted>
        ) : (
          <PodsTable pods={ownedPods} label="Pods" />
        )}
      </Section>
    </>
  );
}

export function ReplicaSetSections({ replicaSet: rs }: { replicaSet: V1ReplicaSet }) {
  const namespace = rs.metadata?.namespace ?? '';
  const { pods } = usePods(namespace);
  const owned = useMemo(() => ownedBy(pods ?? [], rs.metadata?.uid), [pods, rs.metadata?.uid]);
  const owner = controllerOf(rs.metadata?.ownerReferences);
  return (
    <>
      <Section title="Replicas" testId="replicas">
        <Fields
          rows={[
            ['Controlled by', owner ? <OwnerLink owner={owner} namespace={namespace} /> : 'none'],
            ['Revision', revisionOf(rs)?.toString()],
            [
              'Replicas',
              `${rs.spec?.replicas ?? 0} desired, ${rs.status?.replicas ?? 0} current, ${rs.status?.readyReplicas ?? 0} ready, ${rs.status?.availableReplicas ?? 0} available`,
            ],
            ['Selector', <span className="font-mono text-xs">{labelSelectorText(rs.spec?.selector)}</span>],
            [
              'Images',
              <span className="font-mono text-xs">
                {containersAndImages(rs.spec?.template?.spec?.containers).images}
              </span>,
            ],
          ]}
        />
      </Section>
      <Section title={`Pods (${owned.length})`} testId="pods">
        {pods === undefined ? (
          <Muted>Loading pods…</Muted>
        ) : owned.length === 0 ? (
          <Muted>No pods.</Muted>
        ) : (
          <PodsTable pods={owned} label="Pods" />
        )}
      </Section>
    </>
  );
}
