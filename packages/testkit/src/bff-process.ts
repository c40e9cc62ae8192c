/**
 * The production BFF (apps/bff/dist/server.mjs, built by `pnpm build`) as a process of its own: what the
 * e2e fault tests kill and restart, what the benchmarks measure, what the deploy checks start the way the
 * image's CMD does. One way to start it, wait for it and stop it (by its PID, bounded in time).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './cluster';

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface BffProcessOptions {
  /**
   * The server's whole environment besides PATH (nothing else is inherited, so the test decides every
   * setting). WHEELHOUSE_PORT is set to `port` (or a free one) when absent.
   */
  env: Record<string, string>;
  /** Working directory, where `script` is (default: apps/bff/dist of this repository). */
  cwd?: string;
  /** Default `server.mjs`. */
  script?: string;
  /** Bounded wait for /healthz (default 20 s). */
  timeoutMs?: number;
  /** Node binary (default: this one). */
  node?: string;
  /** A command that execs its arguments (same PID), put in front of `node script`. */
  wrap?: string[];
  /** Run as this user/group (the caller must be root). */
  uid?: number;
  gid?: number;
}

export interface BffProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Its PID while it runs. */
  readonly pid: number | undefined;
  /** The last 64 KB of its stdout and stderr. */
  output(): string;
  /** SIGTERM by PID, SIGKILL after 12 s; resolves with the exit code (null when it had to be killed). */
  stop(): Promise<number | null>;
  /** `signal` (default SIGKILL) by PID, then wait (bounded) until it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const MAX_OUTPUT = 64 * 1024;

/** The built server bundle of this repository. */
export function bffDistDir(): string {
  return join(repoRoot(), 'apps/bff/dist');
}

/**
 * Starts `node server.mjs` with exactly `env` (plus PATH) on 127.0.0.1 and waits (bounded) until
 * /healthz answers; throws with the server's output when it exits or does not answer in time.
 */
export async function startBffProcess(opts: BffProcessOptions): Promise<BffProcess> {
  const cwd = opts.cwd ?? bffDistDir();
  const script = opts.script ?? 'server.mjs';
  if (!existsSync(join(cwd, script))) {
    throw new Error(`${join(cwd, script)} is missing: run \`pnpm build\` first`);
  }
  const port = Number(opts.env.WHEELHOUSE_PORT ?? (await freePort()));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env, WHEELHOUSE_PORT: String(port) };
  const argv = [...(opts.wrap ?? []), opts.node ?? process.execPath, script];
  const child = spawn(argv[0] as string, argv.slice(1), {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  async function signalAndWait(signal: NodeJS.Signals, graceMs: number): Promise<boolean> {
    if (!running()) return true;
    child.kill(signal);
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
    if ((await Promise.race([exited, timer])) !== 'timeout') return true;
    child.kill('SIGKILL');
    await exited;
    return false;
  }

  const handle: BffProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    get pid() {
      return running() ? child.pid : undefined;
    },
    output: () => out,
    stop: async () => ((await signalAndWait('SIGTERM', 12_000)) ? child.exitCode : null),
    kill: async (signal = 'SIGKILL') => {
      await signalAndWait(signal, 10_000);
    },
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  for (let i = 0; i < 600 && Date.now() < deadline && running(); i++) {
    try {
      const res = await fetch(`${handle.url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return handle;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await handle.stop();
  throw new Error(
    `node ${script} did not answer /healthz on ${handle.url} (exit ${child.exitCode ?? child.signalCode}):\n${out}`,
  );
}

/**
 * Reads a BFF's /metrics (prom-client's text format) once; `value(name)` sums every series of a
 * metric (its labelled series too), 0 when absent. Benchmarks and the chaos run judge the BFF by it.
 */
export async function readBffMetrics(url: string, timeoutMs = 10_000): Promise<(name: string) => number> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(timeoutMs) })).text();
  return (name) => {
    let sum = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) {
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  };
}
