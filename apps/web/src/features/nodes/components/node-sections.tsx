import type { V1Node } from '@kubernetes/client-node';
import { formatAge, toDate } from '@wheelhouse/core';
import type { PodListRow } from '@wheelhouse/shared-types';
import { Link } from 'react-router';
import { POD_STATE_HEADERS, podStateCells } from '../../../components/kubectl/pod-cells';
import { SimpleTable } from '../../../components/table';
import { describeError } from '../../../lib/api';
import { useNow } from '../../../lib/clock';
import { podRowOf } from '../../../lib/kubectl/rows';
import { detailPath } from '../../../lib/paths';
import { Muted, Section, TONE_TEXT, type Tone } from '../../detail/components/ui';

/** An age as kubectl describe's tables would leave room for it: `<unknown>` without a time. */
function Ago({ at }: { at: Date | string | undefined }) {
  const now = useNow();
  const date = toDate(at);
  if (date === undefined) return <>{'<unknown>'}</>;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className="whitespace-nowrap tabular-nums">
      {formatAge(date, new Date(now))} ago
    </time>
  );
}

/** Ready is good when True; the pressure and unavailability conditions are good when False. */
function conditionTone(type: string, status: string): Tone {
  if (status !== 'True' && status !== 'False') return 'progress';
  return (status === 'True') === (type === 'Ready') ? 'ok' : 'error';
}

/**
 * `kubectl describe node`'s Conditions: type, status, last heartbeat and transition (as ages here,
 * with the time as the tooltip), reason and message. Ready False is the problem; the pressure
 * conditions are fine when False.
 */
export function ConditionsSection({ node }: { node: V1Node }) {
  const conditions = node.status?.conditions ?? [];
  return (
    <Section title="Conditions" testId="node-conditions">
      {conditions.length === 0 ? (
        <Muted>The node has reported no conditions (kubectl STATUS: Unknown).</Muted>
      ) : (
        <SimpleTable
          label="Conditions"
          headers={['Type', 'Status', 'Last heartbeat', 'Last transition', 'Reason', 'Message']}
          rows={conditions.map((c) => ({
            key: c.type,
            testId: `condition-${c.type}`,
            cells: [
              c.type,
              <span className={`font-medium ${TONE_TEXT[conditionTone(c.type, c.status)]}`}>{c.status}</span>,
              <Ago at={c.lastHeartbeatTime} />,
              <Ago at={c.lastTransitionTime} />,
              c.reason ?? '',
              <span className="break-words">{c.message ?? ''}</span>,
            ],
          }))}
        />
      )}
    </Section>
  );
}

/** Capacity and Allocatable side by side, per resource, as describe lists them. */
export function CapacitySection({ node }: { node: V1Node }) {
  const capacity = node.status?.capacity ?? {};
  const allocatable = node.status?.allocatable ?? {};
  const names = [...new Set([...Object.keys(capacity), ...Object.keys(allocatable)])].sort();
  return (
    <Section title="Capacity" testId="node-capacity">
      {names.length === 0 ? (
        <Muted>The node has reported no capacity.</Muted>
      ) : (
        <SimpleTable
          label="Capacity and allocatable"
          headers={['Resource', 'Capacity', 'Allocatable']}
          mono
          rows={names.map((n) => ({
            key: n,
            testId: `capacity-${n}`,
            cells: [n, capacity[n] ?? '', allocatable[n] ?? ''],
          }))}
        />
      )}
    </Section>
  );
}

/**
 * The pods bound to the node (their NODE cell, spec.nodeName), across namespaces, live, each linked
 * to its page: from the rows the BFF computes for the Pods list.
 */
export function NodePodsSection({
  pods,
  error,
}: {
  pods: readonly PodListRow[] | undefined;
  error?: unknown;
}) {
  const rows = (pods ?? [])
    .map(podRowOf)
    .sort((a, b) =>
      a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1,
    );
  return (
    <Section title={`Pods${pods ? ` (${rows.length})` : ''}`} testId="node-pods">
      {error !== undefined ? (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          Cannot list pods in all namespaces: {describeError(error).message}
        </p>
      ) : pods === undefined ? (
        <Muted>Loading pods…</Muted>
      ) : rows.length === 0 ? (
        <Muted>No pods are bound to this node.</Muted>
      ) : (
        <SimpleTable
          label="Pods on this node"
          testId="pods-table"
          headers={['Namespace', 'Name', ...POD_STATE_HEADERS]}
          rows={rows.map((row) => ({
            key: row.uid,
            testId: `pod-${row.name}`,
            cells: [
              row.namespace,
              <Link
                to={detailPath('pods', row.namespace, row.name)}
                className="font-medium text-sky-800 hover:underline dark:text-sky-300"
              >
                {row.name}
              </Link>,
              ...podStateCells(row),
            ],
          }))}
        />
      )}
    </Section>
  );
}
