/** The soak's section of bench/RESULTS.md and its rows in the Goals table. */

import type { SoakResult } from './soak';
import { SOAK_LIMITS } from './soak-analysis';

type Soak = SoakResult & { measuredAt?: string; commit?: string; error?: string };
type Goal = [string, string, boolean | undefined];

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

export function renderSoak(s: Soak, stampOf: (s: Soak) => string): { lines: string[]; goals: Goal[] } {
  const out: string[] = [`## g. Soak${stampOf(s)}`, ''];
  if (s.error || s.rssMiB === undefined) {
    out.push(`**failed:** ${s.error ?? 'no samples'}`, '');
    return { lines: out, goals: [['soak: flat RSS and lag, observers equal a LIST', 'failed', false]] };
  }
  const L = SOAK_LIMITS;
  const c = s.churn;
  const d = s.divergence;
  out.push(
    `${s.clients} socket.io observers (${s.subscriptions} subscriptions: each the pods and ConfigMaps of one namespace, every other one also the churned pods by label selector) for ${s.minutes} minutes, against a fresh production BFF. Churn, ${c.perSecond} writes/s: ${c.podPatches ?? 0} pod patches, ${c.podCreates ?? 0} pod creates, ${c.podDeletes ?? 0} pod deletes, ${c.configMapWrites ?? 0} ConfigMap writes, ${c.configMapCreates ?? 0}/${c.configMapDeletes ?? 0} ConfigMap creates/deletes (${c.errors ?? 0} errors); one observer closed and reconnected every 15 s (${s.reconnects} times). The BFF's /metrics scraped every 10 s (${s.samples} samples); trends are least-squares slopes after a ${s.warmupSeconds / 60}-minute warm-up (${s.analysedSamples} samples), of every sample and of per-minute blocks (memory: the minute's floor; delay: its median). Baseline: each series' own start (median of its first three minutes after the warm-up).`,
    '',
    '| series | start → end (per minute) | min – max (samples) | slope, samples: all / second half | slope, per minute: all / second half |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  const row = (name: string, t: SoakResult['rssMiB'], unit: string) =>
    `| ${name} | ${t.start} → ${t.end} ${unit} (${signed(Math.round((t.end - t.start) * 10) / 10)}) | ${t.min} – ${t.max} ${unit} | ${signed(t.slopePerHour)} / ${signed(t.slopeSecondHalfPerHour)} ${unit}/h | ${signed(t.blockSlopePerHour)} / ${signed(t.blockSlopeSecondHalfPerHour)} ${unit}/h |`;
  const la = s.loadAverage;
  out.push(
    row('BFF RSS (floor)', s.rssMiB, 'MiB'),
    row('V8 heap used (floor)', s.heapUsedMiB, 'MiB'),
    row('event-loop delay p99 per 10 s (median)', s.lagP99Ms, 'ms'),
    row('BFF CPU per 1,000 events sent (median)', s.cpuMsPerKiloEvents, 'ms'),
    '',
    `Event-loop delay as perf_hooks records it (the interval of a 10 ms timer, so ~10 ms when idle): p99 median ${s.lagP99Ms.median} ms, worst single delay ${s.lagMaxMs} ms; the machine's load average went ${la.start} → ${la.end} (max ${la.max}) on 2 shared cores. RSS after every observer closed: ${s.rssAfterCloseMiB} MiB.`,
    '',
    `A leak fails the run when the RSS floor grows > ${L.rssSlopeMiBPerHour} MiB/h over the second half **and** ends > ${L.rssGrowthMiB} MiB above its start; so does any observer that differs from a fresh LIST. The event-loop delay and CPU per event are reported, not judged: on this shared machine they follow the other processes' load (why and the limits' reasons: bench/src/soak-analysis.ts). At the end, after the writes stopped (${d.quietSeconds} s of quiet), each observer's state was compared with a fresh LIST: ${d.observersDiverged} of ${d.observersChecked} diverged — ${d.missing} missing, ${d.ghosts} ghosts, ${d.stale} stale resourceVersions; ${s.unexpectedDisconnects} dropped connections, ${s.reconnectFailures} failed reconnects, ${s.observerResyncs} resyncs received.`,
    '',
    `**Verdict: ${s.pass ? 'pass' : `FAIL — ${s.reasons.join('; ')}`}.** Raw samples: [results/${s.samplesFile}](results/${s.samplesFile}). Reproduce: \`BENCH_ONLY=soak make bench\` (BENCH_SOAK_MINUTES, BENCH_SOAK_CLIENTS).`,
    '',
  );
  const goals: Goal[] = [
    [
      `soak ${s.minutes} min, ${s.clients} sockets: RSS flat (floor ≤ ${L.rssSlopeMiBPerHour} MiB/h or ≤ +${L.rssGrowthMiB} MiB)`,
      `${signed(s.rssMiB.blockSlopeSecondHalfPerHour)} MiB/h, ${signed(Math.round((s.rssMiB.end - s.rssMiB.start) * 10) / 10)} MiB`,
      !s.leak,
    ],
    [
      'soak: event-loop delay and CPU per event (reported, not judged)',
      `CPU/1k events ${signed(s.cpuMsPerKiloEvents.blockSlopePerHour)} ms/h; delay p99 ${signed(s.lagP99Ms.blockSlopePerHour)} ms/h at load ${s.loadAverage.start} → ${s.loadAverage.end}`,
      undefined,
    ],
    [
      'soak: every observer equals a fresh LIST',
      `${d.missing} missing, ${d.ghosts} ghosts, ${d.stale} stale`,
      d.observersDiverged === 0 && s.unexpectedDisconnects === 0 && s.reconnectFailures === 0,
    ],
  ];
  return { lines: out, goals };
}
