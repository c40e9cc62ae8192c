import { Age } from '../../../components/live-table/Age';
import { Cell, Row, Table, TableNote } from '../../../components/table';
import type { RolloutReplicaSet } from '../lib/rollout-view';

/** The new ReplicaSet and the old ones still running; the scaled-down ones are counted below. */
export function ReplicaSetsTable({ rows }: { rows: readonly RolloutReplicaSet[] }) {
  const scaledDown = rows.filter((r) => !r.isNew && r.desired === 0 && r.current === 0).length;
  return (
    <Table
      label="ReplicaSets"
      headers={['REPLICASET', 'REVISION', 'DESIRED', 'CURRENT', 'READY', 'AVAILABLE', 'IMAGES', 'AGE']}
      testId="replicasets"
      framed
      mono
      footer={
        scaledDown > 0 && (
          <TableNote>{scaledDown} older ReplicaSets scaled to 0 are kept as revision history.</TableNote>
        )
      }
    >
      {rows
        .filter((r) => r.isNew || r.desired > 0 || r.current > 0)
        .map((r) => (
          <Row key={r.uid} testId={`rs-${r.isNew ? 'new' : 'old'}`}>
            <Cell>
              {r.name}{' '}
              <span
                className={`ml-1 rounded px-1 font-sans text-xs ${r.isNew ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200' : 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'}`}
              >
                {r.isNew ? 'new' : 'old'}
              </span>
            </Cell>
            <Cell>{r.revision ?? '—'}</Cell>
            <Cell>{r.desired}</Cell>
            <Cell>{r.current}</Cell>
            <Cell>{r.ready}</Cell>
            <Cell>{r.available}</Cell>
            <Cell className="text-xs">{r.imageList.join(', ')}</Cell>
            <Cell>
              <Age since={r.created} />
            </Cell>
          </Row>
        ))}
    </Table>
  );
}
