// Move… on a VM's Storage tab (XenCenter's Move Virtual Disk): a running VM's
// disk moves live (VDI.pool_migrate) and stays active. The dialog lists the
// SRs with free space, the disk's own SR disabled with the reason.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/move-disk-shots';

const treeRow = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const disks = (page: Page) => page.getByRole('table', { name: 'Virtual disks' });
const diskRow = (page: Page, name: string) => disks(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const diskButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Virtual disk commands' }).getByRole('button', { name, exact: true });
const cell = (row: ReturnType<typeof diskRow>, index: number) => row.getByRole('cell').nth(index);

async function addSmallDisk(page: Page, vm: string, name: string) {
  await treeRow(page, vm).click();
  await page.getByRole('tab', { name: 'Storage', exact: true }).click();
  await diskButton(page, 'Add…').click();
  const add = page.getByRole('dialog', { name: `Add Virtual Disk to ${vm}` });
  await add.getByRole('textbox', { name: 'Name' }).fill(name);
  await add.getByRole('textbox', { name: 'Size' }).fill('1');
  await add.getByRole('radio', { name: /NFS virtual disk storage/ }).check();
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(diskRow(page, name)).toHaveCount(1, { timeout: 20_000 });
}

async function moveToLocal(page: Page, name: string, shot: string) {
  const row = diskRow(page, name);
  await row.click();
  await diskButton(page, 'Move…').click();
  const dialog = page.getByRole('dialog', { name: 'Move Virtual Disk' });
  await expect(dialog.getByRole('radio', { name: /NFS virtual disk storage/ })).toBeDisabled();
  await expect(dialog).toContainText('The disk is already on this SR.');
  await dialog.getByRole('radio', { name: /Local storage on xenserver-/, disabled: false }).first().check();
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(diskRow(page, name), 2)).toHaveText('Local storage', { timeout: 60_000 });
}

test('a running VM\'s disk moves live to another SR and stays active', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(treeRow(page, 'web-01')).toBeVisible({ timeout: 20_000 });

  await addSmallDisk(page, 'web-01', 'move-me');
  await expect(diskButton(page, 'Move…')).toHaveAttribute('aria-disabled', 'true');
  await moveToLocal(page, 'move-me', '1-move-live');
  await expect(cell(diskRow(page, 'move-me'), 7)).toHaveText('Yes'); // still active: the VM kept running on it
  await page.screenshot({ path: `${SHOTS}/2-moved-live.png` });

  expect(errors).toEqual([]);
});
