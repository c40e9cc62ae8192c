/**
 * make chaos (scripts/chaos.sh starts the private cluster and builds): churn plus a seeded schedule
 * of overlapping faults under browser tabs and protocol clients, then a quiet period, then every
 * observer against a fresh LIST and the BFF against its baseline, then N apiserver-kill trials.
 *
 * Options (environment): CHAOS_SEED (default 15), CHAOS_DURATION seconds of churn (600), CHAOS_TABS
 * (5), CHAOS_CLIENTS (50), CHAOS_TRIALS (20), CHAOS_RATE churn operations per second (4),
 * CHAOS_FAULT_EVERY seconds per extra fault (30), CHAOS_QUIET seconds (15), CHAOS_PORT (7173: the
 * proxy; the BFF on +1, the slow consumer's proxy on +2), CHAOS_REPORT_DIR (artifacts/chaos),
 * CHAOS_SUMMARY (a JSON of named checks for make test's summary).
 */
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { SubscribeRequest } from '@wheelhouse/shared-types';
import { repoRoot } from '@wheelhouse/testkit';
import { ChaosBff } from './bff';
import { churn } from './churn';
import { clusterKubeconfig, runSchedule } from './faults';
import { kubeOf, NAMESPACES, setUp } from './kube';
import { ProtocolClient } from './protocol-client';
import { startProxy } from './proxy';
import { type ChaosReport, type Check, writeReport } from './report';
import { drawSchedule, FAULT_TYPES, mulberry32 } from './schedule';
import { openTabs } from './tabs';
import { apiserverTrials, percentile } from './trials';
import { converge, failures } from './verify';

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};
const opts = {
  seed: num('CHAOS_SEED', 15),
  durationS: num('CHAOS_DURATION', 600),
  tabs: Math.min(5, num('CHAOS_TABS', 5)),
  clients: num('CHAOS_CLIENTS', 50),
  trials: num('CHAOS_TRIALS', 20),
  rate: num('CHAOS_RATE', 4),
  faultEveryS: num('CHAOS_FAULT_EVERY', 30),
  quietS: num('CHAOS_QUIET', 15),
  port: num('CHAOS_PORT', 7173),
};
const GRACE_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t00 = Date.now();
const log = (s: string) =>
  console.log(`[chaos ${((Date.now() - t00) / 1000).toFixed(1).padStart(6)} s] ${s}`);

/** Client i watches its namespace's pods, and one more list from a rotation of kinds and scopes. */
function subscriptionsOf(i: number): SubscribeRequest[] {
  const namespace = NAMESPACES[i % NAMESPACES.length] as string;
  const second: SubscribeRequest[] = [
    { kind: 'deployments', namespace },
    { kind: 'replicasets', namespace },
    { kind: 'configmaps', namespace },
    { kind: 'secrets', namespace },
    { kind: 'pods', namespace, labelSelector: 'app=web' },
    { kind: 'pods' },
  ];
  return [{ kind: 'pods', namespace }, second[i % second.length] as SubscribeRequest];
}

async function main(): Promise<number> {
  const cluster = process.env.WHEELHOUSE_CLUSTER;
  if (!cluster || cluster === 'default')
    throw new Error('chaos: set WHEELHOUSE_CLUSTER to a private instance');
  const kubeconfig = await clusterKubeconfig();
  const stateDir = path.dirname(kubeconfig);
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const k = kubeOf(kc);
  const rng = mulberry32(opts.seed);
  const durationMs = opts.durationS * 1000;
  const schedule = drawSchedule(rng, durationMs, opts.faultEveryS * 1000);
  log(
    `seed ${opts.seed}, ${opts.durationS} s, ${opts.tabs} tabs, ${opts.clients} clients, ${schedule.length} faults`,
  );

  await setUp(k);
  const bff = new ChaosBff(opts.port + 1, kubeconfig, GRACE_MS);
  await bff.start();
  const proxy = await startProxy(opts.port, () => bff.port);
  const slowProxy = await startProxy(opts.port + 2, () => bff.port);
  const clients = Array.from(
    { length: opts.clients },
    (_, i) => new ProtocolClient(`client-${i}`, proxy.url, subscriptionsOf(i)),
  );
  const slow = new ProtocolClient('slow-consumer', slowProxy.url, [{ kind: 'pods' }, { kind: 'configmaps' }]);
  const observers = [...clients, slow];
  const { browser, tabs } = await openTabs(proxy.url, opts.tabs);
  // Ctrl-C or the script's timeout: the BFF and chromium are this run's children, stop them too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([bff.kill(), browser.close()]).then(() => process.exit(130));
    });
  }
  try {
    await Promise.all(observers.map((c) => c.start()));
    const initial = await converge(k, observers, tabs, 60_000);
    if (!initial.verdict.ok)
      throw new Error(`observers did not converge before the run: ${failures(initial.verdict).join('; ')}`);
    await sleep(2_000);
    const baseline = await bff.metrics();
    log(
      `baseline: ${observers.length} clients and ${tabs.length} tabs converged; BFF RSS ${(baseline.rssBytes / 1048576).toFixed(0)} MiB, ${baseline.informers} informers`,
    );

    const t0 = Date.now();
    const deps = { k, stateDir, bff, proxy, slowProxy };
    const [churnStats, records] = await Promise.all([
      churn(k, rng, opts.rate, t0 + durationMs),
      runSchedule(schedule, t0, deps, log),
    ]);
    log(`churn done: ${churnStats.sent} operations, ${churnStats.failed} failed; quiet for ${opts.quietS} s`);
    await sleep(Math.max(opts.quietS * 1000, GRACE_MS + 2_000));
    const end = await converge(k, observers, tabs, 120_000);
    log(`after the quiet period: ${end.verdict.ok ? 'every observer converged' : 'DIVERGED'} (${end.ms} ms)`);
    for (const f of failures(end.verdict)) log(`  ${f}`);
    const endMetrics = await bff.metrics();

    const trials = await apiserverTrials(opts.trials, k, stateDir, observers, tabs, 60_000, log);

    // RSS: the BFF's heap grows under a burst and V8 gives pages back lazily, so "back near baseline"
    // allows half the baseline or 64 MiB, whichever is more; a leak that scales with the run's tens of
    // thousands of events, or with observers reconnecting after every cut, goes far beyond it.
    const rssTolerance = Math.max(64 * 1048576, baseline.rssBytes / 2);
    const ranTypes = new Set(records.filter((f) => f.ok).map((f) => f.type));
    const badClients = end.verdict.clients.filter((c) => !c.ok).map((c) => c.name);
    const sum = (key: 'missing' | 'ghosts' | 'stale') =>
      end.verdict.clients.reduce((s, c) => s + c.subs.reduce((t, x) => t + x[key].length, 0), 0);
    const ms = trials.map((t) => t.convergedMs);
    const checks: Check[] = [
      {
        name: 'every protocol client equals a fresh LIST',
        ok: badClients.length === 0,
        detail: `${observers.length - badClients.length}/${observers.length} clients; ${sum('missing')} missing, ${sum('ghosts')} ghosts, ${sum('stale')} stale${badClients.length ? `; diverged: ${badClients.join(', ')}` : ''}`,
      },
      {
        name: 'every tab shows what a fresh read says',
        ok: end.verdict.tabs.every((t) => t.matches.ok),
        detail: end.verdict.tabs
          .map((t) => `${t.name}: ${t.matches.ok ? 'ok' : t.matches.detail}`)
          .join('; '),
      },
      {
        name: 'every tab recovered without a reload',
        ok: end.verdict.tabs.every((t) => !t.reloaded),
        detail:
          end.verdict.tabs
            .filter((t) => t.reloaded)
            .map((t) => t.name)
            .join(', ') || `${tabs.length} tabs, 0 reloads`,
      },
      {
        name: 'no error state left on screen',
        ok: end.verdict.tabs.every((t) => t.indicator === 'live' && t.alerts.length === 0),
        detail: end.verdict.tabs
          .map((t) => `${t.name}: ${t.indicator}${t.alerts.length ? ` ${JSON.stringify(t.alerts)}` : ''}`)
          .join('; '),
      },
      {
        name: 'every scheduled fault ran, each kind at least once',
        ok: records.every((f) => f.ok) && FAULT_TYPES.every((t) => ranTypes.has(t)),
        detail:
          records
            .filter((f) => !f.ok)
            .map((f) => `${f.type}: ${f.note}`)
            .join('; ') || `${records.length} faults`,
      },
      {
        name: 'BFF open watches, subscriptions and sockets back to baseline',
        // The same subscriptions may need one more informer than at baseline for each one that is no
        // longer narrowed: which informer exists first (a namespace's pods, or a labelled view of
        // them) depends on the order the observers came back in. Beyond that, an informer is a leak.
        ok:
          endMetrics.informers <= baseline.informers + Math.max(0, baseline.narrowed - endMetrics.narrowed) &&
          endMetrics.subscriptions === baseline.subscriptions &&
          endMetrics.sockets === baseline.sockets,
        detail: `informers ${baseline.informers} → ${endMetrics.informers} (narrowed subscriptions ${baseline.narrowed} → ${endMetrics.narrowed}), subscriptions ${baseline.subscriptions} → ${endMetrics.subscriptions}, sockets ${baseline.sockets} → ${endMetrics.sockets}`,
      },
      {
        name: 'BFF RSS back near baseline',
        ok: endMetrics.rssBytes <= baseline.rssBytes + rssTolerance,
        detail: `${(baseline.rssBytes / 1048576).toFixed(0)} → ${(endMetrics.rssBytes / 1048576).toFixed(0)} MiB (tolerance +${(rssTolerance / 1048576).toFixed(0)} MiB; the last BFF process started ${((bff.starts.at(-1) ?? t0) - t0) / 1000} s into the run)`,
      },
      ...(trials.length
        ? [
            {
              name: `apiserver killed (-9) mid-watch: every observer converged in each of ${trials.length} trials`,
              ok: trials.every((t) => t.ok),
              detail: `p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms after /readyz${
                trials.some((t) => !t.ok)
                  ? `; failed: ${trials
                      .filter((t) => !t.ok)
                      .map((t) => `${t.trial}: ${t.failures.join('; ')}`)
                      .join(' | ')}`
                  : ''
              }`,
            },
          ]
        : []),
    ];
    const report: ChaosReport = {
      seed: opts.seed,
      startedAt: new Date(t00).toISOString(),
      options: {
        CHAOS_DURATION: opts.durationS,
        CHAOS_TABS: opts.tabs,
        CHAOS_CLIENTS: opts.clients,
        CHAOS_TRIALS: opts.trials,
        CHAOS_RATE: opts.rate,
        CHAOS_FAULT_EVERY: opts.faultEveryS,
      },
      schedule,
      faults: records,
      churn: churnStats,
      verdict: end.verdict,
      convergedAfterQuietMs: end.ms,
      metrics: { baseline, end: endMetrics, rssToleranceBytes: rssTolerance },
      trials,
      checks,
    };
    const dir = process.env.CHAOS_REPORT_DIR ?? path.join(repoRoot(), 'artifacts/chaos');
    const files = writeReport(dir, report, process.env.CHAOS_SUMMARY);
    for (const c of checks) log(`${c.ok ? 'ok    ' : 'FAILED'} ${c.name}: ${c.detail}`);
    log(`report: ${files.md}`);
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    for (const c of observers) c.close();
    await browser.close().catch(() => undefined);
    await proxy.close();
    await slowProxy.close();
    await bff.stop();
  }
}

// A hard bound on the whole run, whatever hangs: churn, quiet period, trials, set-up and slack.
const bound = (opts.durationS + opts.quietS + 120 + 60 * opts.trials + 600) * 1000;
setTimeout(() => {
  console.error(`chaos: the run exceeded its bound of ${bound / 1000} s`);
  process.exit(3);
}, bound).unref();

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`chaos: ${err.stack ?? err.message}`);
    process.exit(2);
  },
);
