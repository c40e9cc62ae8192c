/**
 * artifacts/chaos/<seed>.json (everything: options, schedule, what each fault did, per-observer
 * divergence, metrics, trials) and <seed>.md (the same, for a person), and optionally a summary of
 * named checks that scripts/summarize-tests.mjs counts in `make test`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BffMetrics } from './bff';
import type { ChurnStats } from './churn';
import type { FaultRecord } from './faults';
import type { ScheduledFault } from './schedule';
import { percentile, type Trial } from './trials';
import { failures, type Verdict } from './verify';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ChaosReport {
  seed: number;
  startedAt: string;
  options: Record<string, number | string>;
  schedule: ScheduledFault[];
  faults: FaultRecord[];
  churn: ChurnStats;
  verdict: Verdict;
  convergedAfterQuietMs: number;
  metrics: { baseline: BffMetrics; end: BffMetrics; rssToleranceBytes: number };
  trials: Trial[];
  checks: Check[];
}

const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;

export function markdown(r: ChaosReport): string {
  const ms = r.trials.map((t) => t.convergedMs);
  const lines = [
    `# Chaos run, seed ${r.seed}`,
    '',
    `Started ${r.startedAt}; replay with \`CHAOS_SEED=${r.seed} make chaos\` (same options: ${Object.entries(
      r.options,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}).`,
    '',
    `**${r.checks.every((c) => c.ok) ? 'PASSED' : 'FAILED'}**: ${r.checks.filter((c) => c.ok).length} of ${r.checks.length} checks.`,
    '',
    '| check | result | detail |',
    '| --- | --- | --- |',
    ...r.checks.map(
      (c) =>
        `| ${c.name} | ${c.ok ? 'ok' : '**FAILED**'} | ${c.detail.replace(/\|/g, '\\|').slice(0, 400)} |`,
    ),
    '',
    '## Faults (seeded schedule, overlapping)',
    '',
    '| scheduled | started | ended | fault | hold | outcome |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.faults.map(
      (f) =>
        `| ${(f.atMs / 1000).toFixed(1)} s | ${(f.startedAtMs / 1000).toFixed(1)} s | ${(f.endedAtMs / 1000).toFixed(1)} s | ${f.type} | ${f.holdMs} ms${f.delayMs ? ` (+${f.delayMs} ms)` : ''} | ${f.ok ? '' : 'FAILED: '}${f.note} |`,
    ),
    '',
    `Churn: ${r.churn.sent} operations (${r.churn.failed} failed while faults ran): ${Object.entries(
      r.churn.byOp,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    '## Observers after the quiet period',
    '',
    `${r.verdict.clients.length} protocol clients and ${r.verdict.tabs.length} tabs; converged ${r.convergedAfterQuietMs} ms into the check.`,
    '',
    ...(failures(r.verdict).length
      ? failures(r.verdict).map((f) => `- ${f}`)
      : ['Every observer equals a fresh LIST: 0 missing, 0 ghosts, 0 stale.']),
    '',
    '## BFF',
    '',
    `RSS ${mib(r.metrics.baseline.rssBytes)} at baseline, ${mib(r.metrics.end.rssBytes)} at the end (tolerance +${mib(r.metrics.rssToleranceBytes)}); informers ${r.metrics.baseline.informers} → ${r.metrics.end.informers}, subscriptions ${r.metrics.baseline.subscriptions} → ${r.metrics.end.subscriptions}, sockets ${r.metrics.baseline.sockets} → ${r.metrics.end.sockets}.`,
    '',
    `## kube-apiserver killed (-9) mid-watch: ${r.trials.length} trials`,
    '',
    ...(r.trials.length
      ? [
          `Time from /readyz ok to every observer converged: p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms, max ${Math.max(...ms)} ms.`,
          '',
          r.trials.map((t) => `${t.convergedMs}${t.ok ? '' : ' (not converged)'}`).join(', '),
        ]
      : ['none run']),
    '',
  ];
  return lines.join('\n');
}

export function writeReport(dir: string, r: ChaosReport, summaryPath?: string): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${r.seed}.json`);
  const md = path.join(dir, `${r.seed}.md`);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, markdown(r));
  if (summaryPath) {
    mkdirSync(path.dirname(summaryPath), { recursive: true });
    writeFileSync(summaryPath, `${JSON.stringify({ chaos: { seed: r.seed, checks: r.checks } }, null, 2)}\n`);
  }
  return { json, md };
}
