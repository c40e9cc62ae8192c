/**
 * (c) Scale: one namespace grown to 1k, 10k, 30k pods (ReplicaSets pinned to the fake nodes, KWOK fast
 * stages). At each size, a fresh BFF process: its idle RSS, the cold subscribe (the informer's LIST), then
 * warm subscribes (served from the informer's cache) against raw apiserver LISTs, its RSS; then the
 * production SPA in Debian's chromium: first rows painted after navigation (warm informer, warm HTTP
 * cache), keystroke-to-render in the filter box, and the page's JS heap.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type Bff, connectSocket, startBff, subscribe } from './bff';
import { createNamespace, deleteNamespace, type Kube, sleep, waitForRunning } from './kube';
import { measureRepaint, type RepaintResult } from './repaint';
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

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../artifacts/screenshots');
mkdirSync(artifacts, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Probed {
  __firstRowsAt?: number;
  __armKeystroke(limit: number): void;
  __keystroke?: Promise<number | null>;
}

/**
 * Installed in every page before its own scripts (an init script, so the page's CSP does not apply and
 * the bundler adds nothing to it):
 * - `__firstRowsAt`: navigation start → the frame after the first pod row entered the DOM;
 * - `__armKeystroke(limit)` → `__keystroke`: the next keydown in the filter box → the frame after what
 *   a keystroke can change changed (the "N of M" count or which rows are rendered; the AGE column
 *   ticks on its own, so any mutation is not enough), or null when nothing changed within `limit` ms.
 */
export const PROBES = `
(() => {
  const w = window;
  const obs = new MutationObserver(() => {
    if (w.__firstRowsAt !== undefined || w.__firstRowsPending) return;
    if (!document.querySelector('[data-testid^="row-"]:not([data-testid="row-count"])')) return;
    w.__firstRowsPending = true;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { w.__firstRowsAt = performance.now(); }, 0));
  });
  document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { childList: true, subtree: true }));

  w.__armKeystroke = (limit) => {
    w.__keystroke = new Promise((resolve) => {
      const input = document.querySelector('[data-testid="filter-input"]');
      let t0;
      if (input) input.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true });
      const signature = () => {
        const count = document.querySelector('[data-testid="row-count"]');
        const rows = Array.from(document.querySelectorAll('[data-testid^="row-"]'), (e) => e.getAttribute('data-testid'));
        return (count ? count.textContent : '') + '|' + rows.join(',');
      };
      const before = signature();
      const mo = new MutationObserver(() => {
        if (t0 === undefined || signature() === before) return;
        mo.disconnect();
        const start = t0;
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { mo.disconnect(); resolve(null); }, limit);
    });
  };
})();
`;

export async function firstRows(page: Page, url: string, timeoutMs: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => (window as unknown as Probed).__firstRowsAt !== undefined, undefined, {
      timeout: timeoutMs,
      polling: 50,
    });
  } catch (err) {
    const shot = path.join(artifacts, `bench-first-rows-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    const text = ((await page.textContent('body').catch(() => '')) ?? '').replace(/\s+/g, ' ').slice(0, 300);
    throw new Error(
      `no pod rows within ${timeoutMs} ms (page says: "${text}"; ${shot}): ${(err as Error).message.split('\n')[0]}`,
    );
  }
  return (await page.evaluate(() => (window as unknown as Probed).__firstRowsAt)) as number;
}

/** One keystroke in the filter box → the next frame showing its effect; undefined when none showed. */
export async function keystroke(page: Page, key: string, timeoutMs: number): Promise<number | undefined> {
  await page.evaluate((limit) => (window as unknown as Probed).__armKeystroke(limit), timeoutMs);
  await page.keyboard.type(key);
  const ms = await page.evaluate(() => (window as unknown as Probed).__keystroke);
  return ms ?? undefined;
}

export async function jsHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function scaleReplicaSets(kube: Kube, ns: string, total: number): Promise<void> {
  const per = [Math.ceil(total / 2), Math.floor(total / 2)];
  for (const [i, n] of per.entries()) {
    const name = `scale-${i}`;
    const body = { spec: { replicas: n } };
    const r = await kube.request(
      'PATCH',
      `/apis/apps/v1/namespaces/${ns}/replicasets/${name}`,
      body,
      'application/merge-patch+json',
    );
    if (r.status === 404) {
      await kube.json('POST', `/apis/apps/v1/namespaces/${ns}/replicasets`, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name },
        spec: {
          replicas: n,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name, bench: 'scale' } },
            spec: {
              nodeName: `kwok-node-${i}`,
              tolerations: [{ operator: 'Exists' }],
              containers: [
                {
                  name: 'app',
                  image: 'registry.invalid/scale:1',
                  ports: [{ name: 'http', containerPort: 8080 }],
                  resources: { requests: { cpu: '1m', memory: '1Mi' } },
                },
              ],
            },
          },
        },
      });
    } else if (r.status >= 300) {
      throw new Error(`scale ReplicaSet ${name}: ${r.status} ${r.text.slice(0, 200)}`);
    }
  }
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
              browser = await chromium.launch({
                executablePath: process.env.WHEELHOUSE_CHROMIUM ?? '/usr/bin/chromium',
                args: CHROMIUM_ARGS,
              });
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

async function measureBrowser(
  browser: Browser,
  url: string,
  ns: string,
  n: number,
  log: (s: string) => void,
) {
  const timeout = Math.max(60_000, n * 6);
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1400, height: 900 } });
  try {
    await context.addInitScript(PROBES);
    const target = `/pods?ns=${ns}`;
    // The first navigation fills the HTTP cache (hashed assets are immutable); the next ones are warm.
    let page = await context.newPage();
    const firstRowsColdMs = await firstRows(page, target, timeout);
    await page.close();
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      page = await context.newPage();
      warm.push(await firstRows(page, target, timeout));
      if (i < 2) await page.close();
    }
    // Filter: the random suffix of one pod's name, one key at a time; each key narrows the list.
    const names = await page
      .locator('[data-testid^="row-scale-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    const name = (names[Math.floor(names.length / 2)] ?? 'row-scale-0-abcde').replace(/^row-/, '');
    const suffix = name.slice(name.lastIndexOf('-') + 1);
    await page.getByTestId('filter-input').click();
    const keys: number[] = [];
    for (const ch of `-${suffix}`) {
      const ms = await keystroke(page, ch, 3_000);
      if (ms !== undefined) keys.push(round(ms));
    }
    try {
      await page.getByTestId(`row-${name}`).waitFor({ timeout: 10_000 });
    } catch (err) {
      const typed = await page.getByTestId('filter-input').inputValue();
      const count = await page.getByTestId('row-count').textContent();
      await page.screenshot({ path: path.join(artifacts, `bench-filter-${n}.png`) });
      throw new Error(
        `row ${name} not shown after typing "${typed}" (row count "${count}", ${page.url()}): ${(err as Error).message.split('\n')[0]}`,
      );
    }
    const heap = await jsHeap(page);
    const result = {
      firstRowsColdMs: round(firstRowsColdMs),
      firstRowsWarmMs: round(median(warm)),
      firstRowsWarmRuns: warm.map((x) => round(x)),
      filterKeystrokeMs: keys,
      filterKeystrokeMedianMs: round(median(keys)),
      jsHeapMiB: mib(heap),
    };
    log(
      `scale ${n}: first rows ${result.firstRowsWarmMs} ms warm (${result.firstRowsColdMs} cold); filter keystrokes ${keys.join(', ')} ms; JS heap ${result.jsHeapMiB} MiB`,
    );
    await page.close();
    return result;
  } finally {
    await context.close();
  }
}
