import type { V1Container, V1ContainerStatus, V1Pod, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { describeProbe, podStatus, toDate } from '@wheelhouse/core';
import { NodeLink } from '../../../components/kubectl/NodeLink';
import { Status } from '../../../components/kubectl/PodStatus';
import { Age } from '../../../components/live-table/Age';
import { SimpleTable } from '../../../components/table';
import { controllerOf } from '../../../lib/kubectl/columns';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { containerStateText, resourceText, volumeSource } from '../lib/pod-details';
import { podReferences, podsSelectedBy } from '../lib/relations';
import { OwnerLink } from './common-sections';
import { ConditionStatus, Fields, Muted, ObjectLink, Section, TONE_TEXT } from './ui';

/** Pod → its controller → that one's controller (ReplicaSet → Deployment), as links. */
function OwnerChain({ pod }: { pod: V1Pod }) {
  const namespace = pod.metadata?.namespace ?? '';
  const owner = controllerOf(pod.metadata?.ownerReferences);
  const replicaSets = useLiveList(
    { kind: 'replicasets', namespace },
    { enabled: owner?.kind === 'ReplicaSet' },
  );
  if (!owner) return <span className="text-slate-500 dark:text-slate-400">none (a bare pod)</span>;
  const rs =
    owner.kind === 'ReplicaSet' && replicaSets.data
      ? (listItems(replicaSets.data) as V1ReplicaSet[]).find((r) => r.metadata?.uid === owner.uid)
      : undefined;
  const grand = controllerOf(rs?.metadata?.ownerReferences);
  return (
    <span data-testid="owner-chain">
      {grand && (
        <>
          <OwnerLink owner={grand} namespace={namespace} />
          <span aria-hidden="true"> → </span>
        </>
      )}
      <OwnerLink owner={owner} namespace={namespace} />
      <span aria-hidden="true"> → </span>
      <span>this pod</span>
    </span>
  );
}

function ContainerCard({
  container,
  status,
  init,
}: {
  container: V1Container;
  status: V1ContainerStatus | undefined;
  init: boolean;
}) {
  const state = containerStateText(status?.state);
  const last = status?.lastState?.terminated;
  const probes = (
    [
      ['Readiness', container.readinessProbe, 'readiness'],
      ['Liveness', container.livenessProbe, 'liveness'],
      ['Startup', container.startupProbe, 'startup'],
    ] as const
  ).filter(([, probe]) => probe !== undefined);
  return (
    <div
      data-testid={`container-${container.name}`}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <h3 className="mb-2 font-medium text-sm">
        {container.name}
        {init && (
          <span className="ml-2 font-normal text-slate-500 text-xs dark:text-slate-400">init container</span>
        )}
      </h3>
      <Fields
        rows={[
          ['Image', <span className="font-mono text-xs">{container.image}</span>],
          ['State', <span className={`font-medium ${TONE_TEXT[state.tone]}`}>{state.text}</span>],
          ['Ready', status ? String(status.ready) : undefined],
          ['Restarts', status ? String(status.restartCount) : undefined],
          [
            'Last termination',
            last ? (
              <span>
                {last.reason ?? 'Error'} (exit {last.exitCode})
                {last.finishedAt && (
                  <>
                    , <Age since={toDate(last.finishedAt as Date | string)?.getTime()} /> ago
                  </>
                )}
              </span>
            ) : undefined,
          ],
          [
            'Ports',
            container.ports?.length
              ? container.ports
                  .map((p) => `${p.name ? `${p.name} ` : ''}${p.containerPort}/${p.protocol ?? 'TCP'}`)
                  .join(', ')
              : undefined,
          ],
          ['Requests', resourceText(container.resources?.requests)],
          ['Limits', resourceText(container.resources?.limits)],
          ...probes.map(([label, probe, kind]): [string, string] => [
            label,
            probe ? describeProbe(probe, container, kind) : '',
          ]),
        ]}
      />
    </div>
  );
}

/** The ConfigMaps and Secrets the pod mounts or reads (volumes, env, envFrom, imagePullSecrets), as links. */
function Uses({ pod }: { pod: V1Pod }) {
  const namespace = pod.metadata?.namespace ?? '';
  const refs = podReferences(pod.spec);
  const links = [
    ...[...refs.configMaps].sort().map((name) => ({ kind: 'configmaps' as const, label: 'ConfigMap', name })),
    ...[...refs.secrets].sort().map((name) => ({ kind: 'secrets' as const, label: 'Secret', name })),
  ];
  if (links.length === 0)
    return <span className="text-slate-500 dark:text-slate-400">no ConfigMaps or Secrets</span>;
  return (
    <ul data-testid="pod-uses" className="flex flex-wrap gap-x-4 gap-y-1">
      {links.map((l) => (
        <li key={`${l.kind}/${l.name}`}>
          {l.label} <ObjectLink kind={l.kind} namespace={namespace} name={l.name} />
        </li>
      ))}
    </ul>
  );
}

/** The Services whose selector picks this pod, live. */
function SelectedBy({ pod }: { pod: V1Pod }) {
  const namespace = pod.metadata?.namespace ?? '';
  const query = useLiveList({ kind: 'services', namespace });
  if (!query.data) return <span className="text-slate-500 dark:text-slate-400">…</span>;
  const services = (listItems(query.data) as V1Service[])
    .filter((svc) => podsSelectedBy([pod], svc.spec?.selector).length > 0)
    .map((svc) => svc.metadata?.name ?? '')
    .sort();
  if (services.length === 0)
    return <span className="text-slate-500 dark:text-slate-400">no Service selects it</span>;
  return (
    <ul data-testid="pod-services" className="flex flex-wrap gap-x-4 gap-y-1">
      {services.map((name) => (
        <li key={name}>
          <ObjectLink kind="services" namespace={namespace} name={name} />
        </li>
      ))}
    </ul>
  );
}

export function PodSections({ pod }: { pod: V1Pod }) {
  const namespace = pod.metadata?.namespace ?? '';
  const summary = podStatus(pod);
  const statuses = new Map<string, V1ContainerStatus>();
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    statuses.set(s.name, s);
  }
  return (
    <>
      <Section title="Status" testId="pod-status">
        <Fields
          rows={[
            ['Status', <Status status={summary.status} />],
            ['Ready', summary.ready],
            ['Controlled by', <OwnerChain pod={pod} />],
            ['Uses', <Uses pod={pod} />],
            ['Services', <SelectedBy pod={pod} />],
            ['Node', pod.spec?.nodeName ? <NodeLink name={pod.spec.nodeName} /> : 'not scheduled'],
            [
              'Pod IP',
              pod.status?.podIP ? <span className="font-mono text-xs">{pod.status.podIP}</span> : undefined,
            ],
            ['QoS class', pod.status?.qosClass],
            ['Service account', pod.spec?.serviceAccountName],
          ]}
        />
      </Section>
      <Section title="Containers" testId="containers">
        <div className="grid gap-3 lg:grid-cols-2">
          {(pod.spec?.initContainers ?? []).map((c) => (
            <ContainerCard key={`init-${c.name}`} container={c} status={statuses.get(c.name)} init />
          ))}
          {(pod.spec?.containers ?? []).map((c) => (
            <ContainerCard key={c.name} container={c} status={statuses.get(c.name)} init={false} />
          ))}
        </div>
      </Section>
      <Section title="Volumes" testId="volumes">
        {pod.spec?.volumes?.length ? (
          <SimpleTable
            label="Volumes"
            headers={['Name', 'Type', 'Source']}
            rows={pod.spec.volumes.map((v) => {
              const source = volumeSource(v);
              return {
                key: v.name,
                cells: [
                  v.name,
                  source.type,
                  source.target?.name ? (
                    <ObjectLink kind={source.target.kind} namespace={namespace} name={source.target.name} />
                  ) : (
                    ''
                  ),
                ],
              };
            })}
          />
        ) : (
          <Muted>No volumes.</Muted>
        )}
      </Section>
      <Section title="Conditions" testId="conditions">
        <ConditionsTable conditions={pod.status?.conditions} />
      </Section>
    </>
  );
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Date | string;
}

export function ConditionsTable({ conditions }: { conditions: Condition[] | undefined }) {
  if (!conditions?.length) return <Muted>No conditions reported.</Muted>;
  return (
    <SimpleTable
      label="Conditions"
      headers={['Type', 'Status', 'Reason', 'Since', 'Message']}
      rows={conditions.map((c) => ({
        key: c.type,
        testId: `condition-${c.type}`,
        cells: [
          c.type,
          <ConditionStatus status={c.status} />,
          c.reason ?? '',
          c.lastTransitionTime ? <Age since={toDate(c.lastTransitionTime)?.getTime()} /> : '',
          <span className="break-words">{c.message ?? ''}</span>,
        ],
      }))}
    />
  );
}
