// The console's frame: menu bar, toolbar, navigation tree, object view and the
// status bar with the simulation clock and its speed controls.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// Each test loads the console (slow on a busy machine) and waits on real time.
test.describe.configure({ timeout: 60_000 });

/** Console errors, uncaught exceptions and failed requests (a missing chunk, stylesheet or icon). */

/** The console is up: the pool is loaded (the status bar's clock shows once it is). Slow machines take a while. */
async function consoleReady(page: Page): Promise<void> {
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('tree')).toBeVisible();
}

/** The status bar's virtual time, in Unix seconds (from its <time dateTime>). */
async function virtualTime(page: Page): Promise<number> {
  const iso = await page.getByRole('timer', { name: 'Virtual time' }).locator('time').getAttribute('datetime');
  return Date.parse(iso ?? '') / 1000;
}

/** Virtual seconds that pass in `ms` of real time. */
async function virtualSecondsIn(page: Page, ms: number): Promise<number> {
  const before = await virtualTime(page);
  await page.waitForTimeout(ms);
  return (await virtualTime(page)) - before;
}

test('the console frame renders without console errors', async ({ page }) => {
  const errors = collectPageErrors(page, { failedRequests: true });
  await page.goto('./', { waitUntil: 'networkidle' });
  await consoleReady(page);
  await expect(page).toHaveTitle('XenLab');

  await expect(page.getByRole('menubar', { name: 'Menu bar' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Toolbar' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation pane' })).toBeVisible();
  await expect(page.getByRole('tree').getByRole('treeitem', { name: 'Lab Pool' })).toBeVisible();
  await expect(page.getByRole('main', { name: 'Object view' })).toBeVisible();

  const statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
  await expect(statusBar).toBeVisible();
  const clock = statusBar.getByRole('timer', { name: 'Virtual time' });
  // The default lab starts on Monday 5 January 2026 at 08:00 (virtual).
  await expect(clock).toContainText(/^◷?\s*Virtual time\s*Mon 5 Jan 2026 08:0\d:\d\d UTC/);
  const start = await virtualTime(page);
  await expect.poll(() => virtualTime(page), { timeout: 5000 }).toBeGreaterThanOrEqual(start + 2);
  await expect(statusBar.getByRole('button', { name: '1×' })).toHaveAttribute('aria-pressed', 'true');
  await expect(statusBar.getByText('Saved', { exact: true })).toBeVisible();

  expect(errors).toEqual([]);
});

test('the speed buttons pause the clock and run it 10 times faster', async ({ page }) => {
  const errors = collectPageErrors(page, { failedRequests: true });
  await page.goto('./');
  await consoleReady(page);
  const speed = page.getByRole('group', { name: 'Simulation speed' });
  await expect(speed.getByRole('button', { name: '1×' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toBeVisible();

  const atOne = await virtualSecondsIn(page, 3000);
  expect(atOne).toBeGreaterThanOrEqual(2);
  expect(atOne).toBeLessThanOrEqual(4);

  await speed.getByRole('button', { name: '10×' }).click();
  await expect(speed.getByRole('button', { name: '10×' })).toHaveAttribute('aria-pressed', 'true');
  await expect(speed.getByRole('button', { name: '1×' })).toHaveAttribute('aria-pressed', 'false');
  await page.waitForTimeout(1200); // let a poll confirm the new speed
  const atTen = await virtualSecondsIn(page, 3000);
  // ~30 virtual seconds in 3 real seconds (whole seconds shown, timers are not exact).
  expect(atTen).toBeGreaterThanOrEqual(22);
  expect(atTen).toBeLessThanOrEqual(40);

  await speed.getByRole('button', { name: 'Pause' }).click();
  await expect(speed.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  await page.waitForTimeout(1200);
  expect(await virtualSecondsIn(page, 2000)).toBe(0);

  await speed.getByRole('button', { name: '60×' }).click();
  await expect(speed.getByRole('button', { name: '60×' })).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(1200);
  expect(await virtualSecondsIn(page, 2000)).toBeGreaterThanOrEqual(90);

  expect(errors).toEqual([]);
});
