/**
 * The scale bench's browser half: in the production SPA on one namespace's Pods list, first rows painted
 * after navigation (cold, then warm HTTP cache), keystroke-to-render in the filter box, the JS heap.
 */
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { artifacts, firstRows, jsHeap, keystroke, PROBES } from './page-probes';
import { median, mib, round } from './stats';

export async function measureBrowser(
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
