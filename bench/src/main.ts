/**
 * `make bench`: fan-out, event latency, scale, bundle size and a soak of the production build, against the
 * private bench cluster (bench/run.sh starts it). Writes bench/results/<date>.json and bench/RESULTS.md.
 *
 * Environment (all optional):
 *   BENCH_ONLY=fanout,latency,dom,scale,bundle,replicas,allns,soak   which benchmarks (default: all)
 *   BENCH_FANOUT=1,10,50,200                 socket clients
 *   BENCH_RATES=10,100,500                   patches per second
 *   BENCH_LATENCY_MS=10000                   duration of each rate
 *   BENCH_SCALES=1000,10000,30000            pods in one namespace
 *   BENCH_BROWSER=0                          skip the chromium measurements
 *   BENCH_REPLICAS=3,300,7175                replicas: BFF processes, sockets, first port
 *   BENCH_REPAINT_AT=10000                   scale size at which a change → row repaint is timed (1 and 5 tabs)
 *   BENCH_ALLNS=100000,1000,1800             allns: target pods, namespaces, growth budget (s); its
 *                                            pods already in the cluster (BENCH_KEEP_CLUSTER=1) are reused
 *   BENCH_SOAK_MINUTES=30, BENCH_SOAK_CLIENTS=200   the soak (bench/src/soak.ts); a failed soak exits 1
 *   BENCH_BFF_PORT                           the soak's BFF port (default: a free one)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAllNamespaces } from './allns';
import { startBff } from './bff';
import { benchBundle } from './bundle';
import { benchDomLatency } from './dom-latency';
import { benchFanout } from './fanout';
import { clusterBin, clusterEnv, connectKube } from './kube';
import { benchLatency } from './latency';
import { benchReplicas } from './replicas';
import { renderMarkdown } from './report';
import { benchScale } from './scale';
import { benchSoak } from './soak';
import { mib } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const list = (v: string | undefined, d: number[]) =>
  v
    ? v
        .split(',')
        .map((x) => Number(x.trim()))
        .filter((x) => Number.isFinite(x) && x > 0)
    : d;
const only = new Set(
  (process.env.BENCH_ONLY ?? 'fanout,latency,dom,scale,bundle,replicas,allns,soak')
    .split(',')
    .map((s) => s.trim()),
);

const t0 = Date.now();
const log = (s: string) => process.stderr.write(`[bench +${Math.round((Date.now() - t0) / 1000)}s] ${s}\n`);

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export function readAnalysis(): string | undefined {
  const file = path.join(root, 'bench/ANALYSIS.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Runs one benchmark; a failure is recorded in its section and the others still run. */
async function section<T>(name: string, fn: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await fn();
  } catch (err) {
    log(`${name} failed: ${(err as Error).stack ?? String(err)}`);
    return { error: (err as Error).message };
  }
}

async function main(): Promise<void> {
  const instance = process.env.WHEELHOUSE_CLUSTER;
  if (!instance || instance === 'default') {
    throw new Error(
      'run the bench through bench/run.sh (make bench): it needs its own cluster instance (WHEELHOUSE_CLUSTER=bench), never the shared default one',
    );
  }
  const clusterScript = path.join(root, 'tools/cluster/cluster');
  const kubeconfigPath = await clusterEnv(clusterScript);
  const kube = await connectKube(kubeconfigPath);
  const version = await kube.json<{ gitVersion: string }>('GET', '/version');
  const cpus = os.cpus();
  const machine = {
    nproc: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpus[0]?.model ?? 'unknown',
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    kubernetes: version.gitVersion,
  };
  const commit = git(['rev-parse', '--short=12', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  const startedAt = new Date();
  log(
    `machine: ${machine.nproc} cores, ${machine.memoryGiB} GiB, ${machine.cpuModel}; commit ${commit}${dirty ? ' (dirty tree)' : ''}`,
  );

  const results: Record<string, unknown> = {
    date: startedAt.toISOString(),
    commit,
    dirtyTree: dirty,
    machine,
    cluster: {
      name: process.env.WHEELHOUSE_CLUSTER ?? 'default',
      kwokStages: process.env.WHEELHOUSE_KWOK_STAGES ?? 'general',
    },
  };

  const day = startedAt.toISOString().slice(0, 10);
  const dir = path.join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const jsonPath = path.join(dir, `${day}.json`);
  // A partial run starts from the same day's file or, on a new day, from the newest earlier one (its
  // sections keep their own time and commit), so RESULTS.md keeps every benchmark.
  const newest = readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort()
    .at(-1);
  const basis = existsSync(jsonPath) ? jsonPath : newest ? path.join(dir, newest) : undefined;
  const previous =
    process.env.BENCH_ONLY && basis
      ? (JSON.parse(readFileSync(basis, 'utf8')) as Record<string, unknown>)
      : {};
  /** Written after every benchmark, so a late failure keeps what was measured. */
  const write = () => {
    const out: Record<string, unknown> = {
      ...results,
      durationSeconds: Math.round((Date.now() - t0) / 1000),
    };
    // A partial run (BENCH_ONLY) keeps the other benchmarks of the same day's file; each section
    // carries its own time and commit.
    for (const key of [
      'bundle',
      'bffIdle',
      'fanout',
      'latency',
      'domLatency',
      'scale',
      'replicas',
      'allns',
      'soak',
    ]) {
      if (out[key] === undefined && previous[key] !== undefined) out[key] = previous[key];
    }
    // Scale sizes measured again replace their rows; the other sizes keep theirs (with their time).
    const prevScale = previous.scale as { rows?: Array<{ pods: number }> } | undefined;
    const nowScale = out.scale as { rows?: Array<{ pods: number }> } | undefined;
    if (prevScale?.rows && nowScale?.rows && prevScale !== nowScale) {
      const fresh = new Set(nowScale.rows.map((r) => r.pods));
      out.scale = {
        ...nowScale,
        rows: [...prevScale.rows.filter((r) => !fresh.has(r.pods)), ...nowScale.rows].sort(
          (a, b) => a.pods - b.pods,
        ),
      };
    }
    writeFileSync(jsonPath, `${JSON.stringify(out, null, 2)}\n`);
    writeFileSync(
      path.join(root, 'bench/RESULTS.md'),
      renderMarkdown(out, path.basename(jsonPath), readAnalysis()),
    );
  };
  const stamp = () => ({ measuredAt: new Date().toISOString(), commit });

  if (only.has('bundle')) {
    results.bundle = { ...stamp(), ...benchBundle(path.join(root, 'apps/web/dist')) };
    log('bundle measured');
    write();
  }

  if (only.has('fanout') || only.has('latency') || only.has('dom')) {
    const bff = await startBff(root, kubeconfigPath);
    try {
      const idle = await bff.metrics();
      results.bffIdle = { rssMiB: mib(idle.rssBytes), heapUsedMiB: mib(idle.heapUsedBytes) };
      if (only.has('fanout')) {
        results.fanout = {
          ...stamp(),
          ...(await section('fan-out', () =>
            benchFanout(kube, bff, list(process.env.BENCH_FANOUT, [1, 10, 50, 200]), log),
          )),
        };
        write();
      }
      if (only.has('latency')) {
        results.latency = {
          ...stamp(),
          ...(await section('latency', () =>
            benchLatency(
              kube,
              bff,
              list(process.env.BENCH_RATES, [10, 100, 500]),
              Number(process.env.BENCH_LATENCY_MS ?? 10_000),
              log,
            ),
          )),
        };
        write();
      }
      if (only.has('dom') && process.env.BENCH_BROWSER !== '0') {
        results.domLatency = {
          ...stamp(),
          ...(await section('DOM latency', () =>
            benchDomLatency(kube, bff, { flips: 60, ratePerSecond: 5 }, log),
          )),
        };
        write();
      }
    } finally {
      await bff.stop();
    }
  }

  if (only.has('scale')) {
    results.scale = { ...stamp(), namespace: '', rows: [] };
    const partial = results.scale as { rows: unknown[]; error?: string };
    const outcome = await section('scale', () =>
      benchScale(
        kube,
        root,
        list(process.env.BENCH_SCALES, [1000, 10_000, 30_000]),
        {
          createTimeoutMs: (n) => Math.max(120_000, n * 40),
          browser: process.env.BENCH_BROWSER !== '0',
          repaintAt: Number(process.env.BENCH_REPAINT_AT ?? 10_000),
          onRow: (row) => {
            partial.rows.push(row);
            write();
          },
        },
        log,
      ),
    );
    if ('error' in outcome) partial.error = outcome.error;
    else results.scale = { ...stamp(), ...outcome };
    write();
  }

  if (only.has('replicas')) {
    const [replicas = 3, sockets = 300, basePort = 7175] = list(process.env.BENCH_REPLICAS, [3, 300, 7175]);
    results.replicas = {
      ...stamp(),
      ...(await section('replicas', () =>
        benchReplicas(kube, root, { replicas, sockets, basePort, pods: 50, patches: 200, rate: 20 }, log),
      )),
    };
    write();
  }

  if (only.has('allns')) {
    const [target = 100_000, namespaces = 1000, budgetS = 1800] = list(
      process.env.BENCH_ALLNS,
      [100_000, 1000, 1800],
    );
    results.allns = {
      ...stamp(),
      ...(await section('all namespaces', async () =>
        benchAllNamespaces(
          kube,
          root,
          {
            target,
            namespaces,
            growBudgetMs: budgetS * 1000,
            browser: process.env.BENCH_BROWSER !== '0',
            binDir: await clusterBin(clusterScript),
          },
          log,
        ),
      )),
    };
    write();
  }

  if (only.has('soak')) {
    const soak = await section('soak', () =>
      benchSoak(
        kube,
        root,
        {
          minutes: Number(process.env.BENCH_SOAK_MINUTES ?? 30),
          clients: Number(process.env.BENCH_SOAK_CLIENTS ?? 200),
          port: Number(process.env.BENCH_BFF_PORT ?? 0) || undefined,
          samplesDir: dir,
        },
        log,
      ),
    );
    results.soak = { ...stamp(), ...soak };
    // A leak or a diverged observer fails `make bench` (after the results are written).
    if (!('pass' in soak) || !soak.pass) process.exitCode = 1;
    write();
  }

  kube.close();
  write();
  log(
    `wrote ${path.relative(root, jsonPath)} and bench/RESULTS.md in ${Math.round((Date.now() - t0) / 1000)} s`,
  );
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    log(`failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
