import { expect, test } from '@playwright/test';

test('the console shell loads without console errors', async ({ page }) => {
  // Console errors, uncaught exceptions and failed requests (a missing chunk,
  // stylesheet or icon) all count as errors.
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()}`));

  await page.goto('./', { waitUntil: 'networkidle' });
  await expect(page).toHaveTitle('XenLab');
  await expect(page.getByRole('heading', { name: 'XenLab' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation pane' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();

  expect(errors).toEqual([]);
});
