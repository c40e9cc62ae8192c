/**
 * Helpers for the deploy checks (scripts/deploy-check.sh): run a tool with a time limit, render the
 * Helm chart, and start the production bundle (apps/bff/dist/server.mjs) as a child process the way
 * the image's CMD does, stopped by its PID.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { loadAllYaml } from '@kubernetes/client-node';
import { repoRoot } from '@wheelhouse/testkit';

export const ROOT = repoRoot();
export const CHART = path.join(ROOT, 'deploy/chart/wheelhouse');
export const SERVER_BUNDLE = path.join(ROOT, 'apps/bff/dist/server.mjs');
export const WEB_DIST = path.join(ROOT, 'apps/web/dist');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs FILE ARGS, bounded in time; never throws on a non-zero exit (the caller asserts on `code`). */
export function run(
  file: string,
  args: string[],
  opts: { timeoutMs?: number; input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      {
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        env: opts.env ?? process.env,
        cwd: opts.cwd ?? ROOT,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 124) : 0;
        resolve({ code, stdout, stderr: error?.killed ? `${stderr}\n(timed out)` : stderr });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** The pinned helm (tools/helm/helm.sh; deploy-check.sh builds it first and passes WHEELHOUSE_HELM). */
export async function helmBinary(): Promise<string> {
  if (process.env.WHEELHOUSE_HELM) return process.env.WHEELHOUSE_HELM;
  const r = await run(path.join(ROOT, 'tools/helm/helm.sh'), ['path'], { timeoutMs: 600_000 });
  if (r.code !== 0) throw new Error(`tools/helm/helm.sh path failed: ${r.stderr}`);
  return path.join(r.stdout.trim(), 'helm');
}

export async function helm(args: string[]): Promise<RunResult> {
  return run(await helmBinary(), args, { timeoutMs: 60_000 });
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are checked field by field
  [k: string]: any;
}

/** `helm template` of the chart with `--set` values; throws with helm's message on failure. */
export async function renderChart(
  set: string[] = [],
  release = 'wheelhouse',
  namespace = 'wheelhouse',
): Promise<{ text: string; objects: K8sObject[] }> {
  const r = await helm([
    'template',
    release,
    CHART,
    '--namespace',
    namespace,
    ...set.flatMap((s) => ['--set', s]),
  ]);
  if (r.code !== 0) throw new Error(`helm template ${set.join(' ')} failed: ${r.stderr}`);
  return { text: r.stdout, objects: parseManifests(r.stdout) };
}

export function parseManifests(text: string): K8sObject[] {
  return (loadAllYaml(text) as Array<K8sObject | null>).filter((o): o is K8sObject => Boolean(o?.kind));
}

export function find(objects: K8sObject[], kind: string): K8sObject {
  const o = objects.find((x) => x.kind === kind);
  if (!o) throw new Error(`no ${kind} in the rendered manifests`);
  return o;
}

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

export interface ProdServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM by PID, then wait (bounded) for the exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `node server.mjs` in `cwd` (the production bundle, nothing else on its module path) with
 * exactly `env` (plus PATH), on 127.0.0.1:`port`, and waits (bounded) until /healthz answers.
 */
export async function startProdServer(opts: {
  cwd: string;
  script?: string;
  env: Record<string, string>;
  timeoutMs?: number;
  /** Node binary (default: this one). */
  node?: string;
  /** A command that execs its arguments (same PID), put in front of `node script`. */
  wrap?: string[];
  /** Run as this user/group (the caller must be root). */
  uid?: number;
  gid?: number;
}): Promise<ProdServer> {
  const script = opts.script ?? 'server.mjs';
  if (!existsSync(path.join(opts.cwd, script))) {
    throw new Error(`${path.join(opts.cwd, script)} is missing: run \`pnpm build\` first`);
  }
  const port = opts.env.WHEELHOUSE_PORT ?? String(await freePort());
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env, WHEELHOUSE_PORT: port };
  const argv = [...(opts.wrap ?? []), opts.node ?? process.execPath, script];
  const child = spawn(argv[0] as string, argv.slice(1), {
    cwd: opts.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let up = false;
  for (let i = 0; i < 200 && Date.now() < deadline && child.exitCode === null; i++) {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) {
        up = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 12_000)),
    ]);
    if (code === 'timeout') {
      child.kill('SIGKILL');
      return null;
    }
    return code;
  };
  if (!up) {
    await stop();
    throw new Error(`node ${script} did not answer /healthz on ${url}:\n${out}`);
  }
  return { url, child, output: () => out, stop };
}
