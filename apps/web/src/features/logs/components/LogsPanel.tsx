import type { KindObject, LogEndPayload } from '@wheelhouse/shared-types';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useLiveStore } from '../../../lib/live/live-context';
import { streamLogs } from '../api/log-stream';

type Pod = KindObject<'pods'>;

/** Lines kept in the page; older ones are dropped from the top. */
export const MAX_LOG_LINES = 10_000;
const TAILS = [100, 500, 1000, 0] as const;

function containerNames(pod: Pod): Array<{ name: string; init: boolean }> {
  return [
    ...(pod.spec?.initContainers ?? []).map((c) => ({ name: c.name, init: true })),
    ...(pod.spec?.containers ?? []).map((c) => ({ name: c.name, init: false })),
  ];
}

/**
 * `kubectl logs` for one container, streamed over the tab's socket: follow, previous, tail lines,
 * timestamps, and a container picker that includes init containers. The stream stops when the
 * options change or the panel goes away.
 */
export function LogsPanel({ pod }: { pod: Pod }) {
  const { socket } = useLiveStore();
  const containers = containerNames(pod);
  const [container, setContainer] = useState(
    containers.find((c) => !c.init)?.name ?? containers[0]?.name ?? '',
  );
  const [follow, setFollow] = useState(true);
  const [previous, setPrevious] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [tail, setTail] = useState<(typeof TAILS)[number]>(500);
  const [lines, setLines] = useState<string[]>([]);
  const [state, setState] = useState<{
    kind: 'starting' | 'streaming' | 'ended' | 'error';
    message?: string;
  }>({
    kind: 'starting',
  });
  const output = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  const ids = useId();
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';

  useEffect(() => {
    if (!container) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    setLines([]);
    setState({ kind: 'starting' });
    streamLogs(
      socket,
      {
        namespace,
        pod: name,
        container,
        follow: follow && !previous,
        previous,
        timestamps,
        ...(tail > 0 ? { tailLines: tail } : {}),
      },
      {
        lines: (more) =>
          setLines((prev) => {
            const next = prev.concat(more);
            return next.length > MAX_LOG_LINES ? next.slice(next.length - MAX_LOG_LINES) : next;
          }),
        end: (p: LogEndPayload) =>
          setState(
            p.reason === 'error'
              ? { kind: 'error', message: p.error?.message ?? 'the log stream broke' }
              : { kind: 'ended' },
          ),
      },
    ).then(
      (s) => {
        if (cancelled) s();
        else {
          stop = s;
          setState((prev) => (prev.kind === 'starting' ? { kind: 'streaming' } : prev));
        }
      },
      (err: unknown) => {
        if (!cancelled) {
          setState({ kind: 'error', message: err instanceof ApiError ? err.message : String(err) });
        }
      },
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [socket, namespace, name, container, follow, previous, timestamps, tail]);

  // Keep the newest line in view unless the reader scrolled up.
  useEffect(() => {
    const el = output.current;
    if (el && stick.current && lines.length > 0) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const check = 'flex items-center gap-1.5 text-slate-700 text-sm dark:text-slate-300';
  return (
    <section aria-label="Logs" className="space-y-2">
      <div className="flex flex-wrap items-center gap-4">
        <label className={check} htmlFor={`${ids}-container`}>
          Container
          <select
            id={`${ids}-container`}
            value={container}
            onChange={(e) => setContainer(e.target.value)}
            data-testid="log-container"
            className="rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          >
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.init ? `${c.name} (init)` : c.name}
              </option>
            ))}
          </select>
        </label>
        <label className={check}>
          <input
            type="checkbox"
            checked={follow}
            disabled={previous}
            onChange={(e) => setFollow(e.target.checked)}
          />
          Follow
        </label>
        <label className={check}>
          <input
            type="checkbox"
            checked={previous}
            onChange={(e) => setPrevious(e.target.checked)}
            data-testid="log-previous"
          />
          Previous
        </label>
        <label className={check}>
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          Timestamps
        </label>
        <label className={check} htmlFor={`${ids}-tail`}>
          Tail
          <select
            id={`${ids}-tail`}
            value={tail}
            onChange={(e) => setTail(Number(e.target.value) as (typeof TAILS)[number])}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-900"
          >
            {TAILS.map((t) => (
              <option key={t} value={t}>
                {t === 0 ? 'all' : `${t} lines`}
              </option>
            ))}
          </select>
        </label>
        <span role="status" data-testid="log-state" className="text-slate-500 text-xs dark:text-slate-400">
          {state.kind === 'starting'
            ? 'Connecting…'
            : state.kind === 'streaming'
              ? follow && !previous
                ? 'Following'
                : 'Reading'
              : state.kind === 'ended'
                ? `End of log (${lines.length} lines)`
                : ''}
        </span>
      </div>
      {state.kind === 'error' && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900 text-sm dark:border-red-700/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {state.message}
        </div>
      )}
      <pre
        ref={output}
        data-testid="log-output"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className="h-[60vh] overflow-auto rounded-md border border-slate-200 bg-slate-950 p-3 font-mono text-slate-100 text-xs leading-5 dark:border-slate-700"
      >
        {lines.length === 0 && state.kind !== 'error' ? (
          <span className="text-slate-400">(no output yet)</span>
        ) : (
          lines.join('\n')
        )}
      </pre>
    </section>
  );
}
