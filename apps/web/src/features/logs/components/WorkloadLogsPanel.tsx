import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../components/notices';
import { listPath } from '../../../lib/paths';
import { useLogOptions } from '../hooks/use-log-options';
import { useWorkloadLog } from '../hooks/use-workload-log';
import type { LogLine } from '../lib/log-buffer';
import { tailAndSince } from '../lib/log-options';
import { podColour } from '../lib/pod-colours';
import type { LinePrefix } from './LogLineRow';
import { LogViewer } from './LogViewer';
import { LogAlert, LogState } from './log-status';
import { StreamControls } from './StreamControls';
import { noticeBox } from './ui';

/**
 * The merged live logs of every pod `selector` picks in `namespace` — a Deployment's, a ReplicaSet's,
 * a Service's or a list's — like `kubectl logs -l <selector> --prefix -f`, following the pods: new
 * ones join from their first line, gone ones are marked. Lines are prefixed `[pod/<name>]` (and the
 * container when a pod has several) in the pod's colour.
 */
export function WorkloadLogsPanel({
  namespace,
  selector,
  fileName,
}: {
  namespace: string;
  /** Canonical label selector text (kubectl grammar). */
  selector: string;
  fileName: string;
}) {
  const [options, setOptions] = useLogOptions(100);
  const log = useWorkloadLog({
    namespace,
    labelSelector: selector,
    follow: options.follow,
    ...tailAndSince(options),
  });
  const { pods, capped, state } = log;
  const several = pods.some((p) => p.containers.length > 1);
  const colours = useMemo(() => new Map(pods.map((p) => [p.name, podColour(p.index)])), [pods]);
  const prefix = useCallback(
    (line: LogLine): LinePrefix | undefined =>
      line.pod
        ? {
            text: several ? `[pod/${line.pod}/${line.container}]` : `[pod/${line.pod}]`,
            colour: colours.get(line.pod) ?? podColour(0),
          }
        : undefined,
    [several, colours],
  );
  const sources = useMemo(
    () => pods.map((p) => ({ name: p.name, phase: p.phase, gone: p.gone, colour: podColour(p.index) })),
    [pods],
  );
  const containers = useMemo(() => [...new Set(pods.flatMap((p) => p.containers))].sort(), [pods]);
  const live = pods.filter((p) => !p.gone).length;

  return (
    <section aria-label="Logs of the selected pods" className="space-y-2">
      <div className="flex flex-wrap items-center gap-4">
        <span className="text-slate-700 text-sm dark:text-slate-300">
          Pods matching{' '}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{selector}</code>
        </span>
        <StreamControls options={options} setOptions={setOptions} tailLabel="Tail per container" />
        <LogState>
          {state.kind === 'starting'
            ? 'Connecting…'
            : state.kind === 'streaming'
              ? `${options.follow ? 'Following' : 'Reading'} ${live} pod${live === 1 ? '' : 's'}`
              : ''}
        </LogState>
      </div>
      {capped && (
        <div role="status" className={noticeBox} data-testid="log-capped">
          Streaming {live} of the {capped.total} pods that match <code className="font-mono">{selector}</code>{' '}
          (at most {capped.max} at once): narrow the selector to see the others.{' '}
          <Link to={listPath('pods', namespace, selector)} className="underline">
            See the pods
          </Link>
        </div>
      )}
      {state.kind === 'error' && (
        <ErrorPanel
          error={state.error}
          forbidden={`You may not read the logs of pods in namespace ${namespace}`}
          failed="Cannot stream these logs"
          testId="log"
        />
      )}
      {state.kind === 'lost' && <LogAlert>{state.message}</LogAlert>}
      <LogViewer
        lines={log.lines}
        dropped={log.dropped}
        options={options}
        setOptions={setOptions}
        prefix={prefix}
        pods={sources}
        containers={containers}
        fileName={fileName}
        label={`Logs of the pods matching ${selector}`}
        empty={
          state.kind === 'streaming' && pods.length === 0
            ? `No pod matches ${selector} yet: pods that appear join this view.`
            : '(no output yet)'
        }
      />
    </section>
  );
}
