/**
 * A/B of two BFF builds on the same pods (bench/src/ab.ts, for issue 14's data-path work): the pods of
 * one namespace are grown once (kept between runs: AB_NAMESPACE), then each build's production BFF is
 * started in turn, alternating, AB_ROUNDS times. Per run: idle RSS, cold subscribe (first ack, and the
 * whole list when the build sends it in parts), five warm snapshots (time and bytes of the payloads),
 * raw LIST of the same pods, RSS loaded. Usage:
 *   WHEELHOUSE_CLUSTER=scalecore [AB_SHAPES=object,row] pnpm --filter @wheelhouse/bench exec tsx src/ab.ts <pods> <rootA> <rootB>
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '@wheelhouse/testkit';
import { type BenchSocket, connectSocket, startBff } from './bff';
import { clusterEnv, connectKube, createNamespace, type Kube, sleep, waitForRunning } from './kube';
import { PROBES } from './page-probes';
import { scaleReplicaSets } from './scale-pods';
import { median, mib, round } from './stats';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const n = Number(process.argv[2] ?? 10_000);
const roots = process.argv.slice(3);
const rounds = Number(process.env.AB_ROUNDS ?? 2);
/** The socket subscription's shape per build, in the order of the roots (AB_SHAPES=object,row): a build without rows refuses `shape`. */
const shapes = (process.env.AB_SHAPES ?? '').split(',').map((s) => (s.trim() === 'row' ? 'row' : 'object'));
const ns = process.env.AB_NAMESPACE ?? `ab-${n}`;
const log = (s: string) => process.stderr.write(`[ab] ${s}\n`);

async function ensurePods(kube: Kube): Promise<void> {
  const r = await kube.request('GET', `/api/v1/namespaces/${ns}`);
  if (r.status === 404) await createNamespace(kube, ns);
  await scaleReplicaSets(kube, ns, n);
  const ready = await waitForRunning(kube, ns, n, 30 * 60_000, (c) =>
    log(`${c.total} pods, ${c.running} Running`),
  );
  log(`${ready.running}/${n} Running`);
}

interface Progress {
  loaded: number;
  total?: number;
  complete: boolean;
}
/** Subscribes; resolves when the whole list is in (the ack, or the ack plus its parts). */
function subscribeAll(
  s: BenchSocket,
  shape: 'row' | 'object',
): Promise<{ ackMs: number; allMs: number; bytes: number; items: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let items = 0;
    let ackMs = 0;
    let subId = '';
    const timer = setTimeout(() => reject(new Error('subscribe timed out')), 300_000);
    const done = () => {
      clearTimeout(timer);
      s.off('events');
      resolve({ ackMs, allMs: performance.now() - t0, bytes, items });
    };
    s.on('events', (p) => {
      const pr = (p as { progress?: Progress }).progress;
      bytes += JSON.stringify(p).length;
      items += p.batch.length;
      if (p.subId === subId && pr?.complete) done();
    });
    s.emit('subscribe', { kind: 'pods', namespace: ns, ...(shape === 'row' ? { shape } : {}) }, (ack) => {
      if (!ack.ok) {
        clearTimeout(timer);
        reject(new Error(ack.error.message));
        return;
      }
      ackMs = performance.now() - t0;
      subId = ack.subId;
      bytes += JSON.stringify(ack).length;
      items += ack.items.length;
      const pr = (ack as { progress?: Progress }).progress;
      if (!pr || pr.complete) done();
    });
  });
}

/** Navigation start → the frame after the first pod row, in a fresh page of a fresh context. */
async function firstRows(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1400, height: 900 } });
  try {
    await context.addInitScript(PROBES);
    const page = await context.newPage();
    await page.goto(`/pods?ns=${ns}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as { __firstRowsAt?: number }).__firstRowsAt !== undefined,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    return await page.evaluate(() => (window as unknown as { __firstRowsAt: number }).__firstRowsAt);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const browser = process.env.AB_BROWSER === '0' ? undefined : await chromium.launch(chromiumLaunchOptions());
  const kubeconfigPath = await clusterEnv(path.join(here, 'tools/cluster/cluster'));
  const kube = await connectKube(kubeconfigPath);
  await ensurePods(kube);
  const out: Record<string, unknown[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [index, root] of roots.entries()) {
      const shape = shapes[index] ?? 'object';
      const bff = await startBff(root, kubeconfigPath);
      try {
        await sleep(1000);
        const idle = await bff.metrics();
        // A browser first, on the cold BFF (its informer's LIST starts with this navigation).
        const coldRowsMs = browser ? round(await firstRows(browser, bff.url)) : undefined;
        const holder = await connectSocket(bff.url);
        const cold = await subscribeAll(holder, shape);
        const warm: Array<Awaited<ReturnType<typeof subscribeAll>>> = [];
        for (let i = 0; i < 5; i++) {
          const s = await connectSocket(bff.url);
          try {
            warm.push(await subscribeAll(s, shape));
          } finally {
            s.close();
          }
        }
        const lists: number[] = [];
        let listBytes = 0;
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          const res = await kube.request('GET', `/api/v1/namespaces/${ns}/pods`);
          JSON.parse(res.text);
          listBytes = res.text.length;
          lists.push(performance.now() - t);
        }
        await sleep(2000);
        const loaded = await bff.metrics();
        const warmRows: number[] = [];
        for (let i = 0; browser && i < 3; i++) warmRows.push(round(await firstRows(browser, bff.url)));
        const row = {
          root,
          shape,
          round: r,
          pods: cold.items,
          coldFirstRowsMs: coldRowsMs,
          warmFirstRowsMs: warmRows.length ? median(warmRows) : undefined,
          warmRows,
          coldAckMs: round(cold.ackMs),
          coldAllMs: round(cold.allMs),
          warmMs: round(median(warm.map((w) => w.allMs))),
          warmRuns: warm.map((w) => round(w.allMs)),
          snapshotBytes: warm[0]?.bytes,
          listBytes,
          bytesVsList: round((warm[0]?.bytes ?? 0) / listBytes),
          rawListMs: round(median(lists)),
          idleRssMiB: mib(idle.rssBytes),
          loadedRssMiB: mib(loaded.rssBytes),
          heapUsedMiB: mib(loaded.heapUsedBytes),
          kbPerPod: round((loaded.rssBytes - idle.rssBytes) / 1024 / Math.max(1, cold.items)),
        };
        log(JSON.stringify(row));
        out[root] = [...(out[root] ?? []), row];
        holder.close();
      } finally {
        await bff.stop();
      }
    }
  }
  await browser?.close();
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  kube.close();
}
void main().then(
  () => process.exit(0),
  (err) => {
    log(String(err));
    process.exit(1);
  },
);
