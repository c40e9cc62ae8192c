import type { Socket as NetSocket } from 'node:net';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { createTestNamespace, ensureCluster, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { ClientView, connect, startBff } from './support';

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
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-slow');
    // A small backlog bound so a few MB of unread events are enough to trip it.
    ({ app, url } = await startBff({ limits: { tickMs: 50, maxPendingPerSub: 5000, maxBacklog: 4 } }));
  });
  afterAll(async () => {
    await app?.close();
    await ns?.cleanup();
  });

  it('costs the BFF a bounded amount of memory and gets one resync that converges when it reads again', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const slow = new ClientView(await connect(url));
    const healthy = new ClientView(await connect(url));
    try {
      expect((await slow.subscribe({ kind: 'configmaps', namespace: ns.name })).ok).toBe(true);
      expect((await healthy.subscribe({ kind: 'configmaps', namespace: ns.name })).ok).toBe(true);
      const dropsBefore = await queueDrops(app);

      tcpOf(slow).pause();
      // Sample what the BFF holds for its sockets: packets waiting in each engine.io write buffer.
      let maxQueued = 0;
      const sampler = setInterval(() => {
        for (const s of app.io.sockets.sockets.values()) {
          const queued = (s.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
          maxQueued = Math.max(maxQueued, queued);
        }
      }, 10);
      // ~24 MB of change events (12 objects × 4 versions × 500 KB) that the slow socket never reads.
      const big = 'x'.repeat(500_000);
      const names = Array.from({ length: 12 }, (_, i) => `big-${i}`);
      for (const name of names) {
        await core.createNamespacedConfigMap({
          namespace: ns.name,
          body: { metadata: { name }, data: { v: `0${big}` } },
        });
      }
      for (let round = 1; round <= 3; round++) {
        for (const name of names) {
          await core.replaceNamespacedConfigMap({
            name,
            namespace: ns.name,
            body: { metadata: { name }, data: { v: `${round}${big}` } },
          });
        }
      }
      // The healthy socket keeps up meanwhile.
      const list = await core.listNamespacedConfigMap({ namespace: ns.name });
      await waitFor(async () => healthy.matches(list.items), {
        timeoutMs: 30_000,
        intervalMs: 200,
        what: 'the healthy client to see every change',
      });
      await waitFor(async () => (await queueDrops(app)) > dropsBefore, {
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
