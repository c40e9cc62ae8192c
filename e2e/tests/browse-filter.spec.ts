import { expect, test } from '@playwright/test';

/** The list filter keeps up with a fast typist: nothing typed is lost while the URL follows. */

test('typing "payments" at 5 ms a key filters by "payments", in the box and in the URL', async ({ page }) => {
  await page.goto('/pods');
  await expect(page.getByTestId('live-indicator')).toContainText('Live');
  await expect(page.locator('[data-testid^="row-"]').first()).toBeVisible();
  const filter = page.getByTestId('filter-input');
  await filter.focus();
  await page.keyboard.type('payments', { delay: 5 });
  await expect(filter).toHaveValue('payments');
  await expect(page).toHaveURL(/[?&]q=payments(&|$)/);
  // Only the payments pods are left (rows are `row-<name>`).
  const rows = page.locator('tbody [data-testid^="row-"]');
  const names = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  await expect.poll(async () => (await names()).every((n) => n.startsWith('row-payments-'))).toBe(true);
  expect((await names()).length).toBeGreaterThan(0);

  // Deleting fast is kept as well.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace', { delay: 5 });
  await expect(filter).toHaveValue('pay');
  await expect(page).toHaveURL(/[?&]q=pay(&|$)/);
});
