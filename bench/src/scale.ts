/**
 * (c) Scale: one namespace grown to 1k, 10k, 30k pods (ReplicaSets pinned to the fake nodes, KWOK fast
 * stages). At each size, a fresh BFF process: its idle RSS, the cold subscribe (the informer's LIST), then
 * warm subscribes (served from the informer's cache) against raw apiserver LISTs, its RSS; then the
 * production SPA in Debian's chromium: first rows painted after navigation (warm informer, warm HTTP
 * cache), keystroke-to-render in the filter box, and the page's JS heap.
 */
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '@wheelhouse/testkit';
import { type Bff, connectSocket, startBff, subscribe } from './bff';
import { createNamespace, deleteNamespace, type Kube, sleep, waitForRunning } from './kube';
import { measureRepaint, type RepaintResult } from './repaint';
import { measureBrowser } from './scale-browser';
import { scaleReplicaSets } from './scale-pods';
import { median, mib, round, timeIt } from './stats';

export interface ScaleRow {
  measuredAt?: string;
  pods: number;
  podsRunning: number;
  createMs: number;
  listBytes: number;
  bffIdleRssMiB: number;
  coldSubscribeMs: number;
  /** Rows, as the Pods list subscribes (`shape: 'row'`). */
  warmSnapshotMs: number;
  warmSnapshotRuns: number[];
  /** socket.io frames of one warm row snapshot, and of the same pods as slim objects (one run). */
  snapshotBytes?: number;
  objectSnapshotMs?: number;
  objectSnapshotBytes?: number;
  rawListMs: number;
  rawListRuns: number[];
  bffRssMiB: number;
  bffRssWithBrowserMiB: number;
  browser?: {
    firstRowsColdMs: number;
    firstRowsWarmMs: number;
    firstRowsWarmRuns: number[];
    filterKeystrokeMs: number[];
    filterKeystrokeMedianMs: number;
    jsHeapMiB: number;
  };
  browserError?: string;
  /** A pod's change → its row repainted, with one and with five tabs (at opts.repaintAt pods). */
  repaint?: RepaintResult[];
  repaintError?: string;
  notes: string[];
}

export async function benchScale(
  kube: Kube,
  root: string,
  sizes: number[],
  opts: {
    createTimeoutMs: (n: number) => number;
    browser: boolean;
    repaintAt?: number;
    onRow?: (row: ScaleRow) => void;
  },
  log: (s: string) => void,
) {
  const ns = `bench-scale-${Date.now().toString(36)}`;
  await createNamespace(kube, ns);
  const rows: ScaleRow[] = [];
  let browser: Browser | undefined;
  try {
    for (const n of sizes) {
      const notes: string[] = [];
      log(`scale ${n}: creating pods`);
      const t0 = Date.now();
      await scaleReplicaSets(kube, ns, n);
      const ready = await waitForRunning(kube, ns, n, opts.createTimeoutMs(n), (c) =>
        log(`scale ${n}: ${c.total} pods, ${c.running} Running`),
      );
      const createMs = Date.now() - t0;
      if (!ready.complete) {
        notes.push(
          `only ${ready.running} of ${n} pods Running (${ready.total} exist) after ${Math.round(createMs / 1000)} s; measured as is`,
        );
      }
      log(`scale ${n}: ${ready.running}/${n} Running in ${Math.round(createMs / 1000)} s`);
      await sleep(3000); // let KWOK's and the controllers' last writes land

      const bff: Bff = await startBff(root, kube.kubeconfigPath);
      try {
        await sleep(1000);
        const idle = await bff.metrics();
        const holder = await connectSocket(bff.url);
        // The first subscription starts the informer (its LIST). The BFF gives a first sync 15 s; when
        // that is not enough the subscriber gets a 503 while the informer keeps listing — retry
        // (bounded) and say so.
        const coldStart = performance.now();
        const coldErrors: string[] = [];
        for (;;) {
          try {
            await subscribe(holder, { kind: 'pods', namespace: ns }, 300_000);
            break;
          } catch (err) {
            const msg = (err as Error).message;
            coldErrors.push(`${round(performance.now() - coldStart)} ms: ${msg}`);
            log(
              `scale ${n}: cold subscribe refused after ${round(performance.now() - coldStart)} ms: ${msg}`,
            );
            if (performance.now() - coldStart > 300_000) throw err;
            await sleep(2000);
          }
        }
        const cold = { ms: performance.now() - coldStart };
        for (const e of coldErrors) notes.push(`first subscribe refused (retried): ${e}`);
        const warmRuns: number[] = [];
        const warm = async (shape: 'row' | 'object') => {
          const s = await connectSocket(bff.url);
          let bytes = 0;
          s.io.engine.on('packet', (p: { data?: unknown }) => {
            bytes += typeof p.data === 'string' ? Buffer.byteLength(p.data) + 1 : 1;
          });
          try {
            const req = { kind: 'pods' as const, namespace: ns, ...(shape === 'row' ? { shape } : {}) };
            return { ms: (await timeIt(() => subscribe(s, req, 300_000))).ms, bytes };
          } finally {
            s.close();
          }
        };
        let snapshotBytes = 0;
        for (let i = 0; i < 5; i++) {
          const r = await warm('row');
          warmRuns.push(r.ms);
          snapshotBytes = r.bytes;
        }
        const objects = await warm('object');
        const listRuns: number[] = [];
        let listBytes = 0;
        for (let i = 0; i < 5; i++) {
          const r = await timeIt(async () => {
            const res = await kube.request('GET', `/api/v1/namespaces/${ns}/pods`);
            listBytes = res.text.length;
            return JSON.parse(res.text) as { items: unknown[] };
          });
          listRuns.push(r.ms);
        }
        await sleep(1000);
        const loaded = await bff.metrics();
        const row: ScaleRow = {
          measuredAt: new Date().toISOString(),
          pods: n,
          podsRunning: ready.running,
          createMs,
          listBytes,
          bffIdleRssMiB: mib(idle.rssBytes),
          coldSubscribeMs: round(cold.ms),
          warmSnapshotMs: round(median(warmRuns)),
          warmSnapshotRuns: warmRuns.map((x) => round(x)),
          snapshotBytes,
          objectSnapshotMs: round(objects.ms),
          objectSnapshotBytes: objects.bytes,
          rawListMs: round(median(listRuns)),
          rawListRuns: listRuns.map((x) => round(x)),
          bffRssMiB: mib(loaded.rssBytes),
          bffRssWithBrowserMiB: Number.NaN,
          notes,
        };
        log(
          `scale ${n}: snapshot ${row.warmSnapshotMs} ms (cold ${row.coldSubscribeMs}) vs LIST ${row.rawListMs} ms; BFF RSS ${row.bffRssMiB} MiB (idle ${row.bffIdleRssMiB})`,
        );
        if (opts.browser) {
          try {
            // Launched (again) when needed: a browser that died between sizes is replaced.
            if (!browser?.isConnected()) {
              browser = await chromium.launch(chromiumLaunchOptions());
            }
            row.browser = await measureBrowser(browser, bff.url, ns, n, log);
          } catch (err) {
            row.browserError = (err as Error).message.split('\n')[0] ?? String(err);
            log(`scale ${n}: browser measurement failed: ${row.browserError}`);
          }
          if (n === opts.repaintAt && browser?.isConnected()) {
            try {
              row.repaint = [];
              for (const tabs of [1, 5]) {
                const o = { tabs, flips: 40, ratePerSecond: 4, timeoutMs: Math.max(60_000, n * 6) };
                row.repaint.push(await measureRepaint(kube, browser, bff.url, ns, n, o, log));
              }
            } catch (err) {
              row.repaintError = (err as Error).message.split('\n')[0] ?? String(err);
              log(`scale ${n}: repaint measurement failed: ${row.repaintError}`);
            }
          }
          row.bffRssWithBrowserMiB = mib((await bff.metrics()).rssBytes);
        }
        holder.close();
        rows.push(row);
        opts.onRow?.(row);
      } finally {
        await bff.stop();
      }
    }
  } finally {
    await browser?.close();
    await deleteNamespace(kube, ns);
  }
  return { namespace: ns, rows };
}
