import type {
  CoreV1Event,
  V1Container,
  V1ContainerStatus,
  V1EndpointSlice,
  V1Pod,
  V1Probe,
  V1Service,
} from '@kubernetes/client-node';
import { describeProbe, type ProbeKind, podStatus, probeTimings, toDate } from '@wheelhouse/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Age } from '../../../components/live-table/Age';
import { objectPageState, PanelSection } from '../../../components/object-page';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { membershipOf, servicesSelecting } from '../lib/membership';
import { groupProbeEvents } from '../lib/probe-events';
import { lintProbes, probedContainers } from '../lib/probe-lint';

const th = 'px-3 py-1.5 text-left font-medium text-slate-500 text-xs dark:text-slate-400';
const td = 'px-3 py-1.5 text-sm';
const box = 'overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800';

function Flag({ on, label }: { on: boolean | undefined; label: string }) {
  return (
    <span
      className={`whitespace-nowrap rounded px-1.5 py-0.5 font-medium text-xs ${
        on
          ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200'
          : 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-200'
      }`}
    >
      {label}: {on ? 'yes' : 'no'}
    </span>
  );
}

function stateText(s: V1ContainerStatus | undefined): string {
  if (!s?.state) return 'unknown';
  if (s.state.running) return 'Running';
  if (s.state.waiting) return `Waiting (${s.state.waiting.reason ?? ''})`;
  if (s.state.terminated)
    return `Terminated (${s.state.terminated.reason ?? ''}, exit ${s.state.terminated.exitCode})`;
  return 'unknown';
}

const PROBE_KINDS: Array<[ProbeKind, keyof V1Container]> = [
  ['startup', 'startupProbe'],
  ['liveness', 'livenessProbe'],
  ['readiness', 'readinessProbe'],
];

function ContainerHealth({ c, status }: { c: V1Container; status: V1ContainerStatus | undefined }) {
  const timings = probeTimings(c);
  const last = status?.lastState?.terminated;
  const timingOf: Record<ProbeKind, string | undefined> = {
    readiness:
      timings.unreadyAfterSeconds !== undefined
        ? `out of rotation at most ${timings.unreadyAfterSeconds}s after the container breaks`
        : undefined,
    liveness:
      timings.restartAfterSeconds !== undefined
        ? `restarted at most ${timings.restartAfterSeconds}s after the container hangs (plus the grace period)`
        : undefined,
    startup:
      timings.maxStartupSeconds !== undefined && c.startupProbe
        ? `start-up may take up to ${timings.maxStartupSeconds}s`
        : undefined,
  };
  const probes = PROBE_KINDS.filter(([, field]) => c[field] !== undefined);
  return (
    <div
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
      data-testid={`container-${c.name}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-mono font-semibold">{c.name}</h3>
        <span className="font-mono text-slate-500 text-xs">{c.image}</span>
        <span className="ml-auto flex flex-wrap gap-1.5">
          <Flag on={status?.ready} label="ready" />
          <Flag on={status?.started} label="started" />
        </span>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500 text-xs">State</dt>
          <dd className="font-mono">{stateText(status)}</dd>
        </div>
        <div>
          <dt className="text-slate-500 text-xs">Restarts</dt>
          <dd className="font-mono" data-testid={`restarts-${c.name}`}>
            {status?.restartCount ?? 0}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 text-xs">Last termination</dt>
          <dd className="font-mono">
            {last ? (
              <>
                {last.reason ?? 'Terminated'}, exit {last.exitCode}
                {last.finishedAt && (
                  <>
                    , <Age since={toDate(last.finishedAt)?.getTime()} /> ago
                  </>
                )}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
      {probes.length === 0 ? (
        <p className="text-slate-500 text-sm">No probes: the kubelet only knows whether the process runs.</p>
      ) : (
        <ul className="space-y-1.5">
          {probes.map(([kind, field]) => (
            <li key={kind} className="text-sm" data-testid={`probe-${c.name}-${kind}`}>
              <span className="mr-2 inline-block w-20 font-medium capitalize">{kind}</span>
              <span className="font-mono text-xs">{describeProbe(c[field] as V1Probe, c, kind)}</span>
              {timingOf[kind] && <span className="block pl-22 text-slate-500 text-xs">{timingOf[kind]}</span>}
            </li>
          ))}
        </ul>
      )}
      {!c.startupProbe && timings.maxStartupSeconds !== undefined && (
        <p className="text-slate-500 text-xs">
          Without a startupProbe, the liveness probe bounds start-up: about {timings.maxStartupSeconds}s.
        </p>
      )}
    </div>
  );
}

/** `/pods/:namespace/:name/health`: probes, probe events, Service membership and probe lint of one pod, live. */
export default function HealthPage() {
  const { namespace = '', name = '' } = useParams();
  const pods = useLiveList({ kind: 'pods', namespace });
  const events = useLiveList({ kind: 'events', namespace });
  const services = useLiveList({ kind: 'services', namespace });
  const slices = useLiveList({ kind: 'endpointslices', namespace });
  const notice = useLiveNotice({ kind: 'pods', namespace });

  const pod = useMemo(
    () => (pods.data ? (listItems(pods.data) as V1Pod[]).find((p) => p.metadata?.name === name) : undefined),
    [pods.data, name],
  );
  const selecting = useMemo(
    () => (pod && services.data ? servicesSelecting(pod, listItems(services.data) as V1Service[]) : []),
    [pod, services.data],
  );
  const membership = useMemo(
    () =>
      pod && slices.data ? membershipOf(pod, selecting, listItems(slices.data) as V1EndpointSlice[]) : [],
    [pod, selecting, slices.data],
  );
  const groups = useMemo(() => {
    if (!pod || !events.data) return [];
    const uid = pod.metadata?.uid;
    const mine = (listItems(events.data) as CoreV1Event[]).filter(
      (e) =>
        e.involvedObject?.kind === 'Pod' &&
        (e.involvedObject.uid === uid ||
          (e.involvedObject.uid === undefined && e.involvedObject.name === name)),
    );
    return groupProbeEvents(mine);
  }, [pod, events.data, name]);
  const findings = useMemo(
    () => (pod ? lintProbes(pod, { services: selecting.map((s) => s.metadata?.name ?? '') }) : []),
    [pod, selecting],
  );

  const title = `pod/${name}`;
  const state = objectPageState(
    pods,
    title,
    pod !== undefined,
    `There is no pod ${name} in namespace ${namespace} (it may have been deleted or replaced).`,
  );
  if (state !== undefined || pod === undefined) return state;
  const summary = podStatus(pod);
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);

  return (
    <div className="min-h-0 flex-1 space-y-6 overflow-y-auto px-4 py-4" data-testid="health-page">
      <title>{`${title} health · ${namespace} — Wheelhouse`}</title>
      <div className="flex flex-wrap items-baseline gap-2">
        <h1 className="font-semibold text-lg tracking-tight">{title}</h1>
        <span className="text-slate-500 text-sm dark:text-slate-400">health in namespace {namespace}</span>
        <span className="font-mono text-sm" data-testid="pod-summary">
          READY {summary.ready} · {summary.status} · RESTARTS {summary.restarts}
        </span>
        {owner && (
          <span className="text-slate-500 text-xs">
            owned by {owner.kind}/{owner.name}
          </span>
        )}
        <Link
          to={`/pods/${namespace}/${name}`}
          className="ml-auto text-sky-700 text-sm hover:underline dark:text-sky-400"
        >
          Pod details
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

      <PanelSection title="Service membership" testId="membership">
        {selecting.length === 0 ? (
          <p className="text-slate-500 text-sm">No Service in {namespace} selects this pod.</p>
        ) : (
          <div className={box}>
            <table className="w-full">
              <thead>
                <tr>
                  <th className={th}>SERVICE</th>
                  <th className={th}>IN ROTATION</th>
                  <th className={th}>READY</th>
                  <th className={th}>SERVING</th>
                  <th className={th}>TERMINATING</th>
                  <th className={th}>ENDPOINTSLICE</th>
                  <th className={th}>WHY</th>
                </tr>
              </thead>
              <tbody>
                {membership.map((m) => (
                  <tr
                    key={m.service}
                    className="border-slate-100 border-t dark:border-slate-800"
                    data-testid={`member-${m.service}`}
                  >
                    <td className={`${td} font-mono`}>{m.service}</td>
                    <td className={td}>
                      <span
                        data-testid={`rotation-${m.service}`}
                        className={`whitespace-nowrap rounded px-1.5 py-0.5 font-medium text-xs ${
                          m.inRotation
                            ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200'
                            : 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-200'
                        }`}
                      >
                        {m.inRotation ? 'in rotation' : 'out of rotation'}
                      </span>
                    </td>
                    <td className={`${td} font-mono`}>{m.endpoint ? String(m.endpoint.ready) : '—'}</td>
                    <td className={`${td} font-mono`}>{m.endpoint ? String(m.endpoint.serving) : '—'}</td>
                    <td className={`${td} font-mono`}>{m.endpoint ? String(m.endpoint.terminating) : '—'}</td>
                    <td className={`${td} font-mono text-xs`}>{m.endpoint?.slice ?? '—'}</td>
                    <td className={td}>{m.why ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PanelSection>

      <PanelSection title="Containers and probes" testId="containers">
        {probedContainers(pod).map((c) => (
          <ContainerHealth key={c.name} c={c} status={statuses.find((s) => s.name === c.name)} />
        ))}
      </PanelSection>

      <PanelSection title="Probe lint" testId="lint">
        {findings.length === 0 ? (
          <p className="text-slate-500 text-sm">Nothing to flag.</p>
        ) : (
          <ul className="space-y-1.5">
            {findings.map((f) => (
              <li
                key={`${f.rule}-${f.container}-${f.probe ?? ''}`}
                className={`rounded-md border px-3 py-2 text-sm ${
                  f.severity === 'warning'
                    ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
                    : 'border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900'
                }`}
                data-testid={`lint-${f.rule}`}
              >
                <span className="mr-2 font-mono font-semibold text-xs">{f.container}</span>
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </PanelSection>

      <PanelSection title="Probe events" testId="probe-events">
        {groups.length === 0 ? (
          <p className="text-slate-500 text-sm">
            No probe failures, kills or back-offs recorded for this pod.
          </p>
        ) : (
          <div className={box}>
            <table className="w-full">
              <thead>
                <tr>
                  <th className={th}>CONTAINER</th>
                  <th className={th}>PROBE</th>
                  <th className={th}>REASON</th>
                  <th className={th}>COUNT</th>
                  <th className={th}>LAST</th>
                  <th className={th}>LAST MESSAGE</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.key} className="border-slate-100 border-t dark:border-slate-800">
                    <td className={`${td} font-mono`}>{g.container}</td>
                    <td className={td}>{g.probe}</td>
                    <td className={`${td} font-mono`}>{g.reason}</td>
                    <td className={`${td} font-mono tabular-nums`}>{g.count}</td>
                    <td className={`${td} font-mono`}>
                      <Age since={g.last} />
                    </td>
                    <td className={`${td} text-xs`}>{g.lastMessage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PanelSection>
    </div>
  );
}
