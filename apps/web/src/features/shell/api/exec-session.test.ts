import type { ExecStartAck, SimpleAck } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api';
import { type Deliver, fakeStreamSocket } from '../../../test-support/stream-socket';
import { openShell } from './exec-session';

/**
 * The part of the socket a shell uses. `start` answers execStart; `inputAck` answers each
 * execInput (sent with emitWithAck or with an ack callback) — a promise holds that ack back.
 */
function fakeSocket(
  start: (deliver: Deliver) => ExecStartAck,
  inputAck: (data: string) => SimpleAck | Promise<SimpleAck> = () => ({ ok: true }),
) {
  return fakeStreamSocket({
    execStart: start,
    execInput: (_deliver, req: { data: string }) => inputAck(req.data),
  });
}

const req = { namespace: 'demo', pod: 'api-1', container: 'app', cols: 80, rows: 24, csrf: 't' };
const opened: ExecStartAck = { ok: true, sessionId: 'x1', shell: 'bash' };
const handlers = (into: { out: string[]; ends: unknown[]; errors: unknown[] }) => ({
  output: (d: string) => into.out.push(d),
  end: (e: unknown) => into.ends.push(e),
  inputError: (e: unknown) => into.errors.push(e),
});
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('openShell', () => {
  it('keeps the output that arrives before the ack (the first prompt), and only its own', async () => {
    const got = { out: [] as string[], ends: [], errors: [] };
    const fake = fakeSocket((deliver) => {
      deliver('execOutput', { sessionId: 'x1', data: 'root@api-1:/# ' });
      deliver('execOutput', { sessionId: 'x9', data: 'not mine' });
      return opened;
    });
    const shell = await openShell(fake.socket, req, handlers(got));
    fake.deliver('execOutput', { sessionId: 'x1', data: 'ls\r\n' });
    expect(shell.shell).toBe('bash');
    expect(got.out).toEqual(['root@api-1:/# ', 'ls\r\n']);
    expect(fake.sent[0]).toEqual(['execStart', req]);
  });

  it("rejects with the server's error when the shell is refused, and stops listening", async () => {
    const error = {
      code: 400,
      reason: 'BadRequest',
      message: 'no shell in this image',
      source: 'bff' as const,
    };
    const fake = fakeSocket(() => ({ ok: false, error }));
    const got = { out: [], ends: [], errors: [] };
    await expect(openShell(fake.socket, req, handlers(got))).rejects.toEqual(new ApiError(error));
    expect(fake.listening()).toBe(0);
  });

  it('sends a keystroke at once, and a huge paste in chunks, one after the other, in order', async () => {
    const acks: Array<() => void> = [];
    const fake = fakeSocket(
      () => opened,
      (data) =>
        data.length > 100 ? new Promise<SimpleAck>((r) => acks.push(() => r({ ok: true }))) : { ok: true },
    );
    const shell = await openShell(fake.socket, req, handlers({ out: [], ends: [], errors: [] }));
    shell.send('a');
    shell.send('p'.repeat(20_000));
    shell.send('\r'); // typed during the paste: waits its turn
    const inputs = () =>
      fake.sent.filter(([e]) => e === 'execInput').map(([, p]) => (p as { data: string }).data.length);
    expect(inputs()).toEqual([1, 8192]);
    acks.shift()?.();
    await flush();
    expect(inputs()).toEqual([1, 8192, 8192]);
    acks.shift()?.();
    await flush();
    acks.shift()?.();
    await flush();
    await flush();
    expect(inputs()).toEqual([1, 8192, 8192, 3616, 1]);
  });

  it('retries a chunk the container is not ready for (429), and reports other refusals', async () => {
    let busy = 2;
    const tooBig = { code: 413, reason: 'RequestEntityTooLarge', message: 'too big', source: 'bff' as const };
    const fake = fakeSocket(
      () => opened,
      (data) =>
        data === 'x'.repeat(9000).slice(0, 8192) && busy-- > 0
          ? { ok: false, error: { code: 429, reason: 'TooManyRequests', message: 'busy', source: 'bff' } }
          : data === 'bad'
            ? { ok: false, error: tooBig }
            : { ok: true },
    );
    const got = { out: [], ends: [], errors: [] as unknown[] };
    const shell = await openShell(fake.socket, req, handlers(got));
    shell.send('x'.repeat(9000));
    await new Promise((r) => setTimeout(r, 700));
    const chunks = fake.sent.filter(([e]) => e === 'execInput');
    expect(chunks).toHaveLength(4); // the first chunk three times, then the second
    shell.send('bad');
    await flush();
    expect(got.errors).toEqual([tooBig]);
  });

  it('reports the end once: the server ends it, or the connection drops; a stop is not reported back', async () => {
    const got = { out: [], ends: [] as unknown[], errors: [] };
    const fake = fakeSocket(() => opened);
    await openShell(fake.socket, req, handlers(got));
    fake.deliver('execEnd', { sessionId: 'x1', reason: 'exited', exitCode: 0 });
    fake.deliver('disconnect');
    expect(got.ends).toEqual([{ sessionId: 'x1', reason: 'exited', exitCode: 0 }]);
    expect(fake.listening()).toBe(0);

    const dropped = { out: [], ends: [] as unknown[], errors: [] };
    const fake2 = fakeSocket(() => opened);
    await openShell(fake2.socket, req, handlers(dropped));
    fake2.deliver('disconnect');
    expect(dropped.ends).toEqual([
      { sessionId: 'x1', reason: 'error', message: 'the connection to the server was lost' },
    ]);

    const stopped = { out: [], ends: [] as unknown[], errors: [] };
    const fake3 = fakeSocket(() => opened);
    const shell = await openShell(fake3.socket, req, handlers(stopped));
    shell.stop();
    fake3.deliver('execEnd', { sessionId: 'x1', reason: 'stopped' });
    expect(stopped.ends).toEqual([]);
    expect(fake3.sent.at(-1)).toEqual(['execStop', { sessionId: 'x1' }]);
    expect(fake3.listening()).toBe(0);
  });
});
