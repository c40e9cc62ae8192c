/**
 * What the benches measure in a page of the production SPA: probes installed before the page's own
 * scripts (first rows painted, keystroke to render), the row count reaching a total, and the JS heap.
 * Screenshots of a failed measurement go to artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

export const artifacts = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../artifacts/screenshots',
);
mkdirSync(artifacts, { recursive: true });

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

/** Waits until the list's row count says at least `expected` pods. */
export async function waitForRowCount(
  page: Page,
  expected: number,
  timeoutMs: number,
  pollingMs = 100,
): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const text = document.querySelector('[data-testid="row-count"]')?.textContent ?? '';
      const m = /^\s*([\d,]+) pods?\s*$/.exec(text);
      return m !== null && Number((m[1] as string).replace(/,/g, '')) >= n;
    },
    expected,
    { timeout: timeoutMs, polling: pollingMs },
  );
}

/** After navigation: ms until the row count says `expected` pods (the whole list is in the table). */
export async function wholeList(page: Page, expected: number, timeoutMs: number): Promise<number> {
  await waitForRowCount(page, expected, timeoutMs);
  return page.evaluate(() => performance.now());
}
