/**
 * A quick, repeatable run of the all-namespaces Pods list in chromium against a large cluster that is
 * already up (the scale-out cluster of `make bench`'s allns section), for one or more builds:
 *
 *   tsx src/browser100k.ts --kubeconfig <path> --port 7371 --root /work/a [--root /work/b] [--rounds 2]
 *     [--profile dir]
 *
 * For each build (alternating when `--rounds` > 1): start its production BFF, warm its informer with
 * one socket subscribe, then open /pods in chromium and measure what allns.ts measures (first rows,
 * the whole list, six filter keystrokes, the JS heap after GC). `--profile` writes a CPU profile of
 * navigation → whole list and prints the functions with the most self time. Only reads the cluster.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '@wheelhouse/testkit';
import { connectSocket, startBff } from './bff';
import { LiveClient } from './live-client';
import { firstRows, jsHeap, keystroke, PROBES, wholeList } from './page-probes';
import { median, mib, round } from './stats';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    port: { type: 'string', default: '7371' },
    root: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '1' },
    profile: { type: 'string' },
    timeout: { type: 'string', default: '180000' },
  },
});
const kubeconfig = values.kubeconfig ?? process.env.KUBECONFIG ?? '';
const roots = values.root ?? [];
const timeoutMs = Number(values.timeout);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time in a CPU profile, as "ms  name  file:line:col". */
function topSelf(profile: Profile, n: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (f === undefined) return;
    const key = `${f.functionName || '(anonymous)'}  ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${round(ms).toString().padStart(8)} ms  ${k}`);
}

interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

/** The functions whose allocations hold the most live memory, as "MiB  name  file:line:col". */
function topAlloc(head: HeapNode, n: number): string[] {
  const self = new Map<string, number>();
  const walk = (node: HeapNode) => {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(head);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, bytes]) => `${mib(bytes).toString().padStart(8)} MiB  ${k}`);
}

async function run(root: string, label: string): Promise<Record<string, unknown>> {
  const bff = await startBff(root, kubeconfig, { port: Number(values.port) });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    // Warm the informer (and learn how many pods there are) with one socket subscribe.
    const socket = await connectSocket(bff.url);
    const client = new LiveClient(socket);
    const w0 = performance.now();
    await client.subscribe({ kind: 'pods', shape: 'row' }, timeoutMs);
    const pods = client.state.size;
    const warmMs = round(performance.now() - w0);
    socket.close();
    const again = await connectSocket(bff.url);
    const s0 = performance.now();
    await new LiveClient(again).subscribe({ kind: 'pods', shape: 'row' }, timeoutMs);
    const snapshotMs = round(performance.now() - s0);
    again.close();

    const context = await browser.newContext({ baseURL: bff.url, viewport: { width: 1400, height: 900 } });
    await context.addInitScript(PROBES);
    const page = await context.newPage();
    const cdp = values.profile ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      // Live objects by the function that allocated them, sampled (a full heap snapshot of a page
      // holding 100,000 rows is too large to take and read here).
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', { samplingInterval: 32768 });
    }
    const first = round(await firstRows(page, '/pods', timeoutMs));
    const whole = round(await wholeList(page, pods, timeoutMs));
    if (cdp && values.profile) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const file = path.join(values.profile, `${label}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`[${label}] CPU profile ${file}; top self time:\n${topSelf(profile, 25).join('\n')}`);
      await cdp.send('HeapProfiler.collectGarbage');
      const { profile: heap } = (await cdp.send('HeapProfiler.getSamplingProfile')) as {
        profile: { head: HeapNode };
      };
      await cdp.send('HeapProfiler.stopSampling');
      console.log(`[${label}] live heap by allocating function:\n${topAlloc(heap.head, 20).join('\n')}`);
    }
    const names = await page
      .locator('[data-testid^="row-many-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    const name = (names[Math.floor(names.length / 2)] ?? 'row-many-0000-12345').replace(/^row-/, '');
    await page.getByTestId('filter-input').click();
    const keys: number[] = [];
    if (cdp) await cdp.send('Profiler.start');
    for (const ch of `-${name.slice(name.lastIndexOf('-') + 1)}`) {
      const ms = await keystroke(page, ch, 5_000);
      if (ms !== undefined) keys.push(round(ms));
    }
    if (cdp && values.profile) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      writeFileSync(path.join(values.profile, `${label}-keys.cpuprofile`), JSON.stringify(profile));
      console.log(`[${label}] keystrokes, top self time:\n${topSelf(profile, 25).join('\n')}`);
    }
    await page.getByTestId(`row-${name}`).waitFor({ timeout: 15_000 });
    const heap = mib(await jsHeap(page));
    await context.close();
    return {
      label,
      pods,
      warmSubscribeMs: warmMs,
      snapshotMs,
      firstRowsMs: first,
      wholeListMs: whole,
      keystrokesMs: keys,
      keystrokeP50Ms: median(keys),
      jsHeapMiB: heap,
    };
  } finally {
    await browser.close();
    await bff.stop();
  }
}

const rounds = Number(values.rounds);
for (let r = 0; r < rounds; r += 1) {
  for (const root of roots) {
    const label = `${path.basename(root)}-${r}`;
    try {
      console.log(JSON.stringify(await run(root, label)));
    } catch (err) {
      console.log(JSON.stringify({ label, error: (err as Error).message.split('\n')[0] }));
    }
  }
}
