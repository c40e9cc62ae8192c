import { useState } from 'react';
import { Cell, Row, Table, TableNote } from '../../../components/table';
import { useNow } from '../../../lib/clock';
import { EVENTS_SHOWN, eventAge, type RolloutEvent } from '../lib/rollout-events';

/**
 * Events of the Deployment, its ReplicaSets and Pods, newest first (the timeline marks them too),
 * in `kubectl describe`'s columns and ages. A rollout writes dozens (a create, a schedule and a
 * delete per pod): the most recent few are shown, the rest on demand, so the pods and the revision
 * history below stay in reach.
 */
export function RolloutEvents({ events }: { events: readonly RolloutEvent[] }) {
  const now = useNow();
  const [all, setAll] = useState(false);
  if (events.length === 0) {
    return <p className="text-slate-500 text-sm dark:text-slate-400">No events for this rollout.</p>;
  }
  const shown = all ? events : events.slice(0, EVENTS_SHOWN);
  const more = events.length > EVENTS_SHOWN;
  return (
    <Table
      label="Events of the rollout"
      headers={['Type', 'Reason', 'Age', 'From', 'Object', 'Message']}
      framed
      footer={
        more && (
          <TableNote>
            <button
              type="button"
              onClick={() => setAll(!all)}
              aria-expanded={all}
              className="text-sky-700 hover:underline dark:text-sky-300"
              data-testid="rollout-events-toggle"
            >
              {all ? `Show the ${EVENTS_SHOWN} most recent` : `Show all ${events.length} events`}
            </button>
          </TableNote>
        )
      }
    >
      {shown.map((e) => (
        <Row key={e.uid} testId="rollout-event">
          <Cell
            className={
              e.type === 'Warning'
                ? 'whitespace-nowrap font-medium text-rose-700 dark:text-rose-300'
                : 'whitespace-nowrap text-slate-600 dark:text-slate-300'
            }
          >
            {e.type}
          </Cell>
          <Cell className="whitespace-nowrap font-medium">{e.reason}</Cell>
          <Cell className="whitespace-nowrap tabular-nums" mono>
            {eventAge(e, now)}
          </Cell>
          <Cell className="whitespace-nowrap text-slate-600 text-xs dark:text-slate-400">{e.from}</Cell>
          <Cell className="whitespace-nowrap text-slate-600 text-xs dark:text-slate-400" mono>
            {e.object}
          </Cell>
          <Cell className="text-slate-700 dark:text-slate-300">{e.message}</Cell>
        </Row>
      ))}
    </Table>
  );
}
