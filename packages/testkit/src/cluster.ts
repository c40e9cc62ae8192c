/**
 * The local control plane from tools/cluster: start it (once per process) and run its kubectl.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';

export interface ClusterInfo {
  /** The admin kubeconfig of the local cluster. */
  kubeconfigPath: string;
  /** Loaded from kubeconfigPath. */
  kc: KubeConfig;
  /** The cached control-plane binaries, kubectl among them. */
  binDir: string;
}

/** `cluster up` may have to compile the control plane on a cold cache (tens of minutes on 2 cores). */
const CLUSTER_UP_TIMEOUT_MS = Number(process.env.WHEELHOUSE_CLUSTER_UP_TIMEOUT_MS ?? 45 * 60_000);
const KUBECTL_TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 64 * 1024 * 1024;

/** The repository root: this file lives in packages/testkit/src. */
export function repoRoot(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  if (!existsSync(join(root, 'tools/cluster/cluster'))) {
    throw new Error(
      `testkit: expected the repository root at ${root}, but tools/cluster/cluster is not there`,
    );
  }
  return root;
}

interface RunResult {
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], opts: { timeoutMs: number; input?: string }): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      file,
      args,
      { timeout: opts.timeoutMs, maxBuffer: MAX_OUTPUT, env: process.env, killSignal: 'SIGTERM' },
      (error, stdout, stderr) => {
        if (error) {
          const how = error.killed
            ? `was stopped after ${opts.timeoutMs}ms`
            : `failed (exit ${typeof error.code === 'number' ? error.code : String(error.code)})`;
          const detail = stderr.trim() || stdout.trim() || error.message;
          reject(new Error(`${[file, ...args].join(' ')} ${how}: ${detail}`));
          return;
        }
        resolvePromise({ stdout, stderr });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

function clusterScript(args: string[], timeoutMs: number): Promise<RunResult> {
  return run(join(repoRoot(), 'tools/cluster/cluster'), args, { timeoutMs });
}

/** Every request of these tests must stay on this machine: refuse any other apiserver. */
function assertLoopback(kc: KubeConfig, kubeconfigPath: string): void {
  const server = kc.getCurrentCluster()?.server;
  const host = server ? new URL(server).hostname : undefined;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(
      `testkit: ${kubeconfigPath} points at ${server ?? 'no server'}; the testkit only talks to a local ` +
        'cluster on 127.0.0.1 (tools/cluster/cluster up)',
    );
  }
}

async function startCluster(): Promise<ClusterInfo> {
  const preset = process.env.WHEELHOUSE_KUBECONFIG;
  let kubeconfigPath: string;
  if (preset) {
    kubeconfigPath = preset;
  } else {
    // `up` is idempotent and takes a lock: a second process waits for the first, a running cluster
    // returns at once. WHEELHOUSE_CLUSTER (inherited through env) picks the instance.
    await clusterScript(['up'], CLUSTER_UP_TIMEOUT_MS);
    const env = (await clusterScript(['env'], 10_000)).stdout.trim();
    const match = /^export KUBECONFIG=(.+)$/.exec(env);
    if (!match?.[1]) throw new Error(`testkit: unexpected output of 'tools/cluster/cluster env': ${env}`);
    kubeconfigPath = match[1];
  }
  const binDir = (await clusterScript(['bin'], 10_000)).stdout.trim();
  if (!existsSync(join(binDir, 'kubectl'))) {
    throw new Error(`testkit: no kubectl in ${binDir}; run tools/cluster/cluster up (or build) first`);
  }
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  assertLoopback(kc, kubeconfigPath);
  return { kubeconfigPath, kc, binDir };
}

let cluster: Promise<ClusterInfo> | undefined;

/**
 * Makes sure the local cluster runs and returns how to reach it. Runs `tools/cluster/cluster up` once per
 * process (memoised; a failure is not cached, so a later call retries). With WHEELHOUSE_KUBECONFIG set, that
 * kubeconfig is loaded instead and nothing is started. WHEELHOUSE_CLUSTER selects the instance.
 */
export function ensureCluster(): Promise<ClusterInfo> {
  if (!cluster) {
    cluster = startCluster();
    cluster.catch(() => {
      cluster = undefined;
    });
  }
  return cluster;
}

export interface KubectlOptions {
  /** Written to kubectl's stdin (e.g. a manifest for `apply -f -`). */
  input?: string;
  /** Default 60 s. */
  timeoutMs?: number;
}

/**
 * Runs the cached kubectl against the local cluster's kubeconfig and returns its stdout. Throws an Error
 * carrying kubectl's stderr when it exits non-zero or runs past the timeout.
 */
export async function kubectl(args: string[], opts: KubectlOptions = {}): Promise<string> {
  const { binDir, kubeconfigPath } = await ensureCluster();
  const runOpts: { timeoutMs: number; input?: string } = { timeoutMs: opts.timeoutMs ?? KUBECTL_TIMEOUT_MS };
  if (opts.input !== undefined) runOpts.input = opts.input;
  const { stdout } = await run(join(binDir, 'kubectl'), ['--kubeconfig', kubeconfigPath, ...args], runOpts);
  return stdout;
}
