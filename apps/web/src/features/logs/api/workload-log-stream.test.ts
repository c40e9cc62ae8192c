import type { WorkloadLogsAck } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api';
import { type Deliver, fakeStreamSocket } from '../../../test-support/stream-socket';
import { streamWorkloadLogs } from './workload-log-stream';

const fakeSocket = (answer: (deliver: Deliver) => WorkloadLogsAck) =>
  fakeStreamSocket({ workloadLogsStart: answer });

const req = { namespace: 'demo', labelSelector: 'app=web', follow: true, timestamps: true };
const line = (text: string) => ({ pod: 'web-1', container: 'app', text });

describe('streamWorkloadLogs', () => {
  it('hands over the roster first, then what arrived before the ack, then the rest, for its stream only', async () => {
    const seen: string[] = [];
    const fake = fakeSocket((deliver) => {
      deliver('workloadLogLines', { streamId: 'w1', lines: [line('early')] });
      deliver('workloadLogPods', { streamId: 'w1', joined: [], gone: ['web-0'] });
      deliver('workloadLogLines', { streamId: 'w9', lines: [line('not mine')] });
      return { ok: true, streamId: 'w1', pods: [{ name: 'web-0', containers: ['app'], phase: 'Running' }] };
    });
    const started = await streamWorkloadLogs(fake.socket, req, {
      roster: (ack) => seen.push(`roster ${ack.pods.map((p) => p.name)}`),
      lines: (l) => seen.push(...l.map((x) => x.text)),
      pods: (p) => seen.push(`gone ${p.gone}`),
      lost: () => seen.push('lost'),
    });
    fake.deliver('workloadLogLines', { streamId: 'w1', lines: [line('later')] });
    expect(seen).toEqual(['roster web-0', 'early', 'gone web-0', 'later']);
    started.stop();
    expect(fake.sent.at(-1)).toEqual(['logsStop', { streamId: 'w1' }]);
    expect(fake.listening()).toBe(0);
  });

  it("rejects with the server's error and listens to nothing more", async () => {
    const error = {
      code: 404,
      reason: 'NotFound',
      message: 'namespace "nope" not found',
      source: 'bff',
    } as const;
    const fake = fakeSocket(() => ({ ok: false, error }));
    const noop = () => {};
    const started = streamWorkloadLogs(fake.socket, req, {
      roster: noop,
      lines: noop,
      pods: noop,
      lost: noop,
    });
    await expect(started).rejects.toBeInstanceOf(ApiError);
    expect(fake.listening()).toBe(0);
  });

  it('says the stream is lost when the connection drops', async () => {
    const fake = fakeSocket(() => ({ ok: true, streamId: 'w1', pods: [] }));
    const lost: string[] = [];
    const noop = () => {};
    await streamWorkloadLogs(fake.socket, req, {
      roster: noop,
      lines: noop,
      pods: noop,
      lost: (e) => lost.push(e.message),
    });
    fake.deliver('disconnect');
    expect(lost).toEqual(['the connection to the server was lost']);
    expect(fake.listening()).toBe(0);
  });
});
