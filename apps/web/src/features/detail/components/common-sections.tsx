import type { CoreV1Event, V1ObjectMeta, V1OwnerReference, V1Pod } from '@kubernetes/client-node';
import { toDate } from '@wheelhouse/core';
import { resourceKindOf } from '@wheelhouse/shared-types/constants';
import { useState } from 'react';
import { type ViewableKind, viewKind } from '../../../app/kinds';
import { NodeLink } from '../../../components/kubectl/NodeLink';
import { POD_STATE_HEADERS, podStateCells } from '../../../components/kubectl/pod-cells';
import { Age } from '../../../components/live-table/Age';
import { SimpleTable } from '../../../components/table';
import { describeError } from '../../../lib/api';
import { podRow } from '../../../lib/kubectl/rows';
import { useEvents } from '../api/get-events';
import type { EndpointState } from '../lib/relations';
import { Fields, LabelChips, Muted, ObjectLink, Section } from './ui';

export function OwnerLink({ owner, namespace }: { owner: V1OwnerReference; namespace: string }) {
  // Owners of a kind with a page of its own here link to it.
  const kind = viewKind(resourceKindOf(owner))?.kind;
  return (
    <span>
      {owner.kind}{' '}
      {kind ? (
        <ObjectLink kind={kind} namespace={namespace} name={owner.name} />
      ) : (
        <span className="font-medium">{owner.name}</span>
      )}
      {owner.controller ? <span className="text-slate-500 dark:text-slate-400"> (controller)</span> : null}
    </span>
  );
}

function Annotations({ annotations }: { annotations: Record<string, string> | undefined }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const entries = Object.entries(annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return <span className="text-slate-500 dark:text-slate-400">none</span>;
  return (
    <ul className="space-y-1">
      {entries.map(([key, value]) => {
        const long = value.length > 120;
        const expanded = open.has(key);
        return (
          <li key={key} className="font-mono text-xs">
            <span className="text-slate-500 dark:text-slate-400">{key}: </span>
            <span className="break-all">{long && !expanded ? `${value.slice(0, 120)}…` : value}</span>
            {long && (
              <button
                type="button"
                onClick={() =>
                  setOpen(new Set(expanded ? [...open].filter((k) => k !== key) : [...open, key]))
                }
                className="ml-2 font-sans text-sky-800 hover:underline dark:text-sky-300"
              >
                {expanded ? 'less' : 'more'}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Name, namespace, labels (chips), annotations, owners, age and uid. */
export function MetadataSection({ meta, kind }: { meta: V1ObjectMeta; kind: ViewableKind }) {
  const namespace = meta.namespace ?? '';
  const created = toDate(meta.creationTimestamp);
  return (
    <Section title="Metadata" testId="metadata">
      <Fields
        rows={[
          ['Namespace', namespace],
          [
            'Created',
            created ? (
              <span>
                <Age since={created.getTime()} /> ago{' '}
                <span className="text-slate-500 dark:text-slate-400">({created.toISOString()})</span>
              </span>
            ) : undefined,
          ],
          ['UID', <span className="font-mono text-xs">{meta.uid}</span>],
          [
            'Owners',
            meta.ownerReferences?.length ? (
              <ul>
                {meta.ownerReferences.map((o) => (
                  <li key={o.uid}>
                    <OwnerLink owner={o} namespace={namespace} />
                  </li>
                ))}
              </ul>
            ) : undefined,
          ],
          ['Labels', <LabelChips labels={meta.labels} kind={kind} namespace={namespace} />],
          ['Annotations', <Annotations annotations={meta.annotations} />],
        ]}
      />
    </Section>
  );
}

function eventTime(e: CoreV1Event): number | undefined {
  const t = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  return toDate(t as Date | string | undefined)?.getTime();
}

/** The object's Events, newest first, as at the bottom of `kubectl describe`. */
export function EventsSection({
  kind,
  namespace,
  name,
  version,
}: {
  kind: ViewableKind;
  namespace: string;
  name: string;
  version: string;
}) {
  const query = useEvents(kind, namespace, name, version);
  const items = [...(query.data?.items ?? [])].sort((a, b) => (eventTime(b) ?? 0) - (eventTime(a) ?? 0));
  return (
    <Section title="Events" testId="events">
      {query.status === 'pending' ? (
        <Muted>Loading events…</Muted>
      ) : query.status === 'error' ? (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          Cannot read events: {describeError(query.error).message}
        </p>
      ) : items.length === 0 ? (
        <Muted>No events (the apiserver keeps them for an hour by default).</Muted>
      ) : (
        <SimpleTable
          label="Events"
          headers={['Type', 'Reason', 'Age', 'From', 'Message']}
          rows={items.map((e) => ({
            key: e.metadata?.uid ?? `${e.reason}-${eventTime(e)}`,
            cells: [
              <span
                className={
                  e.type === 'Warning' ? 'font-medium text-amber-700 dark:text-amber-400' : undefined
                }
              >
                {e.type}
              </span>,
              e.reason,
              <span className="whitespace-nowrap tabular-nums">
                <Age since={eventTime(e)} />
                {(e.count ?? 1) > 1 ? ` (×${e.count})` : ''}
              </span>,
              e.source?.component ?? e.reportingComponent ?? '',
              <span className="break-words">{e.message}</span>,
            ],
          }))}
        />
      )}
    </Section>
  );
}

/** Pods as `kubectl get pods -o wide` prints them, with optional endpoint state (Services). */
export function PodsTable({
  pods,
  label,
  endpoints,
}: {
  pods: V1Pod[];
  label: string;
  endpoints?: ReadonlyMap<string, EndpointState>;
}) {
  const headers = ['Name', ...POD_STATE_HEADERS, 'Node'];
  if (endpoints) headers.push('Endpoint');
  return (
    <SimpleTable
      label={label}
      testId="pods-table"
      headers={headers}
      rows={pods.map((pod) => {
        const row = podRow(pod);
        const cells = [
          <ObjectLink kind="pods" namespace={row.namespace} name={row.name} />,
          ...podStateCells(row),
          <NodeLink name={row.node} />,
        ];
        if (endpoints) cells.push(<EndpointBadge state={endpoints.get(row.name)} />);
        return { key: row.uid, cells, testId: `pod-${row.name}` };
      })}
    />
  );
}

/** ready / not ready (serving, terminating) as the EndpointSlice says it. */
export function EndpointBadge({ state }: { state: EndpointState | undefined }) {
  if (!state) return <span className="text-slate-500 dark:text-slate-400">not in endpoints</span>;
  const parts = [state.ready ? 'ready' : 'not ready'];
  if (state.serving !== state.ready) parts.push(state.serving ? 'serving' : 'not serving');
  if (state.terminating) parts.push('terminating');
  return (
    <span
      data-testid="endpoint-state"
      title={`EndpointSlice conditions: ready=${state.ready}, serving=${state.serving}, terminating=${state.terminating}; ${state.addresses.join(', ') || 'no address'}`}
      data-ready={state.ready}
      data-serving={state.serving}
      data-terminating={state.terminating}
      className={`font-medium ${state.ready ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}
    >
      {parts.join(', ')}
    </span>
  );
}
