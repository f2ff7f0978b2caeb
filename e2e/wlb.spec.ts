import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// Workload Balancing: two busy web servers on xenserver-01 push its network
// write over WLB's High threshold (maximize performance acts there); the pool's WLB tab recommends moving one
// of them, with the reason in words, and Apply All evens the load.

test.describe.configure({ timeout: 150_000 });

const SHOTS = process.env['E2E_ARTIFACTS'] ?? 'test-results/e2e-artifacts';

async function makeBusyWebServer(page: Page, vm: string) {
  await page.getByRole('treeitem', { name: vm, exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Properties/ }).click();
  const dialog = page.getByRole('dialog', { name: `Properties of ${vm}` });
  await dialog.getByRole('tab', { name: 'Workload' }).click();
  await dialog.getByRole('combobox', { name: 'Workload' }).selectOption({ label: 'Web server' });
  await dialog.getByRole('textbox', { name: /^Requests/ }).fill('600');
  await dialog.getByRole('textbox', { name: /^Daily/ }).fill('0');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function fastForward(page: Page, span: string) {
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Fast Forward' }).click();
  await page.getByRole('menu', { name: 'Fast Forward' }).getByRole('menuitem', { name: span }).click();
}

test('a busy server gets a recommendation with its reason, and Apply All evens the load', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(page.getByRole('tree').first()).toBeVisible({ timeout: 20_000 });
  await makeBusyWebServer(page, 'web-01');
  await makeBusyWebServer(page, 'win-app-01');
  await fastForward(page, '1 Hour');

  await page.getByRole('treeitem', { name: 'Lab Pool', exact: true }).click();
  await page.getByRole('tab', { name: 'WLB' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Connect…' }).click();
  const connect = page.getByRole('dialog', { name: 'Connect to WLB Server' });
  await connect.getByRole('textbox', { name: 'Address' }).fill('wlb.lab');
  await connect.getByRole('textbox', { name: 'User name' }).fill('wlbuser');
  await connect.getByLabel('Password', { exact: true }).fill('secret');
  await page.screenshot({ path: `${SHOTS}/wlb-connect.png` });
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(connect).toBeHidden({ timeout: 20_000 });

  const recommendations = panel.getByRole('table', { name: 'Optimization recommendations' });
  await expect(recommendations).toContainText(/xenserver-01 network write .* ≥ .* \((High|Critical)\)/, { timeout: 30_000 });
  const loads = panel.getByRole('table', { name: 'Server load' });
  await expect(loads.getByRole('row').filter({ hasText: 'xenserver-01' })).toContainText(/High|Critical/);
  await page.screenshot({ path: `${SHOTS}/wlb-tab-recommendations.png`, fullPage: true });
  await panel.getByRole('button', { name: 'Apply All' }).click();
  await fastForward(page, '1 Hour');
  await expect(recommendations.getByRole('button', { name: /^Apply: move/ })).toHaveCount(0, { timeout: 60_000 });
  // The load evened: no server is at WLB's High or Critical level any more.
  await expect(loads.getByRole('row').filter({ hasText: /High|Critical/ })).toHaveCount(0, { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/wlb-tab-balanced.png`, fullPage: true });
  expect(errors).toEqual([]);
});
