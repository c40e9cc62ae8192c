import type { Socket as NetSocket } from 'node:net';
import { CoreV1Api } from '@kubernetes/client-node';
import { waitFor } from '@wheelhouse/testkit';
import { describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { bffAndNamespace, ClientView, connect } from './support';

/** The TCP socket under a socket.io-client websocket (Node's `ws`), to stop reading from it. */
function tcpOf(view: ClientView): NetSocket {
  const engine = view.socket.io.engine as unknown as { transport: { ws?: { _socket?: NetSocket } } };
  const tcp = engine.transport.ws?._socket;
  if (!tcp) throw new Error('no websocket TCP socket found under the socket.io client');
  return tcp;
}

async function queueDrops(app: WheelhouseApp): Promise<number> {
  const m = await app.metrics.queueDrops.get();
  return m.values.reduce((n, v) => n + v.value, 0);
}

describe('a socket that stops reading', () => {
  // A small backlog bound so a few MB of unread events are enough to trip it.
  const t = bffAndNamespace('bff-slow', {
    bff: { limits: { tickMs: 50, maxPendingPerSub: 5000, maxBacklog: 4 } },
  });

  it('costs the BFF a bounded amount of memory and gets one resync that converges when it reads again', async () => {
    const core = t.kc.makeApiClient(CoreV1Api);
    const slow = new ClientView(await connect(t.url));
    const healthy = new ClientView(await connect(t.url));
    try {
      expect((await slow.subscribe({ kind: 'configmaps', namespace: t.ns.name })).ok).toBe(true);
      expect((await healthy.subscribe({ kind: 'configmaps', namespace: t.ns.name })).ok).toBe(true);
      const dropsBefore = await queueDrops(t.app);

      tcpOf(slow).pause();
      // Sample what the BFF holds for its sockets: packets waiting in each engine.io write buffer.
      let maxQueued = 0;
      const sampler = setInterval(() => {
        for (const s of t.app.io.sockets.sockets.values()) {
          const queued = (s.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
          maxQueued = Math.max(maxQueued, queued);
        }
      }, 10);
      // ~24 MB of change events (12 objects × 4 versions × 500 KB) that the slow socket never reads.
      const big = 'x'.repeat(500_000);
      const names = Array.from({ length: 12 }, (_, i) => `big-${i}`);
      for (const name of names) {
        await core.createNamespacedConfigMap({
          namespace: t.ns.name,
          body: { metadata: { name }, data: { v: `0${big}` } },
        });
      }
      for (let round = 1; round <= 3; round++) {
        for (const name of names) {
          await core.replaceNamespacedConfigMap({
            name,
            namespace: t.ns.name,
            body: { metadata: { name }, data: { v: `${round}${big}` } },
          });
        }
      }
      // The healthy socket keeps up meanwhile.
      const list = await core.listNamespacedConfigMap({ namespace: t.ns.name });
      await waitFor(async () => healthy.matches(list.items), {
        timeoutMs: 30_000,
        intervalMs: 200,
        what: 'the healthy client to see every change',
      });
      await waitFor(async () => (await queueDrops(t.app)) > dropsBefore, {
        timeoutMs: 15_000,
        intervalMs: 100,
        what: 'the BFF to give up on buffering for the slow socket',
      });
      clearInterval(sampler);
      // What the BFF holds for the stalled socket is a flag and a few batches (the backlog bound
      // of 4 plus what one flush adds), not one batch per tick for as long as it does not read.
      expect(maxQueued).toBeGreaterThan(0);
      expect(maxQueued).toBeLessThanOrEqual(8);

      tcpOf(slow).resume();
      await waitFor(async () => slow.matches(list.items), {
        timeoutMs: 30_000,
        intervalMs: 200,
        what: 'the slow client to converge after it reads again',
      });
      expect(slow.resyncs).toBeGreaterThanOrEqual(1);
      expect(healthy.resyncs).toBe(0);
    } finally {
      slow.socket.close();
      healthy.socket.close();
    }
  });
});
