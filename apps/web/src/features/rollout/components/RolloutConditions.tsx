import type { V1Deployment } from '@kubernetes/client-node';
import { PROGRESS_DEADLINE_EXCEEDED, toDate } from '@wheelhouse/core';
import { Age } from '../../../components/live-table/Age';
import { Cell, Row, Table } from '../../../components/table';
import { condition } from '../lib/rollout-view';

/** Progressing, Available and ReplicaFailure, the bad reasons in red. */
export function RolloutConditions({ d }: { d: V1Deployment }) {
  const conditions = ['Progressing', 'Available', 'ReplicaFailure']
    .map((t) => condition(d, t))
    .filter((c) => c !== undefined);
  return (
    <Table
      label="Conditions"
      headers={['TYPE', 'STATUS', 'REASON', 'MESSAGE', 'UPDATED']}
      testId="conditions"
      framed
      mono
    >
      {conditions.map((c) => {
        const bad =
          c.reason === PROGRESS_DEADLINE_EXCEEDED ||
          (c.type === 'Available' && c.status !== 'True') ||
          c.type === 'ReplicaFailure';
        return (
          <Row key={c.type} testId={`condition-${c.type}`}>
            <Cell>{c.type}</Cell>
            <Cell>{c.status}</Cell>
            <Cell className={bad ? 'font-semibold text-rose-700 dark:text-rose-400' : undefined}>
              {c.reason}
            </Cell>
            <Cell mono={false}>{c.message}</Cell>
            <Cell>
              <Age since={toDate(c.lastUpdateTime)?.getTime()} />
            </Cell>
          </Row>
        );
      })}
    </Table>
  );
}
