import { CoreV1Api } from '@kubernetes/client-node';
import type { LogEndPayload, LogsRequest } from '@wheelhouse/shared-types';
import { appendPodLog, createDeployment, waitFor } from '@wheelhouse/testkit';
import { describe, expect, it } from 'vitest';
import { bffAndNamespace, type ClientSocket, connect } from './support';

/** The Logs tab's side of one socket: the streams it opens, and the lines and end each one received. */
function collect(socket: ClientSocket) {
  const lines = new Map<string, string[]>();
  const ends = new Map<string, LogEndPayload>();
  socket.on('logLines', (p) => lines.set(p.streamId, [...(lines.get(p.streamId) ?? []), ...p.lines]));
  socket.on('logEnd', (p) => ends.set(p.streamId, p));
  return {
    lines,
    ends,
    /** Starts a stream that must open, and returns its id. */
    async open(req: LogsRequest): Promise<string> {
      const ack = await socket.timeout(15_000).emitWithAck('logsStart', req);
      expect(ack.ok).toBe(true);
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.streamId;
    },
    ended: (streamId: string, what: string) =>
      waitFor(async () => ends.get(streamId), { timeoutMs: 15_000, intervalMs: 100, what }),
  };
}

describe('container logs over the socket (the real pods/log path, served by KWOK)', () => {
  let pod = '';

  const t = bffAndNamespace('bff-logs', {
    seed: async (kc, ns) => {
      await createDeployment(kc, ns.name, 'talker', { replicas: 1, image: 'registry.invalid/talker:1' });
      const core = kc.makeApiClient(CoreV1Api);
      pod = await waitFor(
        async () => {
          const p = (await core.listNamespacedPod({ namespace: ns.name })).items[0];
          return p?.status?.phase === 'Running' ? p.metadata?.name : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 250, what: 'the talker pod to run' },
      );
    },
  });

  it('follows a log: lines written after the start arrive, and none after a stop', async () => {
    const socket = await connect(t.url);
    const got = collect(socket);
    try {
      const streamId = await got.open({
        namespace: t.ns.name,
        pod,
        container: 'talker',
        follow: true,
        tailLines: 2,
      });
      const marker = `hello-from-${t.ns.name}-${Date.now()}`;
      await appendPodLog(marker);
      await waitFor(async () => got.lines.get(streamId)?.some((l) => l.includes(marker)), {
        timeoutMs: 15_000,
        intervalMs: 100,
        what: 'the appended line to stream in',
      });
      expect((await socket.timeout(5000).emitWithAck('logsStop', { streamId })).ok).toBe(true);
      const after = `after-stop-${Date.now()}`;
      await appendPodLog(after);
      await new Promise((r) => setTimeout(r, 1500));
      expect(got.lines.get(streamId)?.some((l) => l.includes(after))).toBe(false);
    } finally {
      socket.close();
    }
  });

  it('reads the previous container log to its end, with timestamps when asked', async () => {
    const socket = await connect(t.url);
    const got = collect(socket);
    try {
      const streamId = await got.open({
        namespace: t.ns.name,
        pod,
        container: 'talker',
        previous: true,
        follow: false,
        timestamps: true,
      });
      const end = await got.ended(streamId, 'the previous log to end');
      expect(end.reason).toBe('completed');
      const lines = got.lines.get(streamId) ?? [];
      expect(lines.some((l) => l.includes('out of memory'))).toBe(true);
      expect(lines.every((l) => /^\d{4}-\d\d-\d\dT/.test(l))).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('reads the log of a pod not scheduled yet as empty, as kubectl does (the apiserver answers 204)', async () => {
    const core = t.kc.makeApiClient(CoreV1Api);
    await core.createNamespacedPod({
      namespace: t.ns.name,
      body: {
        metadata: { name: 'unscheduled' },
        spec: {
          nodeSelector: { 'wheelhouse.test/no-such-node': 'true' },
          containers: [{ name: 'main', image: 'registry.invalid/main:1' }],
        },
      },
    });
    const socket = await connect(t.url);
    const got = collect(socket);
    try {
      const streamId = await got.open({
        namespace: t.ns.name,
        pod: 'unscheduled',
        container: 'main',
        follow: true,
      });
      const end = await got.ended(streamId, 'the empty log to end');
      expect(end).toEqual({ streamId, reason: 'completed' });
      expect(got.lines.get(streamId) ?? []).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('passes the apiserver refusal through: an unknown container is a 400 with its message', async () => {
    const socket = await connect(t.url);
    try {
      const ack = await socket
        .timeout(15_000)
        .emitWithAck('logsStart', { namespace: t.ns.name, pod, container: 'nope', follow: false });
      expect(ack.ok).toBe(false);
      if (!ack.ok) {
        expect(ack.error.code).toBe(400);
        expect(ack.error.source).toBe('apiserver');
        expect(ack.error.message).toContain('nope');
      }
      const missing = await socket.timeout(15_000).emitWithAck('logsStart', {
        namespace: t.ns.name,
        pod: 'no-such-pod',
        container: 'x',
        follow: false,
      });
      expect(!missing.ok && missing.error.code).toBe(404);
      const bad = await socket
        .timeout(5000)
        // biome-ignore lint/suspicious/noExplicitAny: deliberately sending what the types forbid
        .emitWithAck('logsStart', { namespace: t.ns.name, pod: '../etc', container: 'x' } as any);
      expect(!bad.ok && bad.error.code).toBe(400);
    } finally {
      socket.close();
    }
  });
});
