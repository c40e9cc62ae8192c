/**
 * The production BFF (apps/bff/dist/server.mjs) as its own process, so its RSS and CPU are its own, and
 * socket.io clients speaking the live protocol to it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SubscribeAck,
  SubscribeRequest,
} from '@wheelhouse/shared-types';
import { io, type Socket } from 'socket.io-client';
import { sleep } from './kube';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

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
  eventsSent: number;
  queueDrops: number;
}

export async function startBff(root: string, kubeconfigPath: string): Promise<Bff> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'apps/bff/dist/server.mjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      KUBECONFIG: kubeconfigPath,
      WHEELHOUSE_HOST: '127.0.0.1',
      WHEELHOUSE_PORT: String(port),
      WHEELHOUSE_STATIC_DIR: path.join(root, 'apps/web/dist'),
      WHEELHOUSE_LOG_LEVEL: 'warn',
      // Keep informers warm between the phases of one benchmark.
      WHEELHOUSE_INFORMER_GRACE_MS: '600000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`BFF exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`BFF did not answer /healthz within 30 s: ${stderr}`);
    }
    await sleep(100);
  }
  const pid = child.pid ?? 0;

  async function metrics(): Promise<BffMetrics> {
    const text = await (await fetch(`${url}/metrics`)).text();
    const value = (name: string): number => {
      let sum = 0;
      for (const line of text.split('\n')) {
        if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) {
          sum += Number(line.slice(line.lastIndexOf(' ') + 1));
        }
      }
      return sum;
    };
    return {
      rssBytes: value('wheelhouse_process_resident_memory_bytes'),
      cpuSeconds: value('wheelhouse_process_cpu_seconds_total'),
      heapUsedBytes: value('wheelhouse_nodejs_heap_size_used_bytes'),
      informers: value('wheelhouse_informers'),
      eventsSent: value('wheelhouse_events_sent_total'),
      queueDrops: value('wheelhouse_queue_drops_total'),
    };
  }

  async function stop(): Promise<void> {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
    await exited;
    clearTimeout(timer);
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

export async function subscribe(socket: BenchSocket, req: SubscribeRequest, timeoutMs = 120_000) {
  const ack: SubscribeAck = await socket.timeout(timeoutMs).emitWithAck('subscribe', req);
  if (!ack.ok) throw new Error(`subscribe refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

/** CPU share of one core used by the BFF between two samples (1.0 = one core busy). */
export function cpuShare(a: BffMetrics, b: BffMetrics, wallMs: number): number {
  return (b.cpuSeconds - a.cpuSeconds) / (wallMs / 1000);
}
