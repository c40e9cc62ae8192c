import type { LogsAck } from '@wheelhouse/shared-types';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api';
import { type Deliver, fakeStreamSocket } from '../../../test-support/stream-socket';
import { streamLogs } from './log-stream';

/** The part of the socket a log stream uses; the test answers `logsStart` and delivers packets. */
const fakeSocket = (answer: (deliver: Deliver) => LogsAck) => fakeStreamSocket({ logsStart: answer });

const req = { namespace: 'demo', pod: 'web-1', container: 'app', follow: true };

describe('streamLogs', () => {
  it('keeps the lines that arrive before the ack, and only those of its own stream', async () => {
    const fake = fakeSocket((deliver) => {
      deliver('logLines', { streamId: 's1', lines: ['first'] });
      deliver('logLines', { streamId: 'other', lines: ['not mine'] });
      return { ok: true, streamId: 's1' };
    });
    const lines: string[] = [];
    await streamLogs(fake.socket, req, { lines: (l) => lines.push(...l), end: () => {} });
    fake.deliver('logLines', { streamId: 's1', lines: ['second', 'third'] });
    expect(lines).toEqual(['first', 'second', 'third']);
    expect(fake.sent[0]).toEqual(['logsStart', req]);
  });

  it("rejects with the server's error when the stream is refused", async () => {
    const error = {
      code: 403,
      reason: 'Forbidden',
      message: 'pods "web-1" is forbidden',
      source: 'apiserver',
    };
    const fake = fakeSocket(() => ({ ok: false, error }) as LogsAck);
    const started = streamLogs(fake.socket, req, { lines: () => {}, end: () => {} });
    await expect(started).rejects.toBeInstanceOf(ApiError);
    await expect(started).rejects.toThrow('pods "web-1" is forbidden');
    expect(fake.listening()).toBe(0);
  });

  it('ends with an error when the connection drops', async () => {
    const fake = fakeSocket(() => ({ ok: true, streamId: 's1' }));
    const end = vi.fn();
    await streamLogs(fake.socket, req, { lines: () => {}, end });
    fake.deliver('disconnect');
    expect(end).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'error', error: expect.objectContaining({ code: 503 }) }),
    );
    expect(fake.listening()).toBe(0);
  });

  it('stops: tells the server and delivers nothing more', async () => {
    const fake = fakeSocket(() => ({ ok: true, streamId: 's1' }));
    const lines: string[] = [];
    const stop = await streamLogs(fake.socket, req, { lines: (l) => lines.push(...l), end: () => {} });
    stop();
    fake.deliver('logLines', { streamId: 's1', lines: ['late'] });
    expect(lines).toEqual([]);
    expect(fake.sent.at(-1)).toEqual(['logsStop', { streamId: 's1' }]);
    expect(fake.listening()).toBe(0);
  });
});
