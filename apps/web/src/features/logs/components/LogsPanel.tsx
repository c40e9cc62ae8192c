import type { KindObject } from '@wheelhouse/shared-types';
import { useId } from 'react';
import { useLogOptions } from '../hooks/use-log-options';
import { usePodLog } from '../hooks/use-pod-log';
import { tailAndSince } from '../lib/log-options';
import { containerNames, noLogYet } from '../lib/pod-log-state';
import { LogViewer } from './LogViewer';
import { LogAlert, LogState } from './log-status';
import { StreamControls } from './StreamControls';
import { controlLabel, selectClass } from './ui';

type Pod = KindObject<'pods'>;

/**
 * `kubectl logs` of one container of a pod, in the one log viewer: container picker (init containers
 * included), follow, previous, tail, since, and the viewer's filter, times, wrap and download — all
 * in the URL. The stream stops when the options change or the tab goes away.
 */
export function LogsPanel({ pod }: { pod: Pod }) {
  const ids = useId();
  const [options, setOptions] = useLogOptions(500);
  const containers = containerNames(pod);
  const fallback = containers.find((c) => !c.init)?.name ?? containers[0]?.name ?? '';
  const container = containers.some((c) => c.name === options.container)
    ? (options.container ?? '')
    : fallback;
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const waiting = options.previous ? undefined : noLogYet(pod, container);
  const log = usePodLog(
    container && !waiting
      ? {
          namespace,
          pod: name,
          container,
          follow: options.follow && !options.previous,
          previous: options.previous,
          ...tailAndSince(options),
        }
      : undefined,
  );
  const { state } = log;
  const emptyEnd = state.kind === 'ended' && log.lines.length === 0 && pod.status?.phase !== 'Running';
  const info = waiting ?? (state.kind === 'waiting' ? `No logs yet: ${state.message}` : undefined);

  return (
    <section aria-label="Logs" className="space-y-2">
      <div className="flex flex-wrap items-center gap-4">
        <label className={controlLabel} htmlFor={`${ids}-container`}>
          Container
          <select
            id={`${ids}-container`}
            value={container}
            onChange={(e) =>
              setOptions({ container: e.target.value === fallback ? undefined : e.target.value })
            }
            data-testid="log-container"
            className={`${selectClass} font-mono`}
          >
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.init ? `${c.name} (init)` : c.name}
              </option>
            ))}
          </select>
        </label>
        <StreamControls options={options} setOptions={setOptions} previous />
        <LogState>
          {info
            ? 'Waiting for the container to start'
            : state.kind === 'starting'
              ? 'Connecting…'
              : state.kind === 'streaming'
                ? options.follow && !options.previous
                  ? 'Following'
                  : 'Reading'
                : state.kind === 'ended'
                  ? `End of log (${log.lines.length} lines)`
                  : ''}
        </LogState>
      </div>
      {state.kind === 'error' && <LogAlert>{state.message}</LogAlert>}
      <LogViewer
        lines={log.lines}
        dropped={log.dropped}
        options={options}
        setOptions={setOptions}
        fileName={`${namespace}_${name}_${container}.log`}
        label={`Log of ${container} in pod ${name}`}
        empty={
          <span data-testid="log-no-logs">
            {info ??
              (emptyEnd
                ? `No logs yet: the pod is not running (${pod.status?.phase ?? 'Pending'})`
                : '(no output yet)')}
          </span>
        }
      />
    </section>
  );
}
