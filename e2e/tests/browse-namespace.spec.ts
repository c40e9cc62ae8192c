import { expect, test } from '@playwright/test';

/** The namespace of the page you are on is the namespace of everything you reach from it. */

test('from the demo Pods, a pod, its Health and the nav stay in demo', async ({ page }) => {
  await page.goto('/pods?ns=demo');
  await expect(page.getByTestId('live-indicator')).toContainText('Live');
  const first = page.locator('tbody [data-testid^="row-"]').first();
  await expect(first).toBeVisible();
  await first.getByRole('link').first().click();
  await expect(page.getByTestId('health-link')).toBeVisible();
  await page.getByTestId('health-link').click();
  await expect(page.getByTestId('health-page')).toBeVisible();
  await expect(page.getByTestId('namespace-switcher')).toHaveValue('demo');

  const nav = page.getByRole('navigation', { name: 'Resources' });
  await nav.getByRole('link', { name: 'Deployments' }).click();
  await expect(page).toHaveURL(/\/deployments\?ns=demo$/);
  await expect(page.getByTestId('namespace-switcher')).toHaveValue('demo');
});
