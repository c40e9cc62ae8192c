/**
 * Helpers for the deploy checks (scripts/deploy-check.sh): run a tool with a time limit and render the
 * Helm chart. The production bundle is started with @wheelhouse/testkit's startBffProcess, the way the
 * image's CMD does.
 */
import { execFile } from 'node:child_process';
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
