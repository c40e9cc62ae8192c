import type { V1Container, V1ContainerStatus, V1Probe } from '@kubernetes/client-node';
import { describeProbe, type ProbeKind, probeTimings, toDate } from '@wheelhouse/core';
import { Restarts } from '../../../components/kubectl/Restarts';
import { Age } from '../../../components/live-table/Age';
import type { BackOff } from '../lib/probe-events';

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

/** One container: ready/started, state, restarts and last termination, each probe as a sentence with its timings. */
export function ContainerHealth({
  c,
  status,
  backOff,
}: {
  c: V1Container;
  status: V1ContainerStatus | undefined;
  /** The kubelet's BackOff Events for this container: restarts held back after a crash. */
  backOff?: BackOff | undefined;
}) {
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
            <Restarts
              count={status?.restartCount ?? 0}
              last={toDate(status?.lastState?.terminated?.finishedAt)?.getTime()}
            />
          </dd>
          {backOff && (
            <dd
              className="text-rose-700 text-xs dark:text-rose-300"
              data-testid={`backoff-${c.name}`}
              title={backOff.message}
            >
              BackOff ×{backOff.count}, last <Age since={backOff.last} /> ago: the kubelet is waiting before
              restarting it
            </dd>
          )}
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
