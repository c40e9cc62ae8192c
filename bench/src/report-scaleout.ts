/** RESULTS.md sections for the scale-out benchmarks: replicas, 100k pods across namespaces, repaint. */
import type { AllNamespacesResult } from './allns';
import type { ReplicasResult } from './replicas';
import type { ScaleRow } from './scale';
import { ratio, round } from './stats';

type Section<T> = T & { measuredAt?: string; commit?: string; error?: string };
type Goal = [string, string, boolean | undefined];

const ms = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : `${n} ms`);
const x = (n: number) => (Number.isFinite(n) ? `${n}×` : '—');
const mb = (bytes: number) => `${round(bytes / 1024 / 1024, 1)} MiB`;
const pct = (a: number, b: number) => (b ? `${round((a / b) * 100, 1)} %` : '—');
const stampOf = (s: { measuredAt?: string; commit?: string }) =>
  s.measuredAt
    ? ` _(measured ${s.measuredAt.replace('T', ' ').slice(0, 16)} UTC, commit ${s.commit ?? '?'})_`
    : '';

/** `section`: results.replicas as written by main.ts (undefined when not measured). */
export function renderReplicas(section: unknown, goals: Goal[]): string[] {
  const r = section as Section<ReplicasResult> | undefined;
  if (!r) return [];
  const out = [`## e. Beyond one process${stampOf(r)}`, ''];
  if (r.error || !r.perReplica) return [...out, `**failed:** ${r.error ?? 'no result'}`, ''];
  const oneEach = r.apiserverPodWatches === r.replicas && r.perReplica.every((p) => p.podInformers === 1);
  // Correctness is convergence: intermediate versions of one pod inside one batching tick are coalesced
  // by design, so a missed intermediate version is reported, not failed.
  const converged = r.clientsMatchingList === r.sockets;
  out.push(
    `${r.replicas} BFF processes (production build), ${r.sockets} browser-protocol sockets (socket.io, WebSocket transport) spread round-robin over them as a Service would, all subscribed to the pods of one namespace (${r.pods} pods); ${r.patches} annotation patches at ${r.patchRate}/s. Baseline for each replica: its own RSS before the sockets came.`,
    '',
    '| replica | sockets | pods informers | RSS idle → with sockets | vs idle | CPU during the patches (cores) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.perReplica.map(
      (p, i) =>
        `| ${i + 1} (:${p.port}) | ${p.sockets} | ${p.podInformers} | ${p.rssIdleMiB} → ${p.rssMiB} MiB | ${x(ratio(p.rssMiB, p.rssIdleMiB))} | ${p.cpuCores} |`,
    ),
    '',
    `- apiserver namespaced pods WATCHes opened (apiserver_longrunning_requests): **${r.apiserverPodWatches}** for ${r.replicas} processes and ${r.sockets} sockets.`,
    `- every client saw every change: the fewest patched versions one client received: **${r.minSeenByAClient} of ${r.patches}**; **${r.clientsMatchingList} of ${r.sockets}** clients' state equals a fresh LIST afterwards (names and resourceVersions)${r.resyncs ? `; ${r.resyncs} resyncs` : ''}.${r.firstMismatches.length ? ` First differences: ${r.firstMismatches.join('; ')}` : ''}`,
    `- change → client (patch sent → event received, ${r.latency.samples} samples): p50 ${ms(r.latency.p50)}, p95 ${ms(r.latency.p95)}, p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)}; all sockets subscribed in ${ms(r.subscribeAllMs)}.`,
    '',
  );
  goals.push([
    'replicas: one namespaced pods WATCH per process',
    `${r.apiserverPodWatches} for ${r.replicas}`,
    oneEach,
  ]);
  goals.push([
    'replicas: every client ends equal to a fresh LIST (patched versions seen by the worst client)',
    `${r.clientsMatchingList}/${r.sockets} (${r.minSeenByAClient}/${r.patches})`,
    converged,
  ]);
  return out;
}

/** `section`: results.allns as written by main.ts (undefined when not measured). */
export function renderAllNamespaces(section: unknown, goals: Goal[]): string[] {
  const a = section as Section<AllNamespacesResult> | undefined;
  if (!a) return [];
  if (a.error || !a.grow)
    return [`## f. Pods across namespaces${stampOf(a)}`, '', `**failed:** ${a.error ?? 'no result'}`, ''];
  const out = [
    `## f. ${a.pods.toLocaleString('en')} pods across ${a.namespaces.toLocaleString('en')} namespaces (target ${a.target.toLocaleString('en')})${stampOf(a)}`,
    '',
  ];
  if (a.error || !a.grow) return [...out, `**failed:** ${a.error ?? 'no result'}`, ''];
  const g = a.grow;
  out.push(
    `Bare pods pinned to the KWOK nodes, POSTed to the apiserver on 127.0.0.1 (48 at a time), KWOK (fast stages, 32 status changes at a time) marks them Running. ${g.existedBefore ? `${g.existedBefore.toLocaleString('en')} existed from an earlier run on the same cluster; ` : ''}this run created ${(g.created - g.existedBefore).toLocaleString('en')} in ${round(g.ms / 1000)} s (${g.ratePerSecond}/s)${g.stoppedBecause ? `, and stopped: ${g.stoppedBecause}` : ''}. Measured at **${a.pods.toLocaleString('en')} pods** in the cluster (${a.running.running.toLocaleString('en')} of ${a.running.total.toLocaleString('en')} bench pods Running). The all-namespaces Pods view (\`/pods\`). Baseline: the raw apiserver LIST of all pods (HTTPS, JSON.parse), and the peer \`kubectl get pods -A\`.`,
    '',
  );
  const list = a.rawList?.ms ?? Number.NaN;
  const b = a.browser;
  const rows: Array<[string, string, string, string]> = [
    [
      '`kubectl get pods -A`: first line / last line (peer)',
      a.kubectl?.error
        ? `failed: ${a.kubectl.error}`
        : `${ms(a.kubectl?.firstLineMs)} / ${ms(a.kubectl?.lastLineMs)}`,
      '',
      '',
    ],
    [
      'raw LIST, all pods (baseline)',
      ms(list),
      a.rawList ? mb(a.rawList.bytes) : '—',
      a.rawList?.error ?? '',
    ],
    [
      'cold BFF: first rows painted (chromium, first viewer)',
      ms(b?.coldBffFirstRowsMs),
      x(ratio(b?.coldBffFirstRowsMs ?? Number.NaN, list)),
      'goal ≤ 1.5 s',
    ],
    [
      'cold BFF: whole list loaded (row count says every pod)',
      ms(b?.coldBffWholeListMs),
      x(ratio(b?.coldBffWholeListMs ?? Number.NaN, list)),
      'goal ≤ 1.2 × raw LIST',
    ],
    [
      'first socket subscribe',
      ms(a.bff.coldSubscribeMs),
      x(ratio(a.bff.coldSubscribeMs ?? Number.NaN, list)),
      a.bff.coldErrors.length ? `refused first: ${a.bff.coldErrors.join('; ')}` : '',
    ],
    [
      'warm snapshot over a socket (median of 3)',
      ms(a.bff.warmSnapshotMs),
      `LIST ÷ snapshot ${x(ratio(list, a.bff.warmSnapshotMs ?? Number.NaN))}`,
      `runs ${a.bff.warmSnapshotRuns.join(', ')} ms; goal ≥ 5×`,
    ],
    [
      'snapshot bytes on the wire (rows, as the Pods list asks)',
      a.bff.snapshotWireBytes ? mb(a.bff.snapshotWireBytes) : '—',
      a.rawList ? `${pct(a.bff.snapshotWireBytes ?? 0, a.rawList.bytes)} of the LIST's JSON` : '—',
      'goal ≤ 25 %',
    ],
    ...(a.bff.objectSnapshotWireBytes
      ? [
          [
            'the same snapshot as slim objects (views that read spec and status)',
            `${ms(a.bff.objectSnapshotMs)}, ${mb(a.bff.objectSnapshotWireBytes)}`,
            a.rawList ? `${pct(a.bff.objectSnapshotWireBytes, a.rawList.bytes)} of the LIST's JSON` : '—',
            'one run',
          ] as [string, string, string, string],
        ]
      : []),
    [
      'BFF RSS: idle → every pod cached → with the browser',
      `${a.bff.idleRssMiB} → ${a.bff.rssMiB ?? '—'} → ${a.bff.rssWithBrowserMiB ?? '—'} MiB`,
      '',
      'goal ≤ 1 GB',
    ],
    [
      'warm: first rows / whole list',
      `${ms(b?.firstRowsWarmMs)} / ${ms(b?.wholeListWarmMs)}`,
      x(ratio(b?.wholeListWarmMs ?? Number.NaN, list)),
      '',
    ],
    [
      'filter keystroke → render (median; each)',
      `${ms(b?.filterKeystrokeMedianMs)} (${b?.filterKeystrokeMs.join(', ') ?? ''})`,
      '',
      'goal ≤ 50 ms',
    ],
    [
      'page JS heap after GC, whole list',
      b?.jsHeapMiB !== undefined ? `${b.jsHeapMiB} MiB` : '—',
      '',
      'goal ≤ 250 MB',
    ],
  ];
  out.push('| what | measured | vs baseline | notes |', '| --- | ---: | ---: | --- |');
  for (const [w, m, v, n] of rows) out.push(`| ${w} | ${m} | ${v} | ${n} |`);
  out.push('');
  if (b?.error) out.push(`Browser: ${b.error}`, '');
  if (a.notes.length) out.push(...a.notes.map((n) => `- ${n}`), '');
  const k = a.kubectl;
  const at = `${a.pods.toLocaleString('en')} pods`;
  goals.push([
    `${at}, all namespaces, cold BFF: first rows ≤ 1.5 s`,
    ms(b?.coldBffFirstRowsMs),
    b?.coldBffFirstRowsMs === undefined ? undefined : b.coldBffFirstRowsMs <= 1500,
  ]);
  goals.push([
    `${at}: whole list ≤ 1.2 × raw LIST`,
    x(ratio(b?.coldBffWholeListMs ?? Number.NaN, list)),
    b?.coldBffWholeListMs === undefined ? undefined : b.coldBffWholeListMs <= 1.2 * list,
  ]);
  if (a.rawList && a.bff.snapshotWireBytes)
    goals.push([
      `${at}: snapshot bytes ≤ 25 % of the JSON`,
      pct(a.bff.snapshotWireBytes, a.rawList.bytes),
      a.bff.snapshotWireBytes <= 0.25 * a.rawList.bytes,
    ]);
  if (a.bff.warmSnapshotMs !== undefined)
    goals.push([
      `${at}: warm snapshot ≥ 5× faster than LIST`,
      x(ratio(list, a.bff.warmSnapshotMs)),
      list / a.bff.warmSnapshotMs >= 5,
    ]);
  if (a.bff.rssMiB !== undefined)
    goals.push([`${at}: BFF RSS ≤ 1 GB`, `${a.bff.rssMiB} MiB`, a.bff.rssMiB * 1.048576 <= 1000]);
  if (b?.jsHeapMiB !== undefined)
    goals.push([
      `${at}: JS heap ≤ 250 MB, keystroke p50 ≤ 50 ms`,
      `${b.jsHeapMiB} MiB, ${ms(b.filterKeystrokeMedianMs)}`,
      b.jsHeapMiB * 1.048576 <= 250 && (b.filterKeystrokeMedianMs ?? Infinity) <= 50,
    ]);
  if (k && !k.error && b?.coldBffFirstRowsMs !== undefined && b.coldBffWholeListMs !== undefined)
    goals.push([
      `${at}: beat \`kubectl get pods -A\` to the first and to the last line`,
      `first ${ms(b.coldBffFirstRowsMs)} vs ${ms(k.firstLineMs)}, all ${ms(b.coldBffWholeListMs)} vs ${ms(k.lastLineMs)}`,
      b.coldBffFirstRowsMs < k.firstLineMs && b.coldBffWholeListMs < k.lastLineMs,
    ]);
  return out;
}

/** The repaint rows measured inside the scale benchmark (one namespace). */
export function renderRepaint(rows: ScaleRow[] | undefined, goals: Goal[]): string[] {
  const measured = (rows ?? []).filter((r) => r.repaint?.length || r.repaintError);
  if (measured.length === 0) return [];
  const out = [
    '### A change → its row repainted, in a big list',
    '',
    'Readiness of pods on screen flipped by status patches (4/s, 40 flips) → the READY cell of their rows changes in every open tab of the production SPA (chromium; all tabs on one BFF, one watch). Baseline: one tab.',
    '',
    '| pods | tabs | flips seen by every tab | p50 / p95 / p99 | p99 vs one tab |',
    '| ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of measured) {
    if (r.repaintError) out.push(`| ${r.pods} | — | failed: ${r.repaintError} | | |`);
    const one = r.repaint?.[0];
    for (const p of r.repaint ?? []) {
      out.push(
        `| ${p.pods} | ${p.tabs} | ${p.minSeenByATab} of ${p.flips} | ${p.p50} / ${p.p95} / ${p.p99} ms | ${x(ratio(p.p99, one?.p99 ?? 0))} |`,
      );
      goals.push([
        `${p.pods} pods: change → row p99 ≤ 250 ms (${p.tabs} tab${p.tabs > 1 ? 's' : ''})`,
        `${p.p99} ms`,
        p.p99 <= 250,
      ]);
    }
  }
  for (const r of measured) {
    if (r.pods === 10_000)
      goals.push(['10k pods: BFF RSS ≤ 150 MiB (issue 14)', `${r.bffRssMiB} MiB`, r.bffRssMiB <= 150]);
  }
  out.push('');
  return out;
}
