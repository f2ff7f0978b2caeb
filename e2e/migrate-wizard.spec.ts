// Storage XenMotion with the Migrate VM wizard: db-01 runs on xenserver-02
// with its disk on that server's local storage; the wizard (VM ▸ Migrate to
// Server ▸ Migrate VM wizard…) moves it to xenserver-01 with the disk on
// xenserver-01's local SR, and the Migration tab shows it completing.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const row = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

test('the Migrate VM wizard moves a VM with a local disk to another server\'s local storage', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(row(page, 'db-01')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '60×' }).click();
  await row(page, 'db-01').click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'VM', exact: true }).click();
  await page.getByRole('menu', { name: 'VM' }).getByRole('menuitem', { name: 'Migrate to Server', exact: true }).hover();
  await page.getByRole('menu', { name: 'Migrate to Server' }).getByRole('menuitem', { name: 'Migrate VM wizard…' }).click();

  const wizard = page.getByRole('dialog', { name: 'Migrate VM - db-01' });
  const next = wizard.getByRole('button', { name: 'Next >' });
  // Destination: Next waits for a server; the VM's own server is disabled.
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  const host = wizard.getByRole('combobox', { name: 'Target server:' });
  await expect(host.locator('option', { hasText: 'xenserver-02' })).toHaveJSProperty('disabled', true);
  await expect(host.locator('option', { hasText: 'checking' })).toHaveCount(0, { timeout: 15_000 });
  await host.selectOption({ label: 'xenserver-01' });
  await page.screenshot({ path: testInfo.outputPath('wizard-1-destination.png') });
  await next.click();

  // Storage: the local disk goes to xenserver-01's local SR.
  const disks = wizard.getByRole('table', { name: 'Virtual disks' });
  const target = disks.getByRole('combobox').first();
  const local = await target.locator('option').filter({ hasText: /Local storage on xenserver-01/ }).first().textContent();
  // The disk's current SR names its server too (every server's local SR is 'Local storage').
  await expect(disks).toContainText('Local storage on xenserver-02');
  await target.selectOption({ label: local ?? '' });
  await page.screenshot({ path: testInfo.outputPath('wizard-2-storage.png') });
  await next.click();
  await expect(wizard.getByRole('table', { name: 'Virtual network interfaces' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('wizard-3-networking.png') });
  await next.click();
  await expect(wizard.getByRole('combobox', { name: 'Network used for the migration:' })).toHaveValue(/OpaqueRef/);
  await page.screenshot({ path: testInfo.outputPath('wizard-4-network.png') });
  await next.click();

  // Finish: the pre-check passes; a copy warning names the disk data moved.
  await expect(wizard.getByRole('status').first()).toHaveText('The target server can take the VM.', { timeout: 15_000 });
  await expect(wizard).toContainText('will be copied before the memory');
  await page.screenshot({ path: testInfo.outputPath('wizard-5-finish.png') });
  await wizard.getByRole('button', { name: 'Finish' }).click();
  await expect(wizard).toBeHidden();

  const view = page.getByRole('region', { name: 'Live migration' });
  await expect(view.getByRole('heading')).toContainText('from xenserver-02 to xenserver-01', { timeout: 20_000 });
  await expect(view.getByRole('status')).toHaveText('Completed', { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath('wizard-6-migration-tab.png') });
  await page.getByRole('tab', { name: 'Storage', exact: true }).click();
  await expect(page.getByRole('main')).toContainText(/Local storage/);
  await expect(row(page, 'db-01')).toHaveAccessibleDescription('Running');
  expect(errors).toEqual([]);
});
