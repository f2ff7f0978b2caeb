// The New Network wizard in a browser: a bond of eth1 and eth2 on every
// server of the pool (one member is refused at the field), screenshotted page
// by page (E2E_SHOTS, default test-results/new-network-shots).
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/new-network-shots';
const wizard = (page: Page) => page.getByRole('dialog', { name: 'New Network' });
const next = (page: Page) => wizard(page).getByRole('button', { name: 'Next >' });

test('a bond of two NICs on every server', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  const pool = page.getByRole('tree').getByRole('treeitem', { name: 'Lab Pool' }).first();
  await expect(pool).toBeVisible({ timeout: 20_000 });
  await pool.click();
  await page.getByRole('tab', { name: 'Networking', exact: true }).click();
  await page.getByRole('button', { name: 'Add Network…' }).click();
  await expect(wizard(page)).toBeVisible();
  await wizard(page).getByRole('radio', { name: /Bonded Network/ }).check();
  await page.screenshot({ path: `${SHOTS}/1-type.png` });
  await next(page).click();
  await expect(wizard(page).getByRole('textbox', { name: 'Name' })).toHaveValue('New Bond');
  await wizard(page).getByRole('textbox', { name: 'Name' }).fill('Storage bond');
  await page.screenshot({ path: `${SHOTS}/2-name.png` });
  await next(page).click();
  await wizard(page).getByRole('checkbox', { name: 'eth1' }).check();
  await expect(wizard(page).getByRole('group', { name: 'Bond members' })).toHaveAccessibleDescription('Choose at least two NICs to bond.');
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await wizard(page).getByRole('checkbox', { name: 'eth2' }).check();
  await wizard(page).getByRole('radio', { name: /balance-slb/ }).check();
  await page.screenshot({ path: `${SHOTS}/3-settings.png` });
  await next(page).click();
  await expect(wizard(page)).toContainText('eth1, eth2');
  await page.screenshot({ path: `${SHOTS}/4-finish.png` });
  await wizard(page).getByRole('button', { name: 'Finish' }).click();
  await expect(wizard(page)).toBeHidden({ timeout: 20_000 });

  // Every server now has the bond; its members are taken.
  await pool.click();
  await page.getByRole('tab', { name: 'Networking', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Networks' }).getByRole('row').filter({ hasText: 'Storage bond' })).toHaveCount(1);
  await page.getByRole('tree').getByRole('treeitem', { name: 'xenserver-02' }).click();
  await page.getByRole('tab', { name: 'Networking', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Networks' }).getByRole('row').filter({ hasText: 'Storage bond' })).toContainText('bond0');
  await page.screenshot({ path: `${SHOTS}/5-bond-on-server.png` });
  await page.getByRole('button', { name: 'Add Network…' }).click();
  await wizard(page).getByRole('radio', { name: /Bonded Network/ }).check();
  await next(page).click();
  await next(page).click();
  await expect(wizard(page).getByRole('checkbox', { name: /eth1/ })).toBeDisabled();
  expect(errors).toEqual([]);
});
