import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

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

/**
 * A production BFF (apps/bff/dist/server.mjs) of the test's own, on a port of its own, that the test can
 * kill and start again (by PID) without touching the one Playwright's webServer runs.
 */
export class BffProcess {
  private child: ChildProcess | undefined;
  private stderr = '';

  constructor(
    readonly port: number,
    private readonly kubeconfig: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    const c = this.child;
    return c && c.exitCode === null && c.signalCode === null ? c.pid : undefined;
  }

  /** Starts the server and waits (bounded) until /healthz answers. */
  async start(timeoutMs = 30_000): Promise<void> {
    if (this.pid) throw new Error(`BFF already running (pid ${this.pid})`);
    this.stderr = '';
    const child = spawn(process.execPath, [path.join(root, 'apps/bff/dist/server.mjs')], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        KUBECONFIG: this.kubeconfig,
        WHEELHOUSE_HOST: '127.0.0.1',
        WHEELHOUSE_PORT: String(this.port),
        WHEELHOUSE_STATIC_DIR: path.join(root, 'apps/web/dist'),
        WHEELHOUSE_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`BFF exited (${child.exitCode ?? child.signalCode}): ${this.stderr}`);
      }
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`BFF not healthy within ${timeoutMs} ms: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Kills this process (by its PID) and waits until it has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

const clusterScript = path.join(root, 'tools/cluster/cluster');

/** `tools/cluster/cluster ARGS` for the instance WHEELHOUSE_CLUSTER names (inherited), bounded. */
export async function cluster(...args: string[]): Promise<string> {
  const { stdout } = await run(clusterScript, args, { timeout: 150_000 });
  return stdout;
}

/** The kubeconfig of the instance `cluster` acts on — compared with the one the tests use. */
export async function clusterKubeconfig(): Promise<string> {
  const out = (await cluster('env')).trim();
  return out.replace(/^export KUBECONFIG=/, '');
}
