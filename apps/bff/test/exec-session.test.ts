/**
 * ExecSession without a cluster: which shell it settles on, what the browser receives and when,
 * and that it ends exactly once and closes what it opened. The upstream is a fake driven by the test.
 */
import type { V1Status } from '@kubernetes/client-node';
import type { ExecEndPayload } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXEC_LIMITS, type ExecLimits, ExecSession } from '../src/exec/session';
import type { Upstream, UpstreamEvents } from '../src/exec/upstream';

class FakeUpstream implements Upstream {
  sent: string[] = [];
  sizes: Array<[number, number]> = [];
  closed = false;
  paused = false;
  bufferedAmount = 0;
  constructor(
    readonly argv: string[],
    readonly on: UpstreamEvents,
  ) {}
  send(data: string) {
    this.sent.push(data);
  }
  resize(cols: number, rows: number) {
    this.sizes.push([cols, rows]);
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  close() {
    this.closed = true;
  }
}

const notFound = (cmd: string): V1Status => ({
  status: 'Failure',
  reason: 'InternalError',
  message: `exec: "${cmd}": executable file not found in $PATH`,
});
const exited = (code: number): V1Status =>
  code === 0
    ? { status: 'Success' }
    : {
        status: 'Failure',
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
      };

const tick = () => new Promise((r) => setImmediate(r));

/** A session whose upstreams behave as `script` says for each command (run right after opening). */
function harness(script: (up: FakeUpstream) => void, limits: Partial<ExecLimits> = {}) {
  const opened: FakeUpstream[] = [];
  const output: string[] = [];
  const ends: ExecEndPayload[] = [];
  const ended: ExecEndPayload[] = [];
  let backlog = 0;
  const session = new ExecSession(
    'x1',
    { output: (p) => output.push(p.data), end: (p) => ends.push(p), backlog: () => backlog },
    { ...DEFAULT_EXEC_LIMITS, probeMs: 30, tickMs: 5, ...limits },
    async (argv, on) => {
      const up = new FakeUpstream(argv, on);
      opened.push(up);
      setImmediate(() => script(up));
      return up;
    },
    (_s, end) => ended.push(end),
  );
  return { session, opened, output, ends, ended, setBacklog: (n: number) => (backlog = n) };
}

/** A session running `sh` (it prints "$ "), acknowledged and active: its harness and its one upstream. */
async function activeShell() {
  const h = harness((up) => up.on.output(Buffer.from('$ ')));
  await h.session.start(['sh'], []);
  h.session.activate();
  const up = h.opened[0];
  if (!up) throw new Error('no upstream was opened');
  return { h, up };
}

describe('ExecSession', () => {
  it('falls back from bash to sh when the image has no bash, and says sh runs', async () => {
    const h = harness((up) => {
      if (up.argv[0] === 'bash') {
        up.on.status(notFound('bash'));
        up.on.closed(undefined);
      } else up.on.output(Buffer.from('$ '));
    });
    expect(await h.session.start(undefined, ['bash', 'sh', 'ash'])).toEqual(['sh']);
    expect(h.opened.map((u) => [u.argv[0], u.closed])).toEqual([
      ['bash', true],
      ['sh', false],
    ]);
    expect(h.output).toEqual([]); // nothing before the ack
    h.session.activate();
    await tick();
    expect(h.output).toEqual(['$ ']);
    expect(h.ended).toEqual([]); // the failed probe is not the session's end
  });

  it('takes a silent shell for running after the probe time, and an early exit 127 for missing', async () => {
    const h = harness((up) => {
      if (up.argv[0] === 'bash') up.on.status(exited(127));
    });
    expect(await h.session.start(undefined, ['bash', 'sh'])).toEqual(['sh']);
  });

  it('says no shell exists, with the runtime error, when none of them is in the image', async () => {
    const h = harness((up) => up.on.status(notFound(up.argv[0] ?? '')));
    await expect(h.session.start(undefined, ['bash', 'sh', 'ash'])).rejects.toMatchObject({
      code: 400,
      message:
        'no shell in this image (tried bash, sh, ash): exec: "ash": executable file not found in $PATH',
    });
    expect(h.opened.every((u) => u.closed)).toBe(true);
  });

  it("tries only the user's command, and names it when the image lacks it", async () => {
    const h = harness((up) => up.on.status(notFound('zsh')));
    await expect(h.session.start(['zsh', '-l'], ['bash'])).rejects.toMatchObject({
      code: 400,
      message: expect.stringContaining('cannot run "zsh -l" in this container'),
    });
    expect(h.opened).toHaveLength(1);
  });

  it('a command that exits at once still starts: its output and exit code reach the browser after the ack', async () => {
    const h = harness((up) => {
      up.on.output(Buffer.from('hello\r\n'));
      up.on.status(exited(3));
      up.on.closed(undefined);
    });
    expect(await h.session.start(['printf'], [])).toEqual(['printf']);
    expect(h.session.opened).toBe(true);
    expect(h.ends).toEqual([]);
    h.session.activate();
    expect(h.output.join('')).toBe('hello\r\n');
    expect(h.ends).toEqual([{ sessionId: 'x1', reason: 'exited', exitCode: 3 }]);
    expect(h.ended).toHaveLength(1);
  });

  it('keeps a character split across two chunks whole', async () => {
    const euro = Buffer.from('€');
    const h = harness((up) => {
      up.on.output(euro.subarray(0, 1));
      up.on.output(euro.subarray(1));
    });
    await h.session.start(['sh'], []);
    h.session.activate();
    await tick();
    expect(h.output.join('')).toBe('€');
  });

  it('holds output while the socket is behind, pausing the upstream, and sends it all once it drains', async () => {
    const { h, up } = await activeShell();
    await tick();
    h.setBacklog(1000);
    up.on.output(Buffer.from('a'.repeat(100)));
    await tick();
    expect(up.paused).toBe(true);
    expect(h.output.join('')).toBe('$ ');
    h.setBacklog(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.output.join('')).toBe(`$ ${'a'.repeat(100)}`);
    expect(up.paused).toBe(false);
  });

  it('opens nothing when stopped before the start (the browser left while the permission was asked)', async () => {
    const h = harness((up) => up.on.output(Buffer.from('$ ')));
    h.session.stop('stopped', 'the browser disconnected');
    await h.session.start(undefined, ['bash']);
    expect(h.opened).toEqual([]);
    expect(h.session.opened).toBe(false);
    expect(h.ended).toHaveLength(1);
  });

  it('ends once: a stop closes the upstream, and its later close is not a second end', async () => {
    const { h, up } = await activeShell();
    h.session.input('ls\r');
    h.session.resize(100, 30);
    expect(up.sent).toEqual(['ls\r']);
    expect(up.sizes).toEqual([[100, 30]]);
    h.session.stop('pod-deleted', 'pod web-1 was deleted');
    up.on.closed('closed with 1006');
    expect(up.closed).toBe(true);
    expect(h.ends).toEqual([{ sessionId: 'x1', reason: 'pod-deleted', message: 'pod web-1 was deleted' }]);
    expect(h.ended).toHaveLength(1);
    expect(() => h.session.input('more')).toThrow(/has ended/);
  });

  it('refuses input while the container has not read what was sent (429), and an upstream that breaks ends the session', async () => {
    const { h, up } = await activeShell();
    up.bufferedAmount = 2 * 1024 * 1024;
    expect(() => h.session.input('x')).toThrow(/not reading its input/);
    up.on.closed('read ECONNRESET');
    expect(h.ends).toEqual([{ sessionId: 'x1', reason: 'error', message: 'read ECONNRESET' }]);
  });
});
