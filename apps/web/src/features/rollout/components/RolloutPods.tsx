import type { V1Pod } from '@kubernetes/client-node';
import { podStatus, toDate } from '@wheelhouse/core';
import { Link } from 'react-router';
import { ReadyRatio } from '../../../components/kubectl/ReadyRatio';
import { Restarts } from '../../../components/kubectl/Restarts';
import { Age } from '../../../components/live-table/Age';
import { Cell, Row, Table, TableNote } from '../../../components/table';
import { healthPath } from '../../../lib/paths';
import type { RolloutReplicaSet } from '../lib/rollout-view';

/** The Deployment's Pods by name, each with the revision it runs, linked to its health view. */
export function RolloutPods({
  pods,
  rows,
  namespace,
}: {
  pods: readonly V1Pod[];
  rows: readonly RolloutReplicaSet[];
  namespace: string;
}) {
  const rsOf = (p: V1Pod) => rows.find((r) => p.metadata?.ownerReferences?.some((o) => o.uid === r.uid));
  const sorted = [...pods].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  return (
    <Table
      label="Pods"
      headers={['POD', 'READY', 'STATUS', 'RESTARTS', 'REVISION', 'AGE']}
      testId="rollout-pods"
      framed
      mono
      footer={pods.length === 0 && <TableNote>No pods.</TableNote>}
    >
      {sorted.map((p) => {
        const s = podStatus(p);
        const rs = rsOf(p);
        return (
          <Row key={p.metadata?.uid} testId={`rollout-pod-${p.metadata?.name}`}>
            <Cell>
              <Link
                to={healthPath(namespace, p.metadata?.name ?? '')}
                className="text-sky-700 hover:underline dark:text-sky-400"
                title="Probes and Service membership"
              >
                {p.metadata?.name}
              </Link>
            </Cell>
            <Cell>
              <ReadyRatio ready={s.ready} />
            </Cell>
            <Cell>{s.status}</Cell>
            <Cell>
              <Restarts count={s.restarts} last={s.lastRestart?.getTime()} />
            </Cell>
            <Cell>{rs ? `${rs.revision ?? '?'} (${rs.isNew ? 'new' : 'old'})` : '—'}</Cell>
            <Cell>
              <Age since={toDate(p.metadata?.creationTimestamp)?.getTime()} />
            </Cell>
          </Row>
        );
      })}
    </Table>
  );
}
