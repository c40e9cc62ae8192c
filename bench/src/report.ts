/** bench/RESULTS.md from one results JSON: every figure next to its baseline from the same run. */
import type { BundleResult } from './bundle';
import type { DomLatencyResult } from './dom-latency';
import type { FanoutRow } from './fanout';
import type { LatencyRow } from './latency';
import { renderAllNamespaces, renderRepaint, renderReplicas } from './report-scaleout';
import type { ScaleRow } from './scale';
import type { SoakResult } from './soak';
import { renderSoak } from './soak-report';
import { ratio, round } from './stats';

type Section<T> = T & { measuredAt?: string; commit?: string; error?: string };

interface Results {
  date: string;
  commit: string;
  dirtyTree: boolean;
  machine: {
    nproc: number;
    memoryGiB: number;
    cpuModel: string;
    loadAverageAtStart: number[];
    node: string;
    kubernetes: string;
  };
  cluster: { name: string; kwokStages: string };
  bffIdle?: { rssMiB: number; heapUsedMiB: number };
  bundle?: Section<BundleResult>;
  fanout?: Section<{ namespacePods: number; churnRate: number; churnMs: number; rows: FanoutRow[] }>;
  latency?: Section<{ pods: number; rows: LatencyRow[] }>;
  scale?: Section<{ namespace: string; rows: ScaleRow[] }>;
  domLatency?: Section<DomLatencyResult>;
  soak?: Section<SoakResult>;
  durationSeconds?: number;
}

const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
const ok = (pass: boolean | undefined) => (pass === undefined ? '—' : pass ? '✅' : '❌');
const x = (n: number) => (Number.isFinite(n) ? `${n}×` : '—');
const ms = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : `${n} ms`);
const stampOf = (s: { measuredAt?: string; commit?: string }) =>
  s.measuredAt
    ? ` _(measured ${s.measuredAt.replace('T', ' ').slice(0, 16)} UTC, commit ${s.commit ?? '?'})_`
    : '';

/**
 * `analysis`: hand-written reading of the numbers (bench/ANALYSIS.md), appended as is — it says which
 * run it was written for.
 */
export function renderMarkdown(raw: Record<string, unknown>, jsonName: string, analysis?: string): string {
  const r = raw as unknown as Results;
  const out: string[] = [];
  const goals: Array<[string, string, boolean | undefined]> = [];
  out.push('# Wheelhouse benchmarks', '');
  out.push(
    `Produced by \`make bench\` (bench/run.sh → bench/src/main.ts); raw numbers in [results/${jsonName}](results/${jsonName}).`,
    'Every figure stands next to its baseline from the same run; a ratio says how many times the baseline it is.',
    '',
    '| | |',
    '| --- | --- |',
    `| date | ${r.date.replace('T', ' ').slice(0, 19)} UTC |`,
    `| machine | ${r.machine.nproc} cores (nproc), ${r.machine.memoryGiB} GiB, ${r.machine.cpuModel}; load average at start ${r.machine.loadAverageAtStart.join(' / ')} (shared machine) |`,
    `| commit | ${r.commit}${r.dirtyTree ? ' + uncommitted changes of concurrent work in the tree' : ''} |`,
    `| software | Node ${r.machine.node}, Kubernetes ${r.machine.kubernetes} (tools/cluster, instance \`${r.cluster.name}\`, KWOK stages \`${r.cluster.kwokStages}\`) |`,
    `| BFF | production build (apps/bff/dist/server.mjs) as its own process; RSS and CPU from its /metrics |`,
    '',
  );

  const failed = (name: string, sec: { error?: string; measuredAt?: string; commit?: string }) => {
    if (sec.error) out.push(`**${name} failed:** ${sec.error}${stampOf(sec)}`, '');
  };
  if (r.fanout && !r.fanout.rows) failed('Fan-out', r.fanout);
  if (r.latency && !r.latency.rows) failed('Event latency', r.latency);
  if (r.fanout?.rows) {
    const f = r.fanout;
    const base = f.rows[0];
    out.push(`## a. Fan-out${stampOf(f)}`, '');
    out.push(
      `N socket clients subscribed to the pods of one namespace (${f.namespacePods} pods) while they change at ${f.churnRate} patches/s for ${f.churnMs / 1000} s. Baseline: 1 client.`,
      '',
      '| clients | apiserver namespaced pods WATCHes | BFF CPU (cores) | vs 1 client | BFF RSS | vs 1 client | subscribe all | every client saw every change |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const row of f.rows) {
      out.push(
        `| ${row.clients} | ${row.apiserverPodWatches} | ${row.bffCpuCores} | ${x(ratio(row.bffCpuCores, base?.bffCpuCores ?? 0))} | ${row.bffRssMiB} MiB | ${x(ratio(row.bffRssMiB, base?.bffRssMiB ?? 0))} | ${ms(row.subscribeAllMs)} | ${row.minSeenByAClient === row.patchesSent ? `yes (${row.patchesSent}/${row.patchesSent})` : `no: one saw ${row.minSeenByAClient}/${row.patchesSent}`} |`,
      );
    }
    out.push('');
    goals.push([
      'fan-out: one apiserver watch regardless of clients',
      f.rows.map((row) => `${row.clients}→${row.apiserverPodWatches}`).join(', '),
      f.rows.every((row) => row.apiserverPodWatches === 1),
    ]);
  }

  if (r.latency?.rows) {
    const l = r.latency;
    out.push(`## b. Event latency${stampOf(l)}`, '');
    out.push(
      `Pods (${l.pods}, round-robin) patched at a fixed rate; each patch carries the moment it was sent. Latency = receipt − sent, in the same process, for a raw apiserver watch (client-node \`Watch\`, the floor: baseline) and a socket.io client through the BFF (which coalesces per ~50 ms tick).`,
      '',
      '| rate (achieved) | raw p50 / p95 / p99 | BFF p50 / p95 / p99 | p50 BFF − raw | p99 vs raw | received raw / BFF of sent | BFF CPU (cores) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const row of l.rows) {
      out.push(
        `| ${row.targetRate}/s (${row.achievedRate}/s) | ${row.raw.p50} / ${row.raw.p95} / ${row.raw.p99} ms | ${row.bff.p50} / ${row.bff.p95} / ${row.bff.p99} ms | ${round(row.bff.p50 - row.raw.p50)} ms | ${x(ratio(row.bff.p99, row.raw.p99))} | ${row.raw.received} / ${row.bff.received} of ${row.sent}${row.rawWatchRestarts ? ` (raw watch resumed ${row.rawWatchRestarts}× so far)` : ''} | ${row.bffCpuCores} |`,
      );
      goals.push([
        `latency at ${row.targetRate}/s: p50 within 50 ms of raw, p99 ≤ 250 ms`,
        `p50 +${round(row.bff.p50 - row.raw.p50)} ms, p99 ${row.bff.p99} ms`,
        row.bff.p50 - row.raw.p50 <= 50 && row.bff.p99 <= 250,
      ]);
    }
    out.push('');
  }

  if (r.domLatency) {
    const d = r.domLatency;
    out.push(`### To the DOM${stampOf(d)}`, '');
    if (d.error) out.push(`**failed:** ${d.error}`, '');
    else {
      out.push(
        `A pod's readiness flipped by a status patch (as a failing probe would), ${d.rate} flips/s over 20 pods → its row's READY cell changes in the production SPA in chromium (a MutationObserver stamps the change with the page's wall clock). Baseline: the BFF socket client's p50 at 10/s above.`,
        '',
        '| flips seen | DOM p50 / p95 / p99 | vs socket client p50 |',
        '| ---: | ---: | ---: |',
        `| ${d.seen} of ${d.flips} | ${d.p50} / ${d.p95} / ${d.p99} ms | ${x(ratio(d.p50, r.latency?.rows?.[0]?.bff.p50 ?? 0))} |`,
        '',
      );
    }
  }

  if (r.scale) {
    const s = r.scale;
    out.push(`## c. Scale${stampOf(s)}`, '');
    if (s.error) out.push(`**Stopped early:** ${s.error}`, '');
    out.push(
      'One namespace grown to N pods (ReplicaSets pinned to the KWOK nodes). A fresh BFF per size; the first subscription fills its informer (cold, a LIST), the next five are served from the cache as rows, as the Pods list asks (warm snapshot, median; its bytes on the wire), then one as slim objects for reference — baseline: a raw apiserver LIST of the same pods over HTTPS with JSON.parse (median of five).',
      '',
      '| pods | raw LIST (JSON) | BFF warm snapshot (rows) | LIST ÷ snapshot | bytes vs LIST | as objects | cold subscribe | BFF RSS idle → loaded | loaded vs idle | with a browser tab |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const row of s.rows) {
      out.push(
        `| ${row.pods}${row.podsRunning < row.pods ? ` (${row.podsRunning} Running)` : ''} | ${ms(row.rawListMs)} (${round(row.listBytes / 1024 / 1024, 1)} MiB) | ${ms(row.warmSnapshotMs)} | ${x(ratio(row.rawListMs, row.warmSnapshotMs))} | ${row.snapshotBytes ? `${round((100 * row.snapshotBytes) / row.listBytes, 1)} %` : '—'} | ${row.objectSnapshotBytes ? `${ms(row.objectSnapshotMs)}, ${round((100 * row.objectSnapshotBytes) / row.listBytes, 1)} %` : '—'} | ${ms(row.coldSubscribeMs)} | ${row.bffIdleRssMiB} → ${row.bffRssMiB} MiB | ${x(ratio(row.bffRssMiB, row.bffIdleRssMiB))} | ${Number.isFinite(row.bffRssWithBrowserMiB) ? `${row.bffRssWithBrowserMiB} MiB` : '—'} |`,
      );
    }
    out.push('');
    const base = s.rows[0]?.browser;
    out.push(
      "In Debian's chromium (headless, the e2e flags): first pod rows in the DOM plus one frame, from navigation start, with the informer warm — the first navigation of a fresh browser context (cold HTTP cache) and the median of the next three (warm); then one keystroke at a time in the filter box (the random suffix of one pod's name) → the frame after the DOM changed. Baseline: the smallest size.",
      '',
      '| pods | first rows, warm | vs smallest | first rows, cold cache | filter keystroke → render (median; each) | vs smallest | JS heap after GC |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const row of s.rows) {
      const b = row.browser;
      if (!b) {
        out.push(
          `| ${row.pods} | ${row.browserError ? `failed: ${row.browserError}` : 'not measured'} | | | | | |`,
        );
        continue;
      }
      out.push(
        `| ${row.pods} | ${ms(b.firstRowsWarmMs)} | ${x(ratio(b.firstRowsWarmMs, base?.firstRowsWarmMs ?? 0))} | ${ms(b.firstRowsColdMs)} | ${ms(b.filterKeystrokeMedianMs)} (${b.filterKeystrokeMs.join(', ')}) | ${x(ratio(b.filterKeystrokeMedianMs, base?.filterKeystrokeMedianMs ?? 0))} | ${b.jsHeapMiB} MiB |`,
      );
    }
    out.push('');
    const times = new Set(s.rows.map((row) => row.measuredAt?.slice(0, 16)));
    if (times.size > 1) {
      out.push(
        `Sizes measured at different times: ${s.rows.map((row) => `${row.pods} at ${row.measuredAt?.replace('T', ' ').slice(0, 16) ?? '?'} UTC`).join(', ')}.`,
        '',
      );
    }
    const notes = s.rows.flatMap((row) => row.notes.map((n) => `- ${row.pods} pods: ${n}`));
    if (notes.length) out.push(...notes, '');
    for (const row of s.rows) {
      if (row.pods === 10_000 || row.pods === 30_000) {
        // Issue 14's goals (the first ones, 1 s and 2 s, were issue 6's).
        const limit = row.pods === 10_000 ? 500 : 700;
        goals.push([
          `${row.pods} pods: first rows ≤ ${limit} ms warm (issue 14)`,
          row.browser ? `${row.browser.firstRowsWarmMs} ms` : 'not measured',
          row.browser ? row.browser.firstRowsWarmMs <= limit : undefined,
        ]);
      }
      if (row.pods === 10_000) {
        goals.push(['10k pods: BFF RSS ≤ 400 MB', `${row.bffRssMiB} MiB`, row.bffRssMiB * 1.048576 <= 400]);
      }
      goals.push([
        `${row.pods} pods: snapshot ≥ 5× faster than LIST`,
        x(ratio(row.rawListMs, row.warmSnapshotMs)),
        row.rawListMs / row.warmSnapshotMs >= 5,
      ]);
    }
  }

  if (r.bundle) {
    const b = r.bundle;
    out.push(`## d. Bundle${stampOf(b)}`, '');
    out.push(
      'What index.html makes the browser fetch before the first render (entry module, modulepreloads, classic scripts, stylesheets), compressed with node:zlib (gzip -9, brotli q11). Baseline: every JS/CSS file in dist/assets (lazy chunks included).',
      '',
      '| | raw | gzip | brotli | gzip vs all assets |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const f of b.initialFiles) {
      out.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} | |`);
    }
    out.push(
      `| **initial JS** | ${kb(b.initialJs.raw)} | ${kb(b.initialJs.gzip)} | ${kb(b.initialJs.brotli)} | ${x(ratio(b.initialJs.gzip, b.allAssetsJs.gzip))} |`,
      `| **initial CSS** | ${kb(b.initialCss.raw)} | ${kb(b.initialCss.gzip)} | ${kb(b.initialCss.brotli)} | ${x(ratio(b.initialCss.gzip, b.allAssetsCss.gzip))} |`,
      `| **initial total** | ${kb(b.initialTotal.raw)} | ${kb(b.initialTotal.gzip)} | ${kb(b.initialTotal.brotli)} | |`,
      `| all JS in dist/assets | ${kb(b.allAssetsJs.raw)} | ${kb(b.allAssetsJs.gzip)} | ${kb(b.allAssetsJs.brotli)} | 1× |`,
      '',
    );
    goals.push([
      'initial JS + CSS ≤ 200 KB gzip',
      kb(b.initialTotal.gzip),
      b.initialTotal.gzip <= 200 * 1024,
    ]);
  }

  out.push(...renderRepaint(r.scale?.rows, goals));
  out.push(...renderReplicas(raw.replicas, goals), ...renderAllNamespaces(raw.allns, goals));
  if (r.soak) {
    const soak = renderSoak(r.soak, stampOf);
    out.push(...soak.lines);
    goals.push(...soak.goals);
  }

  out.push('## Goals', '', '| goal | measured | met |', '| --- | --- | :---: |');
  for (const [goal, measured, pass] of goals) out.push(`| ${goal} | ${measured} | ${ok(pass)} |`);
  out.push('');
  if (analysis) out.push(analysis.trim(), '');
  return `${out.join('\n')}\n`;
}
