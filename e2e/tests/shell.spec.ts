import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api } from '@kubernetes/client-node';
import { expect, type Page, test } from '@playwright/test';
import { ensureCluster } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { expectNoSeriousA11yViolations } from '../support/browse';

/**
 * The Shell tab against the real chain: chromium → BFF → apiserver → KWOK, which runs the command as
 * a local process for the demo's api pod (tools/cluster: "the demo cluster's pods exec into a local
 * shell in a scratch dir").
 */
async function demoPod(): Promise<string> {
  const { kc } = await ensureCluster();
  const pods = await kc
    .makeApiClient(CoreV1Api)
    .listNamespacedPod({ namespace: 'demo', labelSelector: 'app=api' })
    .catch(() => undefined);
  const pod = pods?.items.find((p) => p.status?.phase === 'Running')?.metadata?.name;
  expect(pod, 'the demo namespace is seeded (tools/cluster/cluster seed; make test does it)').toBeDefined();
  return pod as string;
}

/** What the terminal shows (xterm's rows, as rendered). */
const screen = (page: Page) => page.locator('.xterm-rows');

/** The terminal's lines, as rendered (one element per row). */
async function lines(page: Page): Promise<string[]> {
  return (await screen(page).locator(':scope > div').allTextContents()).map((l) => l.trim());
}

/** `stty size` as the shell reports it: [rows, cols]. */
async function sttySize(page: Page, marker: string): Promise<[number, number]> {
  await page.keyboard.type(`echo ${marker}-$(stty size | tr ' ' x)\n`);
  const re = new RegExp(`${marker}-(\\d+)x(\\d+)`);
  let m: RegExpMatchArray | null = null;
  await expect.poll(async () => (m = ((await screen(page).textContent()) ?? '').match(re))).not.toBeNull();
  const [, rows, cols] = m as unknown as [string, string, string];
  return [Number(rows), Number(cols)];
}

/**
 * Keystroke echo, as the user sees it: from the keydown in the page to the echoed character drawn
 * in the terminal's rows (BFF → apiserver → pty → back, and xterm's next frame). Page clock only.
 */
async function measureEcho(page: Page, n: number): Promise<number[]> {
  await page.evaluate(() => {
    const rows = document.querySelector('.xterm-rows') as HTMLElement;
    const w = window as unknown as { __echo: number[] };
    w.__echo = [];
    let pending: { at: number; before: number } | undefined;
    const count = () => (rows.textContent ?? '').split('q').length;
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'q') pending = { at: performance.now(), before: count() };
      },
      true,
    );
    new MutationObserver(() => {
      if (pending && count() > pending.before) {
        w.__echo.push(performance.now() - pending.at);
        pending = undefined;
      }
    }).observe(rows, { subtree: true, childList: true, characterData: true });
  });
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('q');
    await page.waitForFunction((k) => (window as unknown as { __echo: number[] }).__echo.length > k, i);
  }
  await page.keyboard.press('Control+U'); // the q's never run
  return page.evaluate(() => (window as unknown as { __echo: number[] }).__echo);
}

test("a Pod's Shell tab: echo $((6*7)) prints 42, a resize reaches the shell, the exit code is shown, Reconnect", async ({
  page,
}) => {
  const pod = await demoPod();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/pods/demo/${pod}?tab=shell`);
  await expect(page.getByTestId('shell-state')).toHaveText('Connected: bash in api');
  await page.keyboard.type('echo $((6*7))\n');
  await expect.poll(() => lines(page)).toContain('42');
  await expectNoSeriousA11yViolations(page, 'the Shell tab');
  await page.screenshot({ path: screenshotPath('pod-shell.png') });

  const [rows, cols] = await sttySize(page, 'wide');
  await page.setViewportSize({ width: 900, height: 700 });
  await expect.poll(async () => (await sttySize(page, `narrow${Date.now()}`))[1]).toBeLessThan(cols);
  expect(rows).toBeGreaterThan(5);

  const echo = await measureEcho(page, 30);
  const sorted = [...echo].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  const summary = {
    samples: echo.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: Math.round(sorted.at(-1) ?? 0),
  };
  const out = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../artifacts/shell-echo-latency.json',
  );
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`keystroke echo in the browser: ${JSON.stringify(summary)}`);
  expect(summary.medianMs).toBeLessThan(250);

  await page.keyboard.type('exit 3\n');
  await expect(page.getByTestId('shell-state')).toHaveText('Session ended (exit code 3).');
  await page.getByTestId('shell-connect').click();
  await expect(page.getByTestId('shell-state')).toHaveText('Connected: bash in api');
  await page.keyboard.type('echo again-$((40+2))\n');
  await expect(screen(page)).toContainText('again-42');
});

test('the Shell tab by keyboard only: reach it, type in the terminal, leave it with Ctrl+] and disconnect', async ({
  page,
}) => {
  const pod = await demoPod();
  await page.goto(`/pods/demo/${pod}`);
  await expect(page.getByTestId('tab-shell')).toBeVisible();
  let onTab = false;
  for (let i = 0; i < 80 && !onTab; i++) {
    await page.keyboard.press('Tab');
    onTab = await page.getByTestId('tab-shell').evaluate((el) => el === document.activeElement);
  }
  expect(onTab, 'Tab reaches the Shell tab').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shell-state')).toHaveText('Connected: bash in api');
  // Connected: the terminal has the focus, so typing goes to the shell.
  await page.keyboard.type('echo typed-$((6*7))\n');
  await expect(screen(page)).toContainText('typed-42');
  await page.keyboard.press('Control+]');
  await expect(page.getByTestId('shell-disconnect')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shell-state')).toHaveText('Session closed.');
});
