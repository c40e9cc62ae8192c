/**
 * A shell over the tab's socket, against the real pods/exec path of the local cluster (apiserver →
 * KWOK, which runs the command as a local process in the cluster's scratch directory). What a user
 * of the Shell tab would notice: output, resize, exit codes, clear refusals, sessions that end when
 * the pod goes, and nothing left running on the BFF (its exec gauge on /metrics).
 */
import { CoreV1Api } from '@kubernetes/client-node';
import { EXEC_INPUT_MAX_BYTES } from '@wheelhouse/shared-types';
import { waitFor } from '@wheelhouse/testkit';
import { describe, expect, it } from 'vitest';
import { openExec } from '../src/exec/upstream';
import { ApiServerError } from '../src/kube/client';
import { createShellPod, csrfOf, EXEC_GAUGE, gaugeBackTo, metric, ShellClient } from './exec-support';
import { bffAndNamespace, connect, memoryLogger, startBff } from './support';
import { createViewerToken, postLogin, sessionCookie } from './token-user';

describe('a shell in a container over the socket (pods/exec as the caller)', () => {
  const audit = memoryLogger();
  const pod = 'shell';

  const t = bffAndNamespace('bff-exec', {
    bff: { log: audit.log },
    seed: async (kc, ns) => {
      await createShellPod(kc, ns.name, pod);
    },
  });

  async function client(): Promise<ShellClient> {
    return new ShellClient(await connect(t.url), await csrfOf(t.url));
  }

  it('echo $((6*7)) prints 42 in bash (the first default shell), and says which shell runs', async () => {
    const c = await client();
    try {
      const { sessionId, shell } = await c.open({ namespace: t.ns.name, pod, container: 'app' });
      expect(shell).toBe('bash');
      expect(await metric(t.url, EXEC_GAUGE)).toBe(1);
      await c.type(sessionId, 'echo $((6*7))\r');
      await c.waitForOutput(sessionId, /[\r\n]42\r\n/);
      await c.type(sessionId, 'echo $0\r');
      await c.waitForOutput(sessionId, /[\r\n]bash\r\n/);
    } finally {
      c.socket.close();
    }
  });

  it('echoes a keystroke within a round trip (BFF → apiserver → pty → back), measured over 50 keys', async () => {
    const c = await client();
    try {
      const { sessionId } = await c.open({ namespace: t.ns.name, pod, container: 'app' });
      await c.waitForOutput(sessionId, /# $/);
      const samples: number[] = [];
      for (let i = 0; i < 50; i++) {
        const seen = c.arrivals.length;
        const sent = performance.now();
        c.socket.emit('execInput', { sessionId, data: 'k' });
        const echo = await waitFor(
          async () => c.arrivals.slice(seen).find((a) => a.sessionId === sessionId && a.data.includes('k')),
          { timeoutMs: 5000, intervalMs: 1, what: `the echo of key ${i}` },
        );
        samples.push(echo.at - sent);
      }
      await c.type(sessionId, '\u0015'); // Ctrl+U: the k's never run
      samples.sort((a, b) => a - b);
      const ms = (q: number) => Math.round((samples[Math.floor(q * (samples.length - 1))] ?? 0) * 10) / 10;
      console.log(
        `keystroke echo over the socket: median ${ms(0.5)} ms, p95 ${ms(0.95)} ms, max ${ms(1)} ms`,
      );
      expect(ms(0.5)).toBeLessThan(100);
    } finally {
      c.socket.close();
    }
  });

  it('the terminal has the size asked at the start, and a resize reaches the process (stty size)', async () => {
    const c = await client();
    try {
      const { sessionId } = await c.open({
        namespace: t.ns.name,
        pod,
        container: 'app',
        cols: 100,
        rows: 30,
      });
      await c.type(sessionId, 'stty size\r');
      await c.waitForOutput(sessionId, /[\r\n]30 100\r\n/);
      const resized = await c.socket
        .timeout(5000)
        .emitWithAck('execResize', { sessionId, cols: 132, rows: 43 });
      expect(resized.ok).toBe(true);
      await c.type(sessionId, 'stty size\r');
      await c.waitForOutput(sessionId, /[\r\n]43 132\r\n/);
    } finally {
      c.socket.close();
    }
  });

  it("ends with the process's exit code, and the audit names who, where and what, never what was typed", async () => {
    const c = await client();
    try {
      const { sessionId } = await c.open({
        namespace: t.ns.name,
        pod,
        container: 'sidecar',
        command: ['sh'],
      });
      await c.type(sessionId, 'echo top-secret-$((1+1))\r');
      await c.waitForOutput(sessionId, /top-secret-2/);
      await c.type(sessionId, 'exit 7\r');
      expect(await c.waitForEnd(sessionId)).toEqual({ sessionId, reason: 'exited', exitCode: 7 });
      await gaugeBackTo(t.url, 0);
      const lines = audit.lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.audit === 'exec');
      const mine = lines.filter((l) => l.container === 'sidecar' && l.namespace === t.ns.name);
      expect(mine.map((l) => l.event)).toEqual(['start', 'end']);
      expect(mine[1]).toMatchObject({
        pod,
        command: ['sh'],
        reason: 'exited',
        exitCode: 7,
        user: expect.any(String),
      });
      expect(Date.parse(String(mine[1]?.end))).toBeGreaterThanOrEqual(Date.parse(String(mine[1]?.start)));
      expect(audit.lines.join('\n')).not.toContain('top-secret');
    } finally {
      c.socket.close();
    }
  });

  it('refuses clearly: unknown pod 404, unknown container 400, a command the image lacks 400, no CSRF token 403', async () => {
    const c = await client();
    try {
      const before = await metric(t.url, EXEC_GAUGE);
      const noPod = await c.start({ namespace: t.ns.name, pod: 'no-such-pod', container: 'app' });
      expect(!noPod.ok && [noPod.error.code, noPod.error.source]).toEqual([404, 'apiserver']);
      expect(!noPod.ok && noPod.error.message).toContain('no-such-pod');
      const noContainer = await c.start({ namespace: t.ns.name, pod, container: 'nope' });
      expect(!noContainer.ok && noContainer.error.code).toBe(400);
      expect(!noContainer.ok && noContainer.error.message).toContain('nope');
      const noCommand = await c.start({
        namespace: t.ns.name,
        pod,
        container: 'app',
        command: ['no-such-shell'],
      });
      expect(!noCommand.ok && noCommand.error.code).toBe(400);
      expect(!noCommand.ok && noCommand.error.message).toMatch(/cannot run "no-such-shell".*not found/);
      const noCsrf = await c.start({ namespace: t.ns.name, pod, container: 'app', csrf: 'guess' });
      expect(!noCsrf.ok && [noCsrf.error.code, noCsrf.error.message]).toEqual([
        403,
        expect.stringContaining('CSRF'),
      ]);
      const bad = await c.start({ namespace: t.ns.name, pod: '../etc', container: 'app' });
      expect(!bad.ok && bad.error.code).toBe(400);
      await gaugeBackTo(t.url, before);
    } finally {
      c.socket.close();
    }
  });

  it('refuses an input over the limit with 413 and keeps the session usable; input to no session is a 404', async () => {
    const c = await client();
    try {
      const { sessionId } = await c.open({ namespace: t.ns.name, pod, container: 'app', command: ['sh'] });
      const huge = await c.type(sessionId, `echo ${'x'.repeat(EXEC_INPUT_MAX_BYTES)}\r`);
      expect(!huge.ok && [huge.error.code, huge.error.message]).toEqual([
        413,
        expect.stringMatching(/at most 32768 bytes/),
      ]);
      // A paste sent in chunks goes through whole: 3 × 8 KiB read back by wc (in lines shorter than
      // the TTY's canonical-mode limit of 4096, which would cut longer ones).
      await c.type(sessionId, 'wc -c\r');
      const chunk = `${'y'.repeat(1023)}\n`.repeat(8);
      for (let i = 0; i < 3; i++) expect((await c.type(sessionId, chunk)).ok).toBe(true);
      await c.type(sessionId, '\u0004');
      await c.waitForOutput(sessionId, /\r\n\s*24576\r\n/, 20_000);
      const none = await c.type('x999', 'ls\r');
      expect(!none.ok && none.error.code).toBe(404);
    } finally {
      c.socket.close();
    }
  });

  it('bounds the shells of one connection (429), and a stopped one makes room', async () => {
    const small = await startBff({ execLimits: { maxSessions: 2 } });
    const c = new ShellClient(await connect(small.url), await csrfOf(small.url));
    try {
      const target = { namespace: t.ns.name, pod, container: 'app', command: ['sh'] };
      const [a, b, extra] = await Promise.all([c.start(target), c.start(target), c.start(target)]);
      expect([a, b, extra].filter((r) => r.ok)).toHaveLength(2);
      const refused = [a, b, extra].find((r) => !r.ok);
      expect(refused && !refused.ok && refused.error.code).toBe(429);
      const first = [a, b, extra].find((r) => r.ok);
      if (first?.ok)
        expect(
          (await c.socket.timeout(5000).emitWithAck('execStop', { sessionId: first.sessionId })).ok,
        ).toBe(true);
      expect((await c.start(target)).ok).toBe(true);
    } finally {
      c.socket.close();
      await small.app.close();
    }
  });

  it('a closed socket mid-session ends every upstream: the gauge returns to its baseline', async () => {
    await gaugeBackTo(t.url, 0);
    const c = await client();
    const a = await c.open({ namespace: t.ns.name, pod, container: 'app' });
    await c.open({ namespace: t.ns.name, pod, container: 'sidecar' });
    await c.type(a.sessionId, 'sleep 300\r');
    expect(await metric(t.url, EXEC_GAUGE)).toBe(2);
    c.socket.disconnect();
    await gaugeBackTo(t.url, 0);
  });

  it('deleting the pod ends the session with reason pod-deleted (seen by the shared informer)', async () => {
    await createShellPod(t.kc, t.ns.name, 'doomed');
    const c = await client();
    try {
      const { sessionId } = await c.open({ namespace: t.ns.name, pod: 'doomed', container: 'app' });
      await c.type(sessionId, 'echo alive\r');
      await c.waitForOutput(sessionId, /[\r\n]alive\r\n/);
      await t.kc
        .makeApiClient(CoreV1Api)
        .deleteNamespacedPod({ name: 'doomed', namespace: t.ns.name, gracePeriodSeconds: 0 });
      const end = await c.waitForEnd(sessionId, 30_000);
      expect(end).toMatchObject({ reason: 'pod-deleted', message: 'pod doomed was deleted' });
      await gaugeBackTo(t.url, 0);
    } finally {
      c.socket.close();
    }
  });

  it('a view-only user is refused with 403 naming the permission; the apiserver itself refuses them too', async () => {
    const token = await createViewerToken(t.kc, t.ns.name);
    const tm = await startBff({ env: { WHEELHOUSE_MODE: 'token' } });
    try {
      const cookie = sessionCookie(await postLogin(tm.url, token));
      const c = new ShellClient(await connect(tm.url, tm.url, cookie), await csrfOf(tm.url, cookie));
      try {
        const ack = await c.start({ namespace: t.ns.name, pod, container: 'app' });
        expect(!ack.ok && [ack.error.code, ack.error.reason]).toEqual([403, 'Forbidden']);
        expect(!ack.ok && ack.error.message).toMatch(/create and get on pods\/exec is not allowed/);
      } finally {
        c.socket.close();
      }
      // Past the BFF's own check, the apiserver's 403 comes through with its message.
      const viewer = tm.app.callers.resolve({ cookie }).kc;
      const refused = openExec(
        viewer,
        { namespace: t.ns.name, pod, container: 'app', command: ['sh'] },
        { cols: 80, rows: 24, pingMs: 0, count: () => {} },
        { output: () => {}, status: () => {}, closed: () => {} },
      );
      await expect(refused).rejects.toBeInstanceOf(ApiServerError);
      await expect(refused).rejects.toMatchObject({
        body: {
          code: 403,
          source: 'apiserver',
          message: expect.stringMatching(/cannot get resource "pods\/exec"/),
        },
      });
    } finally {
      await tm.app.close();
    }
  });
});
