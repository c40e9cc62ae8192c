/**
 * (e) 100,000 pods across 1,000 namespaces, the all-namespaces Pods view (the issue's scale-out rows).
 * Pods are grown to the target with many-pods.ts (or as far as the local control plane goes within the
 * budget; the result says where it stopped). Then, against the size reached, each beside its baseline:
 *  - the peer: `kubectl get pods -A`, time to its first and to its last line;
 *  - the raw apiserver LIST of all pods (JSON.parse included) and its bytes;
 *  - a fresh (cold) BFF with chromium as its first viewer: first rows painted, and the whole list
 *    loaded (the row count says every pod: sortable and filterable), against the raw LIST;
 *  - warm snapshots over a socket (median of three) against the raw LIST, and their bytes on the wire
 *    (socket.io frames received) against the apiserver's JSON;
 *  - BFF RSS with every pod cached; in chromium (warm): first rows, whole list, filter keystrokes and
 *    the page's JS heap.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '@wheelhouse/testkit';
import { type BenchSocket, type Bff, connectSocket, startBff } from './bff';
import { type Kube, sleep } from './kube';
import { LiveClient } from './live-client';
import { countAllPods, createManyNamespaces, type GrowResult, growPods, MANY_LABEL } from './many-pods';
import { firstRows, jsHeap, keystroke, PROBES, wholeList } from './page-probes';
import { median, mib, round } from './stats';

export interface AllNamespacesResult {
  target: number;
  namespaces: number;
  grow: GrowResult & { existedBefore: number };
  running: { total: number; running: number; waitedMs: number };
  /** Pods in the whole cluster when measured (the all-namespaces view shows them all). */
  pods: number;
  kubectl?: { firstLineMs: number; lastLineMs: number; lines: number; error?: string };
  rawList?: { ms: number; runs: number[]; bytes: number; error?: string };
  bff: {
    idleRssMiB: number;
    coldSubscribeMs?: number;
    coldErrors: string[];
    warmSnapshotMs?: number;
    warmSnapshotRuns: number[];
    /** Rows, as the Pods list subscribes (`shape: 'row'`). */
    snapshotWireBytes?: number;
    /** The same snapshot as slim objects (what views that read spec and status hold), for reference. */
    objectSnapshotMs?: number;
    objectSnapshotWireBytes?: number;
    rssMiB?: number;
    rssWithBrowserMiB?: number;
  };
  browser?: {
    coldBffFirstRowsMs?: number;
    coldBffWholeListMs?: number;
    firstRowsWarmMs?: number;
    wholeListWarmMs?: number;
    filterKeystrokeMs: number[];
    filterKeystrokeMedianMs?: number;
    jsHeapMiB?: number;
    error?: string;
  };
  notes: string[];
}

/** `kubectl get pods -A`: ms to the first byte of output and to its end, as a user at a terminal sees it. */
function kubectlGetPods(binDir: string, kubeconfig: string, timeoutMs: number) {
  return new Promise<{ firstLineMs: number; lastLineMs: number; lines: number }>((resolve, reject) => {
    const t0 = performance.now();
    let first = Number.NaN;
    let lines = 0;
    const child = spawn(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfig, 'get', 'pods', '-A'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      if (Number.isNaN(first)) first = performance.now() - t0;
      for (const b of c) if (b === 10) lines++;
    });
    child.stderr.on('data', (c: Buffer) => {
      err = (err + c.toString()).slice(-500);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`kubectl get pods -A exited ${code}: ${err}`));
      else resolve({ firstLineMs: round(first), lastLineMs: round(performance.now() - t0), lines });
    });
  });
}

/**
 * Subscribe to every pod, as rows (what the Pods list asks for) or as objects: the time until the
 * whole snapshot is in and the bytes of the socket.io frames received until then.
 */
async function snapshot(
  url: string,
  timeoutMs: number,
  shape: 'row' | 'object' = 'row',
): Promise<{ ms: number; bytes: number; items: number }> {
  const socket: BenchSocket = await connectSocket(url);
  try {
    let bytes = 0;
    socket.io.engine.on('packet', (p: { data?: unknown }) => {
      bytes += typeof p.data === 'string' ? Buffer.byteLength(p.data) + 1 : 1;
    });
    const client = new LiveClient(socket);
    const t0 = performance.now();
    await client.subscribe({ kind: 'pods', ...(shape === 'row' ? { shape } : {}) }, timeoutMs);
    return { ms: performance.now() - t0, bytes, items: client.state.size };
  } finally {
    socket.close();
  }
}

export async function benchAllNamespaces(
  kube: Kube,
  root: string,
  opts: { target: number; namespaces: number; growBudgetMs: number; browser: boolean; binDir: string },
  log: (s: string) => void,
): Promise<AllNamespacesResult> {
  const prefix = 'bench-many';
  const notes: string[] = [];
  const existedBefore = (await countAllPods(kube)).total;
  log(
    `all namespaces: ${existedBefore} pods exist; growing to ${opts.target} in ${opts.namespaces} namespaces`,
  );
  await createManyNamespaces(kube, prefix, opts.namespaces);
  const grow = await growPods(
    kube,
    prefix,
    {
      namespaces: opts.namespaces,
      from: existedBefore,
      to: opts.target,
      concurrency: 48,
      budgetMs: opts.growBudgetMs,
      minRate: 10,
    },
    log,
  );
  if (grow.stoppedBecause) notes.push(`growth stopped: ${grow.stoppedBecause}`);
  // KWOK makes them Running (one status write each); wait for it, bounded.
  const w0 = Date.now();
  let c = await countAllPods(kube);
  let last = c.running;
  let stalledSince = Date.now();
  while (c.running < c.total && Date.now() - w0 < Math.max(120_000, opts.growBudgetMs / 2)) {
    await sleep(5000);
    c = await countAllPods(kube);
    if (c.running > last) stalledSince = Date.now();
    else if (Date.now() - stalledSince > 60_000) break;
    last = c.running;
    log(`all namespaces: ${c.running}/${c.total} Running`);
  }
  if (c.running < c.total)
    notes.push(`${c.total - c.running} of ${c.total} pods not yet Running when measured`);
  const everything = await kube.json<{ metadata: { remainingItemCount?: number }; items: unknown[] }>(
    'GET',
    '/api/v1/pods?limit=1',
  );
  const pods = (everything.metadata.remainingItemCount ?? 0) + everything.items.length;
  log(`all namespaces: measuring at ${pods} pods (${c.running} of ${c.total} ${MANY_LABEL} pods Running)`);
  await sleep(3000);

  const result: AllNamespacesResult = {
    target: opts.target,
    namespaces: opts.namespaces,
    grow: { ...grow, existedBefore },
    running: { ...c, waitedMs: Date.now() - w0 },
    pods,
    bff: { idleRssMiB: 0, coldErrors: [], warmSnapshotRuns: [] },
    notes,
  };
  const timeoutMs = Math.max(180_000, pods * 4);

  try {
    result.kubectl = await kubectlGetPods(opts.binDir, kube.kubeconfigPath, timeoutMs);
    log(
      `all namespaces: kubectl get pods -A first line ${result.kubectl.firstLineMs} ms, last ${result.kubectl.lastLineMs} ms`,
    );
  } catch (err) {
    result.kubectl = {
      firstLineMs: Number.NaN,
      lastLineMs: Number.NaN,
      lines: 0,
      error: (err as Error).message,
    };
  }
  try {
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await kube.request('GET', '/api/v1/pods');
      bytes = Buffer.byteLength(res.text);
      JSON.parse(res.text);
      runs.push(round(performance.now() - t0));
    }
    result.rawList = { ms: median(runs), runs, bytes };
    log(`all namespaces: raw LIST ${result.rawList.ms} ms, ${mib(bytes)} MiB`);
  } catch (err) {
    result.rawList = { ms: Number.NaN, runs: [], bytes: 0, error: (err as Error).message };
    log(`all namespaces: raw LIST failed: ${result.rawList.error}`);
  }

  const bff: Bff = await startBff(root, kube.kubeconfigPath);
  let browser: Browser | undefined;
  try {
    await sleep(1000);
    result.bff.idleRssMiB = mib((await bff.metrics()).rssBytes);
    const b: NonNullable<AllNamespacesResult['browser']> = { filterKeystrokeMs: [] };
    if (opts.browser) {
      browser = await chromium.launch(chromiumLaunchOptions());
      result.browser = b;
      // Cold BFF: the page is the informer's first viewer.
      const context = await browser.newContext({ baseURL: bff.url, viewport: { width: 1400, height: 900 } });
      await context.addInitScript(PROBES);
      try {
        const page = await context.newPage();
        b.coldBffFirstRowsMs = round(await firstRows(page, '/pods', timeoutMs));
        b.coldBffWholeListMs = round(await wholeList(page, pods, timeoutMs));
        await page.close();
        log(
          `all namespaces: cold BFF first rows ${b.coldBffFirstRowsMs} ms, whole list ${b.coldBffWholeListMs} ms`,
        );
      } catch (err) {
        b.error = `cold BFF: ${(err as Error).message.split('\n')[0]}`;
        log(`all namespaces: browser (cold BFF) failed: ${b.error}`);
      }
      await context.close();
    }
    // The socket's first subscribe (cold when no browser went first), retried while the BFF says 503;
    // a failure is recorded and the measurements that need a warm cache are skipped.
    const c0 = performance.now();
    while (result.bff.coldSubscribeMs === undefined && performance.now() - c0 < timeoutMs) {
      try {
        await snapshot(bff.url, timeoutMs);
        result.bff.coldSubscribeMs = round(performance.now() - c0);
      } catch (err) {
        result.bff.coldErrors.push(`${round(performance.now() - c0)} ms: ${(err as Error).message}`);
        await sleep(2000);
      }
    }
    if (result.bff.coldSubscribeMs === undefined) {
      notes.push(`no socket subscribe was answered within ${round(timeoutMs / 1000)} s`);
      return result;
    }
    for (let i = 0; i < 3; i++) {
      const s = await snapshot(bff.url, timeoutMs);
      result.bff.warmSnapshotRuns.push(round(s.ms));
      result.bff.snapshotWireBytes = s.bytes;
      if (s.items < pods) notes.push(`a warm snapshot held ${s.items} of ${pods} pods`);
    }
    result.bff.warmSnapshotMs = median(result.bff.warmSnapshotRuns);
    const objects = await snapshot(bff.url, timeoutMs, 'object');
    result.bff.objectSnapshotMs = round(objects.ms);
    result.bff.objectSnapshotWireBytes = objects.bytes;
    await sleep(1000);
    result.bff.rssMiB = mib((await bff.metrics()).rssBytes);
    log(
      `all namespaces: warm snapshot ${result.bff.warmSnapshotMs} ms, ${mib(result.bff.snapshotWireBytes ?? 0)} MiB on the wire (objects: ${objects.ms} ms, ${mib(objects.bytes)} MiB); BFF RSS ${result.bff.rssMiB} MiB`,
    );
    if (browser) await measureWarmBrowser(browser, bff.url, pods, timeoutMs, b, log);
    result.bff.rssWithBrowserMiB = mib((await bff.metrics()).rssBytes);
  } finally {
    await browser?.close();
    await bff.stop();
  }
  return result;
}

async function measureWarmBrowser(
  browser: Browser,
  url: string,
  pods: number,
  timeoutMs: number,
  b: NonNullable<AllNamespacesResult['browser']>,
  log: (s: string) => void,
): Promise<void> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1400, height: 900 } });
  try {
    await context.addInitScript(PROBES);
    const page = await context.newPage();
    b.firstRowsWarmMs = round(await firstRows(page, '/pods', timeoutMs));
    b.wholeListWarmMs = round(await wholeList(page, pods, timeoutMs));
    // Filter: one pod's random suffix, one key at a time.
    const names = await page
      .locator('[data-testid^="row-many-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    const name = (names[Math.floor(names.length / 2)] ?? 'row-many-0000-12345').replace(/^row-/, '');
    await page.getByTestId('filter-input').click();
    for (const ch of `-${name.slice(name.lastIndexOf('-') + 1)}`) {
      const ms = await keystroke(page, ch, 5_000);
      if (ms !== undefined) b.filterKeystrokeMs.push(round(ms));
    }
    await page.getByTestId(`row-${name}`).waitFor({ timeout: 15_000 });
    b.filterKeystrokeMedianMs = median(b.filterKeystrokeMs);
    b.jsHeapMiB = mib(await jsHeap(page));
    log(
      `all namespaces: warm first rows ${b.firstRowsWarmMs} ms, whole list ${b.wholeListWarmMs} ms; keystrokes ${b.filterKeystrokeMs.join(', ')} ms; JS heap ${b.jsHeapMiB} MiB`,
    );
  } catch (err) {
    b.error = `${b.error ? `${b.error}; ` : ''}warm: ${(err as Error).message.split('\n')[0]}`;
    log(`all namespaces: browser (warm) failed: ${b.error}`);
  } finally {
    await context.close();
  }
}
