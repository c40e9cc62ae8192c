import type { V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';
import { useMemo } from 'react';
import { SimpleTable } from '../../../components/table';
import { describeError } from '../../../lib/api';
import { serviceClusterIp, serviceExternalIp } from '../../../lib/kubectl/columns';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { endpointStates, podsSelectedBy } from '../lib/relations';
import { PodsTable } from './common-sections';
import { Fields, LabelChips, Muted, Section } from './ui';

/** The label the EndpointSlice controller puts on every slice of a Service. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export function ServiceSections({ service: svc }: { service: V1Service }) {
  const namespace = svc.metadata?.namespace ?? '';
  const name = svc.metadata?.name ?? '';
  const podsQuery = useLiveList({ kind: 'pods', namespace });
  // Only this Service's slices, selected on the server.
  const slicesQuery = useLiveList({
    kind: 'endpointslices',
    namespace,
    labelSelector: `${SERVICE_NAME_LABEL}=${name}`,
  });
  const selected = useMemo(
    () => podsSelectedBy(podsQuery.data ? (listItems(podsQuery.data) as V1Pod[]) : [], svc.spec?.selector),
    [podsQuery.data, svc.spec?.selector],
  );
  const endpoints = useMemo(
    () => endpointStates(slicesQuery.data ? (listItems(slicesQuery.data) as V1EndpointSlice[]) : []),
    [slicesQuery.data],
  );
  const readyCount = selected.filter((p) => endpoints.get(p.metadata?.name ?? '')?.ready).length;
  const hasSelector = Object.keys(svc.spec?.selector ?? {}).length > 0;

  return (
    <>
      <Section title="Service" testId="service">
        <Fields
          rows={[
            ['Type', svc.spec?.type ?? 'ClusterIP'],
            ['Cluster IP', <span className="font-mono text-xs">{serviceClusterIp(svc)}</span>],
            ['External IP', serviceExternalIp(svc)],
            ['Session affinity', svc.spec?.sessionAffinity],
            [
              'Selector',
              hasSelector ? (
                <LabelChips labels={svc.spec?.selector} kind="pods" namespace={namespace} />
              ) : (
                'none (endpoints are managed by hand)'
              ),
            ],
          ]}
        />
      </Section>
      <Section title="Ports" testId="ports">
        {svc.spec?.ports?.length ? (
          <SimpleTable
            label="Ports"
            headers={['Name', 'Port', 'Target port', 'Protocol', 'Node port']}
            rows={svc.spec.ports.map((p) => ({
              key: `${p.name ?? ''}-${p.port}-${p.protocol}`,
              cells: [
                p.name ?? '',
                p.port,
                String(p.targetPort ?? p.port),
                p.protocol ?? 'TCP',
                p.nodePort ?? '',
              ],
            }))}
          />
        ) : (
          <Muted>No ports.</Muted>
        )}
      </Section>
      <Section title={`Pods (${readyCount}/${selected.length} ready endpoints)`} testId="service-pods">
        {podsQuery.status === 'pending' ? (
          <Muted>Loading pods…</Muted>
        ) : podsQuery.status === 'error' ? (
          <Muted>Cannot list pods: {describeError(podsQuery.error).message}</Muted>
        ) : selected.length === 0 ? (
          <Muted>{hasSelector ? 'No pods match the selector.' : 'This Service selects no pods.'}</Muted>
        ) : (
          <>
            {slicesQuery.status === 'error' && (
              <Muted>Cannot watch EndpointSlices: {describeError(slicesQuery.error).message}</Muted>
            )}
            <PodsTable pods={selected} label="Selected pods" endpoints={endpoints} />
          </>
        )}
      </Section>
    </>
  );
}
