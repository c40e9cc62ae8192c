import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BffProcess as Process, startBffProcess } from '@wheelhouse/testkit';

export { freePort } from '@wheelhouse/testkit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/**
 * A production BFF (apps/bff/dist/server.mjs) of the test's own, on a port of its own, that the test can
 * kill and start again (by PID) without touching the one Playwright's webServer runs. Started with
 * @wheelhouse/testkit's startBffProcess, like the benchmarks' and the deploy checks' servers.
 */
export class BffProcess {
  private process: Process | undefined;

  constructor(
    readonly port: number,
    private readonly kubeconfig: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Starts the server and waits (bounded) until /healthz answers. */
  async start(timeoutMs = 30_000): Promise<void> {
    if (this.pid) throw new Error(`BFF already running (pid ${this.pid})`);
    this.process = await startBffProcess({
      env: {
        HOME: process.env.HOME ?? '',
        KUBECONFIG: this.kubeconfig,
        WHEELHOUSE_HOST: '127.0.0.1',
        WHEELHOUSE_PORT: String(this.port),
        WHEELHOUSE_STATIC_DIR: path.join(root, 'apps/web/dist'),
        WHEELHOUSE_LOG_LEVEL: 'warn',
      },
      timeoutMs,
    });
  }

  /** Kills this process (by its PID) and waits until it has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.process?.kill(signal);
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
