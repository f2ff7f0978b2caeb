import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// Graph history: File ▸ Fast Forward ▸ 3 Days fills the archives, Zoom ›
// 1 Week then shows three days of hourly points; paused and reloaded, the
// page shows the same history (the RRDs are saved with the world).

test.describe.configure({ timeout: 90_000 });

const SHOTS = process.env['E2E_ARTIFACTS'] ?? 'test-results/e2e-artifacts';

async function openPerformance(page: Page, name: string) {
  await expect(page.getByRole('tree').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('treeitem', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Performance' }).click();
}

async function zoom(page: Page, label: string) {
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Zoom' }).click();
  await page.getByRole('menuitemradio', { name: label }).click();
}

/** Known points of the busiest line of the CPU graph (the chart's data-points). */
const cpuPoints = async (page: Page, range: string) =>
  Number(await page.getByRole('tabpanel').getByRole('img', { name: `CPU Performance, ${range}` }).getAttribute('data-points'));

test('a 3-day fast-forward shows 3 days at 1 Week, and the history survives a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await openPerformance(page, 'db-01');

  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Fast Forward' }).click();
  await page.getByRole('menu', { name: 'Fast Forward' }).getByRole('menuitem', { name: '3 Days' }).click();
  await zoom(page, '1 Week');
  // 72 hourly rows, give or take the hour the page was open before the jump.
  await expect.poll(() => cpuPoints(page, 'last 1 week'), { timeout: 20_000 }).toBeGreaterThanOrEqual(71);
  const before = await cpuPoints(page, 'last 1 week');
  expect(before).toBeLessThanOrEqual(74);
  await page.screenshot({ path: `${SHOTS}/performance-vm-1w-after-3-days.png` });

  // Paused, the lab saves the graphs' history with the world; a reload reads it back.
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForTimeout(3000);
  await page.reload();
  await openPerformance(page, 'db-01');
  await zoom(page, '1 Week');
  await expect.poll(() => cpuPoints(page, 'last 1 week'), { timeout: 20_000 }).toBe(before);

  expect(errors).toEqual([]);
});
