import type {
  LogPodCap,
  WorkloadLogPod,
  WorkloadLogPodsPayload,
  WorkloadLogsRequest,
} from '@wheelhouse/shared-types';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useLiveStore } from '../../../lib/live/live-context';
import { streamWorkloadLogs } from '../api/workload-log-stream';
import { useLogBuffer } from './use-log-buffer';

/** A pod of the view, in the order the view met it (its colour's index). */
export interface ViewPod extends WorkloadLogPod {
  gone: boolean;
  index: number;
}

export type WorkloadLogState =
  | { kind: 'starting' | 'streaming' }
  | { kind: 'error'; error: unknown }
  | { kind: 'lost'; message: string };

/** The roster after a change: joined pods added (or back), updated ones replaced, gone ones marked. */
export function applyPodChanges(
  pods: readonly ViewPod[],
  p: Omit<WorkloadLogPodsPayload, 'streamId'>,
): ViewPod[] {
  const byName = new Map(pods.map((x) => [x.name, x]));
  for (const pod of [...p.joined, ...(p.updated ?? [])]) {
    const known = byName.get(pod.name);
    byName.set(pod.name, { ...pod, gone: false, index: known?.index ?? byName.size });
  }
  for (const name of p.gone) {
    const known = byName.get(name);
    if (known) byName.set(name, { ...known, gone: true });
  }
  return [...byName.values()];
}

/**
 * The merged live logs of every pod a selector picks, into one ring buffer; the roster follows the
 * pods (joined, phase changes, gone) and the cap. Restarts when the request changes, stops on unmount
 * (the server then closes every upstream).
 */
export function useWorkloadLog(req: Omit<WorkloadLogsRequest, 'context' | 'timestamps'>) {
  const { socket } = useLiveStore();
  const buffer = useLogBuffer();
  const { add, clear } = buffer;
  const [state, setState] = useState<WorkloadLogState>({ kind: 'starting' });
  const [pods, setPods] = useState<ViewPod[]>([]);
  const [capped, setCapped] = useState<LogPodCap | undefined>();
  const key = JSON.stringify(req);

  useEffect(() => {
    const request = JSON.parse(key) as typeof req;
    clear();
    setPods([]);
    setCapped(undefined);
    setState({ kind: 'starting' });
    let stop: (() => void) | undefined;
    let cancelled = false;
    streamWorkloadLogs(
      socket,
      { ...request, timestamps: true },
      {
        roster: (ack) => {
          setPods(applyPodChanges([], { joined: ack.pods, gone: [] }));
          setCapped(ack.capped);
        },
        lines: (lines) => add(lines.map((l) => ({ ...l, notice: l.notice === true }))),
        pods: (p) => {
          setPods((prev) => applyPodChanges(prev, p));
          setCapped(p.capped);
        },
        lost: (error) => setState({ kind: 'lost', message: error.message }),
      },
    ).then(
      (started) => {
        if (cancelled) started.stop();
        else {
          stop = started.stop;
          setState((prev) => (prev.kind === 'starting' ? { kind: 'streaming' } : prev));
        }
      },
      (err: unknown) => {
        if (!cancelled)
          setState({ kind: 'error', error: err instanceof ApiError ? err : new Error(String(err)) });
      },
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [socket, key, add, clear]);

  return { ...buffer, state, pods, capped };
}
