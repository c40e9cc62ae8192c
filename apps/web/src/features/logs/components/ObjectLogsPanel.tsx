import type { V1Deployment, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { PageMessage } from '../../../components/notices';
import { workloadSelector } from '../lib/workload-selector';
import { WorkloadLogsPanel } from './WorkloadLogsPanel';

type Workload =
  | { kind: 'deployments'; object: V1Deployment }
  | { kind: 'replicasets'; object: V1ReplicaSet }
  | { kind: 'services'; object: V1Service };

/** The Logs tab of a Deployment, ReplicaSet or Service: the merged logs of the pods it selects. */
export function ObjectLogsPanel(props: Workload) {
  const namespace = props.object.metadata?.namespace ?? '';
  const name = props.object.metadata?.name ?? '';
  const picked = workloadSelector(props);
  if (!picked.ok) return <PageMessage role="status">{picked.message}</PageMessage>;
  return (
    <WorkloadLogsPanel
      // A new selector (edited Deployment, Service) is a new view.
      key={picked.selector}
      namespace={namespace}
      selector={picked.selector}
      fileName={`${namespace}_${name}.log`}
    />
  );
}
