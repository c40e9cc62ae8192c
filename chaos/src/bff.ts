/**
 * The production BFF under chaos: started with testkit's startBffProcess on a fixed port (so a
 * restart after kill -9 comes back where the proxy points), and read through its /metrics.
 */
import path from 'node:path';
import { type BffProcess, readBffMetrics, repoRoot, startBffProcess } from '@wheelhouse/testkit';

export interface BffMetrics {
  rssBytes: number;
  informers: number;
  /** Subscriptions served by filtering a wider informer instead of a watch of their own. */
  narrowed: number;
  subscriptions: number;
  sockets: number;
  resyncs: number;
  queueDrops: number;
}

export class ChaosBff {
  private proc: BffProcess | undefined;
  /** Start times (ms since the epoch) of every process this run started. */
  readonly starts: number[] = [];

  constructor(
    readonly port: number,
    private readonly kubeconfig: string,
    private readonly graceMs: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    if (this.proc?.pid) throw new Error(`BFF already runs (pid ${this.proc.pid})`);
    this.proc = await startBffProcess({
      env: {
        HOME: process.env.HOME ?? '',
        KUBECONFIG: this.kubeconfig,
        WHEELHOUSE_HOST: '127.0.0.1',
        WHEELHOUSE_PORT: String(this.port),
        WHEELHOUSE_STATIC_DIR: path.join(repoRoot(), 'apps/web/dist'),
        WHEELHOUSE_LOG_LEVEL: 'warn',
        // Short, so informers left by observers that went away are gone by the end of the quiet period.
        WHEELHOUSE_INFORMER_GRACE_MS: String(this.graceMs),
      },
      timeoutMs: 60_000,
    });
    this.starts.push(Date.now());
  }

  /** SIGKILL by PID (no shutdown hook runs), then wait until it has exited. */
  async kill(): Promise<void> {
    await this.proc?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.proc?.stop();
  }

  output(): string {
    return this.proc?.output() ?? '';
  }

  async metrics(): Promise<BffMetrics> {
    const value = await readBffMetrics(this.url);
    return {
      rssBytes: value('wheelhouse_process_resident_memory_bytes'),
      informers: value('wheelhouse_informers'),
      narrowed: value('wheelhouse_narrowed_subscriptions'),
      subscriptions: value('wheelhouse_subscriptions'),
      sockets: value('wheelhouse_sockets'),
      resyncs: value('wheelhouse_resyncs_total'),
      queueDrops: value('wheelhouse_queue_drops_total'),
    };
  }
}
