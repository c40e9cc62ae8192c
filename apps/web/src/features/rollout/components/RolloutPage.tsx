import type { CoreV1Event, V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { useQuery } from '@tanstack/react-query';
import {
  podStatus,
  resolveRollingUpdate,
  revisionOf,
  rolloutStatus,
  selectorFromLabelSelector,
  selectorToString,
  toDate,
} from '@wheelhouse/core';
import type { DeploymentAction, DeploymentRevision } from '@wheelhouse/shared-types';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Age } from '../../../components/live-table/Age';
import { objectPageState, PanelSection } from '../../../components/object-page';
import { describeError } from '../../../lib/api';
import { useNow } from '../../../lib/clock';
import { useLiveNotice, useLiveStore } from '../../../lib/live/live-context';
import { liveListOptions, useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { useHistory } from '../api/get-history';
import { type ActionPermission, usePermissions } from '../api/get-permissions';
import {
  appendSample,
  condition,
  deadlineOf,
  progressOf,
  type RolloutEvent,
  type RolloutReplicaSet,
  replicaSetRows,
  rolloutEvents,
  type Sample,
  sampleOf,
} from '../lib/rollout-view';
import { ActionDialog, type DialogRequest, secondaryButton } from './ActionDialog';
import { TemplateDiff } from './TemplateDiff';
import { Timeline } from './Timeline';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-500 text-xs dark:text-slate-400">{label}</dt>
      <dd className="font-mono text-sm" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const th = 'px-3 py-1.5 text-left font-medium text-slate-500 text-xs dark:text-slate-400';
const td = 'px-3 py-1.5 font-mono text-sm tabular-nums';
const tableBox = 'overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800';

function RolloutStatusCard({ d, rows }: { d: V1Deployment; rows: readonly RolloutReplicaSet[] }) {
  const status = rolloutStatus(d);
  const progress = progressOf(d, rows);
  const paused = d.spec?.paused === true;
  const tone = status.failed
    ? 'border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/40'
    : paused && !status.done
      ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
      : status.done
        ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40'
        : 'border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40';
  const bar = status.failed
    ? 'bg-rose-500'
    : status.done
      ? 'bg-emerald-500'
      : paused
        ? 'bg-amber-500'
        : 'bg-sky-500';
  return (
    <div className={`space-y-2 rounded-lg border p-4 ${tone}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span
          className={`rounded px-1.5 py-0.5 font-semibold text-white text-xs uppercase ${
            status.failed
              ? 'bg-rose-700'
              : paused
                ? 'bg-amber-700'
                : status.done
                  ? 'bg-emerald-700'
                  : 'bg-sky-700'
          }`}
          data-testid="rollout-state"
        >
          {status.failed ? 'failed' : paused ? 'paused' : status.done ? 'complete' : 'in progress'}
        </span>
        <p className="font-mono text-sm" data-testid="rollout-status" aria-live="polite">
          {status.failed ? `error: ${status.message}` : status.message}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="New replicas available"
        aria-valuemin={0}
        aria-valuemax={progress.desired}
        aria-valuenow={progress.available}
        className="h-2 overflow-hidden rounded-full bg-white/70 dark:bg-slate-800"
      >
        <div
          className={`h-full transition-[width] duration-500 ${bar}`}
          style={{ width: `${progress.fraction * 100}%` }}
        />
      </div>
      <p className="text-slate-600 text-xs dark:text-slate-400" data-testid="rollout-progress">
        {progress.available} of {progress.desired} desired replicas available on the new ReplicaSet
      </p>
    </div>
  );
}

function Deadline({ d }: { d: V1Deployment }) {
  const now = useNow();
  const deadline = deadlineOf(d, rolloutStatus(d).done, now);
  switch (deadline.state) {
    case 'exceeded':
      return (
        <span className="font-semibold text-rose-700 dark:text-rose-400" data-testid="deadline">
          exceeded ({PROGRESS_TEXT}) — the rollout has failed
        </span>
      );
    case 'counting':
      return (
        <span
          data-testid="deadline"
          className={deadline.secondsLeft < 30 ? 'text-amber-700 dark:text-amber-400' : ''}
        >
          {deadline.secondsLeft > 0
            ? `${deadline.secondsLeft}s left of ${d.spec?.progressDeadlineSeconds}s without progress`
            : `passed (${d.spec?.progressDeadlineSeconds}s without progress): the controller marks it failed on its next sync`}
        </span>
      );
    case 'paused':
      return <span data-testid="deadline">not counting while paused</span>;
    case 'complete':
      return (
        <span data-testid="deadline">
          met
          {rolloutStatus(d).done
            ? ''
            : ' (the new ReplicaSet was available once; the controller no longer times it)'}
        </span>
      );
    case 'none':
      return <span data-testid="deadline">—</span>;
  }
}
const PROGRESS_TEXT = 'ProgressDeadlineExceeded';

function Strategy({ d }: { d: V1Deployment }) {
  const type = d.spec?.strategy?.type ?? 'RollingUpdate';
  let budget: ReturnType<typeof resolveRollingUpdate> | undefined;
  try {
    budget = resolveRollingUpdate(d);
  } catch {
    budget = undefined;
  }
  const ru = d.spec?.strategy?.rollingUpdate;
  if (type === 'Recreate')
    return <span data-testid="strategy">Recreate (all old pods stop before new ones start)</span>;
  return (
    <span data-testid="strategy">
      RollingUpdate: maxSurge {String(ru?.maxSurge ?? '25%')} → {budget?.maxSurge ?? '?'} pod
      {budget?.maxSurge === 1 ? '' : 's'}, maxUnavailable {String(ru?.maxUnavailable ?? '25%')} →{' '}
      {budget?.maxUnavailable ?? '?'} pod{budget?.maxUnavailable === 1 ? '' : 's'}
    </span>
  );
}

function Conditions({ d }: { d: V1Deployment }) {
  const conds = ['Progressing', 'Available', 'ReplicaFailure']
    .map((t) => condition(d, t))
    .filter((c) => c !== undefined);
  return (
    <div className={tableBox}>
      <table className="w-full" data-testid="conditions">
        <thead>
          <tr>
            <th className={th}>TYPE</th>
            <th className={th}>STATUS</th>
            <th className={th}>REASON</th>
            <th className={th}>MESSAGE</th>
            <th className={th}>UPDATED</th>
          </tr>
        </thead>
        <tbody>
          {conds.map((c) => {
            const bad =
              c.reason === PROGRESS_TEXT ||
              (c.type === 'Available' && c.status !== 'True') ||
              c.type === 'ReplicaFailure';
            return (
              <tr
                key={c.type}
                className="border-slate-100 border-t dark:border-slate-800"
                data-testid={`condition-${c.type}`}
              >
                <td className={td}>{c.type}</td>
                <td className={td}>{c.status}</td>
                <td className={`${td} ${bad ? 'font-semibold text-rose-700 dark:text-rose-400' : ''}`}>
                  {c.reason}
                </td>
                <td className="px-3 py-1.5 text-sm">{c.message}</td>
                <td className={td}>
                  <Age since={toDate(c.lastUpdateTime)?.getTime()} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReplicaSets({ rows }: { rows: readonly RolloutReplicaSet[] }) {
  return (
    <div className={tableBox}>
      <table className="w-full" data-testid="replicasets">
        <thead>
          <tr>
            <th className={th}>REPLICASET</th>
            <th className={th}>REVISION</th>
            <th className={th}>DESIRED</th>
            <th className={th}>CURRENT</th>
            <th className={th}>READY</th>
            <th className={th}>AVAILABLE</th>
            <th className={th}>IMAGES</th>
            <th className={th}>AGE</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => r.isNew || r.desired > 0 || r.current > 0)
            .map((r) => (
              <tr
                key={r.uid}
                className="border-slate-100 border-t dark:border-slate-800"
                data-testid={`rs-${r.isNew ? 'new' : 'old'}`}
              >
                <td className={td}>
                  {r.name}{' '}
                  <span
                    className={`ml-1 rounded px-1 font-sans text-xs ${r.isNew ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200' : 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'}`}
                  >
                    {r.isNew ? 'new' : 'old'}
                  </span>
                </td>
                <td className={td}>{r.revision ?? '—'}</td>
                <td className={td}>{r.desired}</td>
                <td className={td}>{r.current}</td>
                <td className={td}>{r.ready}</td>
                <td className={td}>{r.available}</td>
                <td className={`${td} text-xs`}>{r.imageList.join(', ')}</td>
                <td className={td}>
                  <Age since={r.created} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {rows.some((r) => !r.isNew && r.desired === 0 && r.current === 0) && (
        <p className="border-slate-100 border-t px-3 py-1.5 text-slate-500 text-xs dark:border-slate-800">
          {rows.filter((r) => !r.isNew && r.desired === 0 && r.current === 0).length} older ReplicaSets scaled
          to 0 are kept as revision history.
        </p>
      )}
    </div>
  );
}

function Pods({
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
    <div className={tableBox}>
      <table className="w-full" data-testid="rollout-pods">
        <thead>
          <tr>
            <th className={th}>POD</th>
            <th className={th}>READY</th>
            <th className={th}>STATUS</th>
            <th className={th}>RESTARTS</th>
            <th className={th}>REVISION</th>
            <th className={th}>AGE</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => {
            const s = podStatus(p);
            const rs = rsOf(p);
            return (
              <tr key={p.metadata?.uid} className="border-slate-100 border-t dark:border-slate-800">
                <td className={td}>
                  <Link
                    to={`/pods/${namespace}/${p.metadata?.name}/health`}
                    className="text-sky-700 hover:underline dark:text-sky-400"
                    title="Probes and Service membership"
                  >
                    {p.metadata?.name}
                  </Link>
                </td>
                <td className={td}>{s.ready}</td>
                <td className={td}>{s.status}</td>
                <td className={td}>{s.restarts}</td>
                <td className={td}>{rs ? `${rs.revision ?? '?'} (${rs.isNew ? 'new' : 'old'})` : '—'}</td>
                <td className={td}>
                  <Age since={toDate(p.metadata?.creationTimestamp)?.getTime()} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pods.length === 0 && <p className="px-3 py-2 text-slate-500 text-sm">No pods.</p>}
    </div>
  );
}

function History({
  revisions,
  canUndo,
  onUndo,
}: {
  revisions: readonly DeploymentRevision[];
  canUndo: ActionPermission;
  onUndo: (revision: number) => void;
}) {
  const current = revisions.find((r) => r.current);
  const previous = [...revisions].filter((r) => !r.current).sort((a, b) => b.revision - a.revision)[0];
  const [fromRev, setFromRev] = useState<number | undefined>();
  const [toRev, setToRev] = useState<number | undefined>();
  const from = revisions.find((r) => r.revision === (fromRev ?? previous?.revision));
  const to = revisions.find((r) => r.revision === (toRev ?? current?.revision));
  const select = (value: number | undefined, set: (n: number) => void, label: string) => (
    <label className="text-sm">
      {label}{' '}
      <select
        value={value ?? ''}
        onChange={(e) => set(Number(e.target.value))}
        className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        data-testid={`diff-${label}`}
      >
        {revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            {r.revision}
            {r.current ? ' (current)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-3">
      <div className={tableBox}>
        <table className="w-full" data-testid="history">
          <thead>
            <tr>
              <th className={th}>REVISION</th>
              <th className={th}>CHANGE-CAUSE</th>
              <th className={th}>IMAGES</th>
              <th className={th}>REPLICASET</th>
              <th className={th}>CREATED</th>
              <th className={th} />
            </tr>
          </thead>
          <tbody>
            {[...revisions].reverse().map((r) => (
              <tr
                key={r.revision}
                className="border-slate-100 border-t dark:border-slate-800"
                data-testid={`revision-${r.revision}`}
              >
                <td className={td}>
                  {r.revision}
                  {r.current && (
                    <span className="ml-2 rounded bg-emerald-100 px-1 font-sans text-emerald-800 text-xs dark:bg-emerald-900 dark:text-emerald-200">
                      current
                    </span>
                  )}
                </td>
                <td className="px-3 py-1.5 text-sm">
                  {r.changeCause ?? <span className="text-slate-400">&lt;none&gt;</span>}
                </td>
                <td className={`${td} text-xs`}>{r.images.join(', ')}</td>
                <td className={`${td} text-xs`}>{r.replicaSet}</td>
                <td className={td}>
                  <Age since={r.createdAt ? Date.parse(r.createdAt) : undefined} />
                </td>
                <td className="px-3 py-1 text-right">
                  {!r.current && (
                    <button
                      type="button"
                      className={`${secondaryButton} whitespace-nowrap !py-0.5 text-xs`}
                      disabled={canUndo.allowed === false}
                      title={
                        canUndo.allowed === false ? canUndo.reason : `Roll back to revision ${r.revision}`
                      }
                      onClick={() => onUndo(r.revision)}
                      data-testid={`undo-to-${r.revision}`}
                    >
                      Roll back to this
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {revisions.length > 1 && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm">Compare pod templates:</span>
            {select(from?.revision, setFromRev, 'from')}
            {select(to?.revision, setToRev, 'to')}
          </div>
          <TemplateDiff
            from={from?.template}
            to={to?.template}
            fromLabel={`revision ${from?.revision ?? '?'}`}
            toLabel={`revision ${to?.revision ?? '?'}`}
          />
        </div>
      )}
    </div>
  );
}

const ACTION_BUTTONS: Array<{ action: DeploymentAction; label: string }> = [
  { action: 'scale', label: 'Scale…' },
  { action: 'restart', label: 'Restart…' },
  { action: 'pause', label: 'Pause…' },
  { action: 'resume', label: 'Resume…' },
  { action: 'undo', label: 'Undo…' },
  { action: 'image', label: 'Set image…' },
];

/** Why an action can't be taken right now, or undefined when it can. */
function blockedReason(
  action: DeploymentAction,
  d: V1Deployment,
  permission: ActionPermission,
  history: readonly DeploymentRevision[] | undefined,
): string | undefined {
  if (permission.allowed === false) return permission.reason;
  const paused = d.spec?.paused === true;
  if (action === 'pause' && paused) return 'Already paused';
  if (action === 'resume' && !paused) return 'Not paused';
  if ((action === 'restart' || action === 'undo') && paused) return 'Resume the rollout first';
  if (action === 'undo' && history !== undefined && history.every((r) => r.current))
    return 'No earlier revision';
  return undefined;
}

/** `/deployments/:namespace/:name/rollout`: one Deployment's rollout, live, with its actions. */
/** Events of the Deployment, its ReplicaSets and Pods, newest first (the timeline marks them too). */
function RolloutEvents({ events }: { events: readonly RolloutEvent[] }) {
  if (events.length === 0) {
    return <p className="text-slate-500 text-sm dark:text-slate-400">No events for this rollout.</p>;
  }
  return (
    <ul className="space-y-1 text-sm">
      {events.slice(0, 50).map((e) => (
        <li key={e.uid} className="flex flex-wrap gap-x-3" data-testid="rollout-event">
          <span className="w-16 shrink-0 text-slate-500 tabular-nums dark:text-slate-400">
            {e.t ? new Date(e.t).toLocaleTimeString() : ''}
          </span>
          <span
            className={
              e.type === 'Warning'
                ? 'font-medium text-rose-700 dark:text-rose-300'
                : 'text-slate-600 dark:text-slate-300'
            }
          >
            {e.type}
          </span>
          <span className="font-medium">{e.reason}</span>
          <span className="font-mono text-slate-600 text-xs dark:text-slate-400">{e.object}</span>
          <span className="min-w-0 basis-full pl-[4.75rem] text-slate-700 dark:text-slate-300">
            {e.message}
            {e.count > 1 ? ` (×${e.count})` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function RolloutPage() {
  const { namespace = '', name = '' } = useParams();
  const store = useLiveStore();
  const deployments = useLiveList({ kind: 'deployments', namespace });
  const notice = useLiveNotice({ kind: 'deployments', namespace });
  const d = useMemo(
    () => (deployments.data ? listItems(deployments.data).find((x) => x.metadata?.name === name) : undefined),
    [deployments.data, name],
  );
  const selector = useMemo(() => {
    try {
      return d ? selectorToString(selectorFromLabelSelector(d.spec?.selector)) : undefined;
    } catch {
      return undefined;
    }
  }, [d]);
  const replicaSets = useQuery({
    ...liveListOptions(store, { kind: 'replicasets', namespace, labelSelector: selector }),
    enabled: selector !== undefined,
  });
  const pods = useQuery({
    ...liveListOptions(store, { kind: 'pods', namespace, labelSelector: selector }),
    enabled: selector !== undefined,
  });
  const rows = useMemo(
    () => (d && replicaSets.data ? replicaSetRows(d, listItems(replicaSets.data) as V1ReplicaSet[]) : []),
    [d, replicaSets.data],
  );
  const ownedPods = useMemo(() => {
    const uids = new Set(rows.map((r) => r.uid));
    return pods.data
      ? (listItems(pods.data) as V1Pod[]).filter((p) =>
          p.metadata?.ownerReferences?.some((o) => uids.has(o.uid)),
        )
      : [];
  }, [pods.data, rows]);

  const eventList = useLiveList({ kind: 'events', namespace });
  const events = useMemo(
    () =>
      d && eventList.data
        ? rolloutEvents(listItems(eventList.data) as CoreV1Event[], d, rows, ownedPods)
        : [],
    [d, eventList.data, rows, ownedPods],
  );

  const historyVersion = `${d ? revisionOf(d) : ''}|${rows.map((r) => `${r.name}:${r.revision}`).join(',')}`;
  const history = useHistory({ namespace, name }, historyVersion, d !== undefined);
  const permissions = usePermissions(namespace);

  const [samples, setSamples] = useState<readonly Sample[]>([]);
  useEffect(() => {
    if (d && replicaSets.data) setSamples((prev) => appendSample(prev, sampleOf(d, rows, Date.now())));
  }, [d, rows, replicaSets.data]);

  const [dialog, setDialog] = useState<DialogRequest | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const title = `deployment/${name}`;
  const state = objectPageState(
    deployments,
    title,
    d !== undefined,
    `There is no deployment ${name} in namespace ${namespace} (it may have been deleted).`,
  );
  if (state !== undefined || d === undefined) return state;

  const budget = (() => {
    try {
      return resolveRollingUpdate(d);
    } catch {
      return { maxSurge: 0, maxUnavailable: 0 };
    }
  })();
  const generation = d.metadata?.generation ?? 0;
  const observed = d.status?.observedGeneration ?? 0;
  const blocked = ACTION_BUTTONS.map((b) => ({
    ...b,
    reason: blockedReason(b.action, d, permissions[b.action], history.data?.revisions),
  }));

  // Why buttons are disabled, in words (the obvious pause/resume toggling aside).
  const notes = [
    ...new Set(
      blocked
        .filter((b) => b.reason !== undefined && b.reason !== 'Already paused' && b.reason !== 'Not paused')
        .map((b) => `${b.label.replace('…', '')}: ${b.reason}`),
    ),
  ];

  return (
    <div className="min-h-0 flex-1 space-y-6 overflow-y-auto px-4 py-4" data-testid="rollout-page">
      <title>{`${title} rollout · ${namespace} — Wheelhouse`}</title>
      <div className="flex flex-wrap items-baseline gap-2">
        <h1 className="font-semibold text-lg tracking-tight">{title}</h1>
        <span className="text-slate-500 text-sm dark:text-slate-400">rollout in namespace {namespace}</span>
        <Link
          to={`/deployments?ns=${namespace}`}
          className="ml-auto text-sky-700 text-sm hover:underline dark:text-sky-400"
        >
          All deployments
        </Link>
      </div>
      {notice && (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 text-sm dark:bg-amber-950/40 dark:text-amber-200"
        >
          {notice}
        </p>
      )}
      <RolloutStatusCard d={d} rows={rows} />

      <div className="flex flex-wrap gap-2" data-testid="actions">
        {blocked.map((b) => (
          <button
            key={b.action}
            type="button"
            className={secondaryButton}
            disabled={b.reason !== undefined}
            title={b.reason}
            aria-describedby={b.reason ? `why-${b.action}` : undefined}
            onClick={() => {
              setDone(undefined);
              setDialog({ action: b.action });
            }}
            data-testid={`action-${b.action}`}
          >
            {b.label}
          </button>
        ))}
      </div>
      {notes.length > 0 && (
        <ul className="space-y-0.5 text-slate-500 text-xs" data-testid="blocked-reasons">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {done && (
        <p role="status" className="text-emerald-700 text-sm dark:text-emerald-400" data-testid="action-done">
          {done}
        </p>
      )}

      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label="Replicas (desired / updated / ready / available)" testId="replica-counts">
          {d.spec?.replicas ?? 1} / {d.status?.updatedReplicas ?? 0} / {d.status?.readyReplicas ?? 0} /{' '}
          {d.status?.availableReplicas ?? 0}
        </Fact>
        <Fact label="Strategy">
          <Strategy d={d} />
        </Fact>
        <Fact label="Pods allowed during the rollout">
          {(d.spec?.replicas ?? 1) + budget.maxSurge} at most,{' '}
          {Math.max(0, (d.spec?.replicas ?? 1) - budget.maxUnavailable)} available at least
        </Fact>
        <Fact label="minReadySeconds">{d.spec?.minReadySeconds ?? 0}s</Fact>
        <Fact label="Generation / observed" testId="generation">
          {generation} / {observed}
          {generation > observed && (
            <span className="ml-2 font-sans text-amber-700 text-xs">
              controller has not seen the latest spec
            </span>
          )}
        </Fact>
        <Fact label="Progress deadline">
          <Deadline d={d} />
        </Fact>
      </dl>

      <PanelSection title="Conditions">
        <Conditions d={d} />
      </PanelSection>
      <PanelSection title="ReplicaSets">
        <ReplicaSets rows={rows} />
      </PanelSection>
      <PanelSection title="Timeline (since this page opened)">
        <Timeline samples={samples} ceiling={(d.spec?.replicas ?? 1) + budget.maxSurge} events={events} />
      </PanelSection>
      <PanelSection title="Events" testId="rollout-events">
        <RolloutEvents events={events} />
      </PanelSection>
      <PanelSection title="Pods">
        <Pods pods={ownedPods} rows={rows} namespace={namespace} />
      </PanelSection>
      <PanelSection title="Revision history" testId="history-section">
        {history.isError ? (
          <p role="alert" className="text-rose-700 text-sm">
            {describeError(history.error).message}
          </p>
        ) : history.data ? (
          <History
            revisions={history.data.revisions}
            canUndo={permissions.undo}
            onUndo={(revision) => {
              setDone(undefined);
              setDialog({ action: 'undo', toRevision: revision });
            }}
          />
        ) : (
          <p className="text-slate-500 text-sm">Loading history…</p>
        )}
      </PanelSection>

      {dialog && (
        <ActionDialog
          request={dialog}
          target={{ namespace, name }}
          live={d}
          history={history.data?.revisions}
          onClose={() => setDialog(undefined)}
          onDone={setDone}
        />
      )}
    </div>
  );
}
