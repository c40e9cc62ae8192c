import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../../lib/api';
import { useLiveStore } from '../../../lib/live/live-context';
import { openShell, type ShellConnection } from '../api/exec-session';
import { describeEnd } from '../lib/session-end';
import type { TerminalHandle } from '../lib/terminal-handle';

export type ShellState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'open'; shell: string; container: string }
  | { kind: 'ended'; message: string }
  | { kind: 'refused'; title: string; message: string };

export interface ShellTarget {
  namespace: string;
  pod: string;
  container: string;
  /** The user's command; none: the server tries bash, sh, ash. */
  command?: string[];
  csrf: string;
}

/**
 * One shell session of the Shell tab at a time: output goes straight to the terminal (not through
 * React state), the end is written into it and into `state`. Leaving the tab (unmounting) or
 * connecting again stops the previous session, so none is left running on the server.
 */
export function useShell() {
  const { socket } = useLiveStore();
  const conn = useRef<ShellConnection | null>(null);
  const attempt = useRef(0);
  const [state, setState] = useState<ShellState>({ kind: 'idle' });
  const [notice, setNotice] = useState<string | undefined>();

  const stop = useCallback(() => {
    attempt.current++;
    conn.current?.stop();
    conn.current = null;
  }, []);

  const connect = useCallback(
    async (target: ShellTarget, term: TerminalHandle) => {
      stop();
      const mine = attempt.current;
      term.reset();
      setNotice(undefined);
      setState({ kind: 'connecting' });
      const { command, ...rest } = target;
      try {
        const c = await openShell(
          socket,
          { ...rest, ...(command && command.length > 0 ? { command } : {}), ...term.size() },
          {
            output: (data) => term.write(data),
            end: (end) => {
              if (attempt.current !== mine) return;
              conn.current = null;
              const message = describeEnd(end);
              // Dim, on a line of its own, after whatever the process printed last.
              term.write(`\r\n\x1b[2m[${message}]\x1b[0m\r\n`);
              setState({ kind: 'ended', message });
            },
            inputError: (error) => setNotice(`Input not sent: ${error.message}`),
          },
        );
        if (attempt.current !== mine) {
          c.stop();
          return;
        }
        conn.current = c;
        setState({ kind: 'open', shell: c.shell, container: target.container });
        term.focus();
      } catch (err) {
        if (attempt.current !== mine) return;
        setState({ kind: 'refused', ...describeError(err) });
      }
    },
    [socket, stop],
  );

  const disconnect = useCallback(() => {
    if (!conn.current) return;
    stop();
    setState({ kind: 'ended', message: 'Session closed.' });
  }, [stop]);

  useEffect(() => stop, [stop]);

  return {
    state,
    notice,
    connect,
    disconnect,
    send: useCallback((data: string) => conn.current?.send(data), []),
    resize: useCallback((cols: number, rows: number) => conn.current?.resize(cols, rows), []),
  };
}
