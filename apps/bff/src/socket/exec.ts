import {
  EXEC_DEFAULT_SHELLS,
  EXEC_INPUT_MAX_BYTES,
  EXEC_PERMISSIONS,
  ExecInputRequest,
  ExecResizeRequest,
  ExecStartRequest,
  ExecStopRequest,
} from '@wheelhouse/shared-types';
import type { Logger } from 'pino';
import { watchPod } from '../exec/pod-watch';
import { type ExecLimits, type ExecOutlet, ExecSession } from '../exec/session';
import { openExec } from '../exec/upstream';
import { HttpError } from '../http/errors';
import { csrfMatches } from '../http/security';
import { parseInput } from '../http/validate';
import { reviewAccess } from '../kube/access-review';
import type { Caller, Callers } from '../kube/callers';
import type { Metrics } from '../metrics';
import type { WatchHub } from '../watch/hub';
import { refusal, replyOf, type WhServer, type WhSocket } from './server';

export interface ExecHandlerDeps {
  callers: Callers;
  hub: WatchHub;
  log: Logger;
  metrics: Metrics;
  /** The session's CSRF token: execStart must carry it, as every mutation does. */
  csrfToken: string;
  /** WebSocket ping interval to the apiserver (config.execPingMs). */
  pingMs: number;
  limits: ExecLimits;
  /** The socket's unflushed packets (trackBacklog). */
  backlog: () => number;
}

const DEFAULT_SIZE = { cols: 80, rows: 24 };

/**
 * `execStart` / `execInput` / `execResize` / `execStop`: a shell in a container (pods/exec as the
 * caller, with a TTY) over the tab's socket. Allowed only with `create` (and `get`) on pods/exec,
 * asked with SelfSubjectAccessReviews first so the refusal names the permission, and with the
 * session's CSRF token.
 * Every session is audited at its start and end — who, where, what command, how it ended — never
 * what was typed or printed. Shells end on request, when the process exits or the pod goes away,
 * and on disconnect: nothing runs on after the tab.
 */
export function registerExecHandlers(_io: WhServer, socket: WhSocket, deps: ExecHandlerDeps): void {
  const { callers, log, limits } = deps;
  const sessions = new Map<string, ExecSession>();
  let next = 1;
  /** Starts past the cap check but not yet in `sessions`. */
  let starting = 0;
  const outlet: ExecOutlet = {
    output: (p) => socket.emit('execOutput', p),
    end: (p) => socket.emit('execEnd', p),
    backlog: deps.backlog,
  };

  function sessionOf(sessionId: string): ExecSession {
    const session = sessions.get(sessionId);
    if (!session) throw new HttpError(404, 'NotFound', `no exec session ${sessionId} (it may have ended)`);
    return session;
  }

  socket.on('execStart', async (raw, ack) => {
    if (typeof ack !== 'function') return;
    let reserved = false;
    let audit: Record<string, unknown> = {};
    try {
      const req = parseInput(ExecStartRequest, raw, 'execStart request', null);
      if (!csrfMatches(deps.csrfToken, req.csrf)) {
        throw new HttpError(
          403,
          'Forbidden',
          'missing or wrong CSRF token: reload the page and open the shell again',
        );
      }
      // Checked and reserved before the first await: concurrent starts cannot all see room.
      if (sessions.size + starting >= limits.maxSessions) {
        throw new HttpError(429, 'TooManyRequests', `at most ${limits.maxSessions} shells per connection`);
      }
      starting++;
      reserved = true;
      const caller = callers.resolve(socket.handshake.headers, req.context);
      const { namespace, pod, container } = req;
      audit = { audit: 'exec', user: userOf(caller), context: caller.context, namespace, pod, container };
      await mayExec(caller, namespace);
      const size = { cols: req.cols ?? DEFAULT_SIZE.cols, rows: req.rows ?? DEFAULT_SIZE.rows };
      const id = `x${next++}`;
      const started = new Date();
      let stopWatching = () => {};
      // The end may come before the start is logged (a command that exits at once): it waits.
      let startLogged = false;
      let endLine: Record<string, unknown> | undefined;
      const session = new ExecSession(
        id,
        outlet,
        limits,
        (command, on) =>
          openExec(
            caller.kc,
            { namespace, pod, container, command },
            { ...size, pingMs: deps.pingMs, count: (d) => deps.metrics.execSessions.inc(d) },
            on,
          ),
        (s, end) => {
          sessions.delete(s.id);
          stopWatching();
          endLine = {
            ...audit,
            event: 'end',
            start: started.toISOString(),
            end: new Date().toISOString(),
            reason: end.reason,
            exitCode: end.exitCode ?? null,
          };
          if (startLogged) log.info(endLine, 'exec session ended');
        },
      );
      sessions.set(id, session);
      // From here the session itself holds its place (and the disconnect handler reaches it).
      starting--;
      reserved = false;
      // The pod's own informer tells when it goes away; a caller who may not watch pods still
      // gets a shell, ended by the apiserver instead.
      try {
        stopWatching = await watchPod(deps.hub, caller, namespace, pod, (message) =>
          session.stop('pod-deleted', message),
        );
        if (session.ended) stopWatching();
      } catch (err) {
        log.debug({ err, namespace, pod }, 'exec: cannot watch the pod, its deletion will not end the shell');
      }
      let command: string[];
      try {
        command = await session.start(req.command, EXEC_DEFAULT_SHELLS);
      } catch (err) {
        sessions.delete(id);
        stopWatching();
        throw err;
      }
      if (!session.opened) {
        // Ended (the pod went, the browser left) before a command ran: nothing to audit but a refusal.
        throw new HttpError(
          409,
          'Conflict',
          `the shell ended before it opened: ${session.end?.message ?? 'stopped'}`,
        );
      }
      audit = { ...audit, command };
      log.info({ ...audit, event: 'start', start: started.toISOString() }, 'exec session started');
      startLogged = true;
      if (endLine) log.info({ ...endLine, command }, 'exec session ended');
      if (socket.disconnected) {
        session.stop('stopped', 'the browser disconnected');
        return;
      }
      ack({ ok: true, sessionId: id, shell: command.join(' ') });
      session.activate();
    } catch (err) {
      const res = refusal(err, log, { event: 'execStart' });
      if (audit.audit) log.info({ ...audit, event: 'refused', code: res.error.code }, 'exec session refused');
      ack(res);
    } finally {
      if (reserved) starting--;
    }
  });

  socket.on('execInput', (raw, ack) => {
    const reply = replyOf(ack);
    try {
      const data = (raw as { data?: unknown } | null)?.data;
      const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
      if (bytes > EXEC_INPUT_MAX_BYTES) {
        throw new HttpError(
          413,
          'RequestEntityTooLarge',
          `one input message carries at most ${EXEC_INPUT_MAX_BYTES} bytes (this one: ${bytes}): send it in chunks`,
        );
      }
      const req = parseInput(ExecInputRequest, raw, 'execInput request', null);
      sessionOf(req.sessionId).input(req.data);
      reply({ ok: true });
    } catch (err) {
      reply(refusal(err, log, { event: 'execInput' }));
    }
  });

  socket.on('execResize', (raw, ack) => {
    const reply = replyOf(ack);
    try {
      const req = parseInput(ExecResizeRequest, raw, 'execResize request', null);
      sessionOf(req.sessionId).resize(req.cols, req.rows);
      reply({ ok: true });
    } catch (err) {
      reply(refusal(err, log, { event: 'execResize' }));
    }
  });

  socket.on('execStop', (raw, ack) => {
    const reply = replyOf(ack);
    try {
      const req = parseInput(ExecStopRequest, raw, 'execStop request', null);
      sessionOf(req.sessionId).stop('stopped');
      reply({ ok: true });
    } catch (err) {
      reply(refusal(err, log, { event: 'execStop' }));
    }
  });

  socket.on('disconnect', () => {
    for (const s of [...sessions.values()]) s.stop('stopped', 'the browser disconnected');
  });
}

/**
 * The permission a shell needs, asked as the caller before anything is opened so the refusal can
 * name it. `create` on pods/exec is the documented one; the WebSocket upgrade is a GET, which the
 * apiserver authorizes as `get` and (since 1.30's AuthorizePodWebsocketUpgradeCreatePermission) also
 * as `create` — the built-in edit and admin roles grant both. kubectl falls back to a SPDY POST
 * (`create` alone); client-node speaks WebSocket only.
 */
async function mayExec(caller: Caller, namespace: string): Promise<void> {
  const verbs = EXEC_PERMISSIONS.map((check) => check.split(':')[0] as string);
  const answers = await Promise.all(
    verbs.map((verb) =>
      reviewAccess(caller.kc, { namespace, verb, group: '', resource: 'pods', subresource: 'exec' }),
    ),
  );
  const missing = verbs.filter((_, i) => !answers[i]?.allowed);
  if (missing.length === 0) return;
  const reason = answers.find((a) => !a.allowed && a.reason)?.reason;
  throw new HttpError(
    403,
    'Forbidden',
    `you may not open a shell in namespace ${namespace}: ${missing.join(' and ')} on pods/exec is not allowed${reason ? ` (${reason})` : ''}`,
  );
}

/** Who the audit names: the Kubernetes user in token mode, else the kubeconfig context acted as. */
function userOf(caller: Caller): string {
  return caller.user ?? caller.identity;
}
