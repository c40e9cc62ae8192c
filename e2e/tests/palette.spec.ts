import { expect, type Page, test } from '@playwright/test';
import { kubectl } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { expectNoSeriousA11yViolations } from '../support/browse';

/**
 * The command palette against the seeded cluster (the `demo` namespace: Deployments api, frontend,
 * payments, worker): it opens with Ctrl-K and ':', finds objects and views from the live caches —
 * the subscriptions it opens do not grow as the user types — and is used with the keyboard alone.
 */

/** Every `subscribe` the page sends over its socket (socket.io frames: `42<ack id>["subscribe",…]`). */
function recordSubscribes(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      if (/^42\d*\["subscribe"/.test(text)) sent.push(text);
    });
  });
  return sent;
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Jump to anything' });
const combobox = (page: Page) => palette(page).getByRole('combobox', { name: 'Find an object or a view' });
const options = (page: Page) => palette(page).getByRole('option');

async function openList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('live-indicator')).toContainText('Live');
  await expect(page.locator('tbody [data-testid^="row-"]').first()).toBeVisible();
}

/** Waits until every searched list has arrived (the status line stops saying "loading"). */
async function loaded(page: Page): Promise<void> {
  await expect(page.getByTestId('palette-count')).not.toContainText('loading');
}

test('Ctrl-K opens it; typing a deployment name and Enter opens its page; typing never subscribes', async ({
  page,
}) => {
  const subscribes = recordSubscribes(page);
  await openList(page, '/pods?ns=demo');
  const beforeOpen = subscribes.length;

  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(combobox(page)).toBeFocused();
  await loaded(page);
  // Opening subscribes to the six kinds in all namespaces, once each; pods as the Pods list's rows.
  const opened = subscribes.slice(beforeOpen);
  for (const kind of ['pods', 'deployments', 'replicasets', 'services', 'configmaps', 'secrets']) {
    const frames = opened.filter((f) => f.includes(`"kind":"${kind}"`) && !f.includes('"namespace"'));
    expect(frames, kind).toHaveLength(1);
    expect(frames[0]?.includes('"shape":"row"'), `${kind} as rows`).toBe(kind === 'pods');
  }
  const afterOpen = subscribes.length;

  await combobox(page).pressSequentially('frontend', { delay: 40 });
  const first = options(page).first();
  await expect(first).toContainText('Deployment');
  await expect(first).toContainText('demo/');
  await expect(first).toContainText('frontend');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(combobox(page)).toHaveAttribute(
    'aria-activedescendant',
    (await first.getAttribute('id')) ?? '',
  );
  await combobox(page).press('Backspace');
  await combobox(page).pressSequentially('d-', { delay: 40 });
  await expect(options(page).first()).toContainText('frontend-');
  expect(subscribes.length, 'keystrokes sent no subscribe').toBe(afterOpen);

  await combobox(page).fill('frontend');
  await expect(options(page).first()).toHaveAttribute('data-href', '/deployments/demo/frontend?ns=demo');
  await combobox(page).press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page).toHaveURL(/\/deployments\/demo\/frontend\?ns=demo$/);
  await expect(page.getByRole('heading', { name: /frontend/ }).first()).toBeVisible();
});

test('over the all-namespaces Pods list it searches the list’s own pod rows (no second pods subscription) and opens a pod', async ({
  page,
}) => {
  const subscribes = recordSubscribes(page);
  await openList(page, '/pods');
  expect(subscribes.filter((f) => f.includes('"kind":"pods"'))).toHaveLength(1);
  const beforeOpen = subscribes.length;
  await page.keyboard.press('Control+k');
  await loaded(page);
  const opened = subscribes.slice(beforeOpen);
  expect(
    opened.filter((f) => f.includes('"kind":"pods"')),
    'pods already held by the list',
  ).toHaveLength(0);
  expect(opened).toHaveLength(5);

  // A demo pod, found by its name, as kubectl names it.
  const name =
    (await kubectl(['get', 'pods', '-n', 'demo', '-o', 'name'])).split('\n')[0]?.replace('pod/', '') ?? '';
  expect(name).not.toBe('');
  await combobox(page).fill(name);
  await expect(options(page).first()).toHaveAttribute('data-href', `/pods/demo/${name}?ns=demo`);
  await combobox(page).press('Enter');
  await expect(page).toHaveURL(new RegExp(`/pods/demo/${name}\\?ns=demo$`));
  await expect(page.getByRole('heading', { name: new RegExp(name) }).first()).toBeVisible();
});

test('":" opens it like k9s, and "rollout api" leads to the rollout cockpit, keyboard only', async ({
  page,
}) => {
  await openList(page, '/deployments?ns=demo');
  await page.keyboard.press(':');
  await expect(combobox(page)).toBeFocused();
  await expect(combobox(page)).toHaveValue(''); // the ':' opened the palette and was not typed
  await combobox(page).pressSequentially('rollout api', { delay: 30 });
  await expect(options(page).first()).toContainText('Rollout');
  await expect(options(page).first()).toHaveAttribute('data-href', '/deployments/demo/api/rollout');
  // ↓ then ↑ come back to the first; End and Home reach the ends.
  await combobox(page).press('ArrowDown');
  await combobox(page).press('ArrowUp');
  await combobox(page).press('End');
  await combobox(page).press('Home');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await combobox(page).press('Enter');
  await expect(page).toHaveURL(/\/deployments\/demo\/api\/rollout$/);
  await expect(page.getByTestId('rollout-page')).toBeVisible();
});

test('"pods demo" opens the Pods list of namespace demo; ↓ picks the next result', async ({ page }) => {
  await openList(page, '/services');
  await page.keyboard.press('Control+k');
  await loaded(page);
  await combobox(page).pressSequentially('pods demo', { delay: 30 });
  await expect(options(page).first()).toHaveAttribute('data-href', '/pods?ns=demo');
  await combobox(page).fill('payments');
  await expect(options(page).nth(1)).toBeVisible();
  await combobox(page).press('ArrowDown');
  const second = options(page).nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const href = (await second.getAttribute('data-href')) ?? '';
  await combobox(page).press('Enter');
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === href);
});

test('":" and Ctrl-K are left to text fields; Escape closes and returns focus; Tab stays inside', async ({
  page,
}) => {
  await openList(page, '/pods?ns=demo');
  const filter = page.getByTestId('filter-input');
  await filter.focus();
  await page.keyboard.press(':');
  await page.keyboard.press('Control+k');
  await expect(filter).toHaveValue(':');
  await expect(palette(page)).toBeHidden();
  await filter.fill('');

  const deployments = page
    .getByRole('navigation', { name: 'Resources' })
    .getByRole('link', { name: 'Deployments' });
  await deployments.focus();
  await page.keyboard.press(':');
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(deployments).toBeFocused();

  // The header's button opens it too, and gets focus back.
  const button = page.getByTestId('palette-button');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
});

test('the open palette passes axe, light and dark (screenshots at 1440 px)', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openList(page, '/deployments?ns=demo');
  await page.keyboard.press('Control+k');
  await loaded(page);
  await combobox(page).pressSequentially('pay', { delay: 30 });
  await expect(options(page).first()).toContainText('payments');
  await combobox(page).press('ArrowDown');
  await expectNoSeriousA11yViolations(page, 'the command palette');
  await page.screenshot({ path: screenshotPath('palette.png') });
  // Nothing matching: the listbox collapses (an empty listbox is not a valid one) and it says so.
  await combobox(page).fill('zzzz-nothing');
  await expect(page.getByTestId('palette-count')).toContainText('No matches');
  await expect(combobox(page)).toHaveAttribute('aria-expanded', 'false');
  await expectNoSeriousA11yViolations(page, 'the command palette, no matches');

  // And in the dark theme (the marked letters and the active option keep their contrast).
  await page.keyboard.press('Escape');
  const toggle = page.getByTestId('theme-toggle');
  for (let i = 0; i < 3 && (await page.locator('html.dark').count()) === 0; i++) await toggle.click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.keyboard.press('Control+k');
  await combobox(page).pressSequentially('pay', { delay: 30 });
  await expect(options(page).first()).toContainText('payments');
  await combobox(page).press('ArrowDown');
  await expectNoSeriousA11yViolations(page, 'the command palette, dark');
  await page.screenshot({ path: screenshotPath('palette-dark.png') });
});
