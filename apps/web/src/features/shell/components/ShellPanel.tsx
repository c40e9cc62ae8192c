import type { V1Pod } from '@kubernetes/client-node';
import { EXEC_PERMISSIONS } from '@wheelhouse/shared-types/constants';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { deniedMessage, usePermission } from '../../../lib/permissions';
import { useSession } from '../../../lib/session';
import { useShell } from '../hooks/use-shell';
import { shellContainers } from '../lib/containers';
import type { TerminalHandle } from '../lib/terminal-handle';

const XTerm = lazy(() => import('./XTerm'));

const field =
  'rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900';
const button =
  'rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';
const label = 'flex items-center gap-1.5 text-slate-700 text-sm dark:text-slate-300';

/**
 * A Pod's Shell tab (`?tab=shell`): a terminal in one of its containers, over the tab's socket. It
 * connects when it opens (the tab is the request; the server audits it), with the container picker
 * and an optional command beside it; Reconnect opens a new session, leaving the tab ends it. When
 * the user may not exec here, it says why and opens nothing.
 */
export function ShellPanel({ pod }: { pod: V1Pod }) {
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const permission = usePermission(namespace, EXEC_PERMISSIONS);
  const csrf = useSession().data?.csrfToken;
  const containers = shellContainers(pod);
  const [container, setContainer] = useState(containers[0]?.name ?? '');
  const [command, setCommand] = useState('');
  const [ready, setReady] = useState(false);
  const term = useRef<TerminalHandle>(null);
  const leave = useRef<HTMLButtonElement>(null);
  const shell = useShell();
  const ids = useId();
  const { state, connect } = shell;

  const start = () => {
    if (!term.current || !csrf || !container) return;
    const argv = command.trim().split(/\s+/).filter(Boolean);
    void connect({ namespace, pod: name, container, command: argv, csrf }, term.current);
  };
  const mayTry = permission.state === 'allowed' || permission.state === 'unknown';
  // Opening the tab is the request for a shell: connect once the terminal is up.
  useEffect(() => {
    if (mayTry && ready && csrf && container && state.kind === 'idle') start();
  }, [mayTry, ready, csrf, container, state.kind]);

  if (permission.state === 'denied') {
    return (
      <p role="alert" data-testid="shell-denied" className="text-slate-700 text-sm dark:text-slate-300">
        {deniedMessage('open a shell', namespace, permission)}
      </p>
    );
  }
  if (containers.length === 0) {
    return (
      <p className="text-slate-600 text-sm dark:text-slate-400">No running container to open a shell in.</p>
    );
  }

  const open = state.kind === 'open';
  return (
    <section aria-label="Shell" className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <label className={label} htmlFor={`${ids}-container`}>
          Container
          <select
            id={`${ids}-container`}
            value={container}
            onChange={(e) => setContainer(e.target.value)}
            data-testid="shell-container"
            className={field}
          >
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.kind === 'container' ? c.name : `${c.name} (${c.kind})`}
              </option>
            ))}
          </select>
        </label>
        <label className={label} htmlFor={`${ids}-command`}>
          Command
          <input
            id={`${ids}-command`}
            value={command}
            onChange={(e) => setCommand(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && start()}
            placeholder="bash, else sh, else ash"
            spellCheck={false}
            data-testid="shell-command"
            className={`${field} w-48`}
          />
        </label>
        <button
          type="button"
          onClick={start}
          disabled={!ready || !csrf}
          className={button}
          data-testid="shell-connect"
        >
          {state.kind === 'idle' || state.kind === 'connecting' ? 'Connect' : 'Reconnect'}
        </button>
        <button
          type="button"
          ref={leave}
          onClick={shell.disconnect}
          disabled={!open}
          className={button}
          data-testid="shell-disconnect"
        >
          Disconnect
        </button>
        <span role="status" data-testid="shell-state" className="text-slate-600 text-xs dark:text-slate-400">
          {state.kind === 'connecting'
            ? 'Connecting…'
            : state.kind === 'open'
              ? `Connected: ${state.shell} in ${state.container}`
              : state.kind === 'ended'
                ? state.message
                : ''}
        </span>
      </div>
      {state.kind === 'refused' && (
        <div
          role="alert"
          data-testid="shell-error"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900 text-sm dark:border-red-700/60 dark:bg-red-950/40 dark:text-red-200"
        >
          <strong>{state.title}</strong>: {state.message}
        </div>
      )}
      {shell.notice && (
        <p role="alert" className="text-amber-800 text-sm dark:text-amber-300">
          {shell.notice}
        </p>
      )}
      <div className="h-[60vh] rounded-md border border-slate-200 bg-slate-950 p-2 dark:border-slate-700">
        <Suspense fallback={<p className="text-slate-400 text-sm">Loading the terminal…</p>}>
          <XTerm
            ref={term}
            label={`Shell in ${name}`}
            onData={shell.send}
            onResize={shell.resize}
            onLeave={() => (open ? leave.current : document.getElementById(`${ids}-command`))?.focus()}
            onReady={() => setReady(true)}
          />
        </Suspense>
      </div>
      <p className="text-slate-500 text-xs dark:text-slate-400">
        Ctrl+] leaves the terminal · Ctrl+Shift+C copies the selection · Ctrl+Shift+V pastes
      </p>
    </section>
  );
}
