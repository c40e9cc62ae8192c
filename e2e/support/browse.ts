import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the page at rest and fails on serious or critical violations, naming each one
 * with the elements it found, so a failure says what to fix. At rest: a live row that just
 * changed flashes for 1.2 s, and its tint under the text is not the page's contrast — a pod that
 * KWOK marks Running just before the check would otherwise fail it.
 */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || (a as CSSAnimation).animationName !== 'row-flash'),
    undefined,
    { timeout: 5_000, polling: 50 },
  );
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

/** Marks the document, so a later check can tell that nothing reloaded the page. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

export async function expectSameDocument(page: Page): Promise<void> {
  const same = await page.evaluate(
    () => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
  );
  expect(same, 'the page was not reloaded').toBe(true);
}

/** The cell texts of a list row, in column order. */
export async function rowCells(page: Page, name: string): Promise<string[]> {
  return page.getByTestId(`row-${name}`).getByRole('cell').allInnerTexts();
}

/**
 * A screenshot of the whole view. The app scrolls inside <main> (the header and nav stay put), so
 * Playwright's fullPage sees one screen: the viewport is made as tall as the content instead.
 */
export async function fullScreenshot(page: Page, path: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(() => {
    const scroller = document.querySelector('main > div');
    return scroller ? scroller.scrollHeight + 48 : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}
