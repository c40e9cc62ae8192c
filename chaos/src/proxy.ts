/**
 * A fault-injecting TCP proxy on 127.0.0.1, between the observers and the BFF: what a flaky network,
 * a load balancer's idle cut or a stuck client look like to the server, without touching either end.
 * Bytes pass unchanged (HTTP, WebSocket upgrades, socket.io frames); the faults act on whole
 * connections or on timing only:
 *  - cut(holdMs): every open connection is destroyed and new ones are refused for holdMs;
 *  - delay(delayMs, holdMs): every chunk, both ways, waits delayMs before it goes on (order kept);
 *  - stall(holdMs): the proxy stops reading what the BFF sends, so the server's socket buffer fills
 *    up as it would behind a client that stopped reading.
 */
import net from 'node:net';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FaultProxy {
  url: string;
  port: number;
  /** Connections accepted so far, cut by a fault, refused. */
  stats(): { accepted: number; cut: number; refused: number; open: number };
  cut(holdMs: number): void;
  delay(delayMs: number, holdMs: number): void;
  stall(holdMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(listenPort: number, target: () => number): Promise<FaultProxy> {
  const open = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let refuseUntil = 0;
  let delayUntil = 0;
  let delayMs = 0;
  let stalled = false;
  const stats = { accepted: 0, cut: 0, refused: 0 };

  /** Forwards src → dst, applying the current delay window; order is kept by one promise chain. */
  function pipe(src: net.Socket, dst: net.Socket, fromUpstream: boolean): void {
    let chain = Promise.resolve();
    let queued = 0;
    src.on('data', (chunk: Buffer) => {
      const wait = Date.now() < delayUntil ? delayMs : 0;
      if (wait === 0 && queued === 0) {
        if (!dst.write(chunk)) {
          src.pause();
          dst.once('drain', () => {
            if (!stalledFor(src)) src.resume();
          });
        }
        return;
      }
      queued++;
      const due = Date.now() + wait;
      chain = chain.then(async () => {
        await sleep(due - Date.now());
        queued--;
        if (!dst.destroyed) dst.write(chunk);
      });
    });
    if (fromUpstream) upstreams.add(src);
  }
  const upstreams = new Set<net.Socket>();
  const stalledFor = (s: net.Socket) => stalled && upstreams.has(s);

  const server = net.createServer((client) => {
    if (Date.now() < refuseUntil) {
      stats.refused++;
      client.destroy();
      return;
    }
    stats.accepted++;
    const upstream = net.connect({ host: '127.0.0.1', port: target() });
    const pair = { client, upstream };
    open.add(pair);
    const end = () => {
      open.delete(pair);
      upstreams.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    pipe(client, upstream, false);
    pipe(upstream, client, true);
    if (stalled) upstream.pause();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });

  return {
    url: `http://127.0.0.1:${listenPort}`,
    port: listenPort,
    stats: () => ({ ...stats, open: open.size }),
    cut(holdMs) {
      refuseUntil = Date.now() + holdMs;
      for (const pair of [...open]) {
        stats.cut++;
        pair.client.destroy();
        pair.upstream.destroy();
      }
    },
    delay(ms, holdMs) {
      delayMs = ms;
      delayUntil = Date.now() + holdMs;
    },
    async stall(holdMs) {
      stalled = true;
      for (const { upstream } of open) upstream.pause();
      await sleep(holdMs);
      stalled = false;
      for (const { upstream } of open) upstream.resume();
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Stop accepting first: clients that reconnect at once must not keep close() waiting.
        server.close(() => resolve());
        for (const pair of open) {
          pair.client.destroy();
          pair.upstream.destroy();
        }
        setTimeout(resolve, 5_000).unref();
      }),
  };
}
