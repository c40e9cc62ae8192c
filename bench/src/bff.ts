/**
 * The production BFF (apps/bff/dist/server.mjs) as its own process, so its RSS and CPU are its own, and
 * socket.io clients speaking the live protocol to it.
 */
import path from 'node:path';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SubscribeAck,
  SubscribeRequest,
} from '@wheelhouse/shared-types';
import { readBffMetrics, startBffProcess } from '@wheelhouse/testkit';
import { io, type Socket } from 'socket.io-client';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Bff {
  url: string;
  pid: number;
  metrics(): Promise<BffMetrics>;
  stop(): Promise<void>;
}

export interface BffMetrics {
  rssBytes: number;
  cpuSeconds: number;
  heapUsedBytes: number;
  informers: number;
  sockets: number;
  eventsSent: number;
  queueDrops: number;
}

/** `port`: where it listens (default: a free one); `env`: added to (or overriding) the bench's settings. */
export async function startBff(
  root: string,
  kubeconfigPath: string,
  opts: { port?: number; env?: Record<string, string> } = {},
): Promise<Bff> {
  const child = await startBffProcess({
    // The build of `root` (an A/B run starts two checkouts' builds).
    cwd: path.join(root, 'apps/bff/dist'),
    env: {
      ...(opts.port ? { WHEELHOUSE_PORT: String(opts.port) } : {}),
      HOME: process.env.HOME ?? '',
      KUBECONFIG: kubeconfigPath,
      WHEELHOUSE_HOST: '127.0.0.1',
      WHEELHOUSE_STATIC_DIR: path.join(root, 'apps/web/dist'),
      WHEELHOUSE_LOG_LEVEL: 'warn',
      // Keep informers warm between the phases of one benchmark.
      WHEELHOUSE_INFORMER_GRACE_MS: '600000',
      ...opts.env,
    },
    timeoutMs: 30_000,
  });
  const { url } = child;
  const pid = child.pid ?? 0;

  async function metrics(): Promise<BffMetrics> {
    const value = await readBffMetrics(url);
    return {
      rssBytes: value('wheelhouse_process_resident_memory_bytes'),
      cpuSeconds: value('wheelhouse_process_cpu_seconds_total'),
      heapUsedBytes: value('wheelhouse_nodejs_heap_size_used_bytes'),
      informers: value('wheelhouse_informers'),
      sockets: value('wheelhouse_sockets'),
      eventsSent: value('wheelhouse_events_sent_total'),
      queueDrops: value('wheelhouse_queue_drops_total'),
    };
  }

  async function stop(): Promise<void> {
    await child.stop();
  }

  return { url, pid, metrics, stop };
}

export function connectSocket(url: string): Promise<BenchSocket> {
  return new Promise((resolve, reject) => {
    const socket: BenchSocket = io(url, {
      path: '/api/socket',
      transports: ['websocket'],
      extraHeaders: { Origin: url },
      reconnection: false,
      forceNew: true,
      timeout: 20_000,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/**
 * Subscribes and resolves once the whole snapshot is in: the ack, and for a progressive snapshot
 * (ack with `progress`) the pages that follow it, up to the one that says `complete` (or the resync
 * that replaces them).
 */
export function subscribe(socket: BenchSocket, req: SubscribeRequest, timeoutMs = 120_000) {
  return new Promise<SubscribeAck & { ok: true }>((resolve, reject) => {
    let subId: string | undefined;
    let ack: (SubscribeAck & { ok: true }) | undefined;
    const done = (err?: Error) => {
      clearTimeout(timer);
      socket.off('events', onEvents);
      socket.off('resync', onResync);
      if (err) reject(err);
      else if (ack) resolve(ack);
    };
    const timer = setTimeout(() => done(new Error(`no whole snapshot within ${timeoutMs} ms`)), timeoutMs);
    const onEvents: ServerToClientEvents['events'] = (p) => {
      if (p.subId === subId && p.progress?.complete) done();
    };
    // A LIST that had to start over ends in a resync with the whole list instead of a last page.
    const onResync: ServerToClientEvents['resync'] = (p) => {
      if (p.subId === subId) done();
    };
    socket.on('events', onEvents);
    socket.on('resync', onResync);
    // The ack's callback, not an await: the pages right behind it may be dispatched before one resumes.
    socket.emit('subscribe', req, (res) => {
      if (!res.ok) return done(new Error(`subscribe refused: ${res.error.code} ${res.error.message}`));
      subId = res.subId;
      ack = res;
      if (!res.progress || res.progress.complete) done();
    });
  });
}

/** CPU share of one core used by the BFF between two samples (1.0 = one core busy). */
export function cpuShare(a: BffMetrics, b: BffMetrics, wallMs: number): number {
  return (b.cpuSeconds - a.cpuSeconds) / (wallMs / 1000);
}
