import { splitLogTimestamp } from '@wheelhouse/core';
import type { LogsRequest } from '@wheelhouse/shared-types';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useLiveStore } from '../../../lib/live/live-context';
import { streamLogs } from '../api/log-stream';
import { useLogBuffer } from './use-log-buffer';

export type PodLogState =
  | { kind: 'idle' | 'starting' | 'streaming' | 'ended' }
  | { kind: 'waiting'; message: string }
  | { kind: 'error'; message: string };

/**
 * One container's log over the tab's socket, into a ring buffer. Times are always asked for (the
 * viewer shows them on request, without restarting the stream). `enabled: false` (a container that
 * has not started) opens nothing; the stream restarts when the request changes and stops on unmount.
 */
export function usePodLog(
  req: Omit<LogsRequest, 'context' | 'timestamps'> | undefined,
): ReturnType<typeof useLogBuffer> & { state: PodLogState } {
  const { socket } = useLiveStore();
  const buffer = useLogBuffer();
  const { add, clear } = buffer;
  const [state, setState] = useState<PodLogState>({ kind: 'idle' });
  const key = req ? JSON.stringify(req) : '';

  useEffect(() => {
    clear();
    if (!key) {
      setState({ kind: 'idle' });
      return;
    }
    const request = JSON.parse(key) as NonNullable<typeof req>;
    let stop: (() => void) | undefined;
    let cancelled = false;
    setState({ kind: 'starting' });
    streamLogs(
      socket,
      { ...request, timestamps: true },
      {
        lines: (more) =>
          add(more.map((l) => ({ pod: '', container: request.container, ...splitLogTimestamp(l) }))),
        end: (p) =>
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
        if (cancelled) return;
        const message = err instanceof ApiError ? err.message : String(err);
        // The apiserver's 400 for a container not started yet: kubectl's "is waiting to start".
        const waiting =
          err instanceof ApiError && err.body.code === 400 && message.includes('waiting to start');
        setState(waiting ? { kind: 'waiting', message } : { kind: 'error', message });
      },
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [socket, key, add, clear]);

  return { ...buffer, state };
}
