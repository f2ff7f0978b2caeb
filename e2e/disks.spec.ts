// Disks, interfaces and SRs from the Storage and Networking tabs' buttons and
// the Storage menu, in a browser: a disk added to a running VM (hot-plugged),
// refused a shrink at the field, grown once deactivated, detached, attached
// again and deleted; a network interface added with a QoS limit and removed;
// the NFS SR's Detach refused with the running VMs named; the ISO library
// detached and repaired. Screenshots of each dialog go to E2E_SHOTS
// (default test-results/disks-shots) for review.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/disks-shots';

const treeRow = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const disks = (page: Page) => page.getByRole('table', { name: 'Virtual disks' });
const diskRow = (page: Page, name: string) => disks(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const diskButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Virtual disk commands' }).getByRole('button', { name, exact: true });
const cell = (row: ReturnType<typeof diskRow>, index: number) => row.getByRole('cell').nth(index);

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function openVm(page: Page, name: string, tab: string) {
  await page.goto('./');
  await expect(treeRow(page, name)).toBeVisible({ timeout: 20_000 });
  await treeRow(page, name).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('a disk added to a running VM, grown, detached, attached again and deleted', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await openVm(page, 'web-01', 'Storage');
  await expect(diskButton(page, 'Deactivate')).toHaveAttribute('aria-disabled', 'true');
  await expect(diskButton(page, 'Deactivate')).toHaveAccessibleDescription('Select a disk in the list first.');

  await diskButton(page, 'Add…').click();
  const add = page.getByRole('dialog', { name: 'Add Virtual Disk to web-01' });
  await add.getByRole('textbox', { name: 'Name' }).fill('data-disk');
  const size = add.getByRole('textbox', { name: 'Size' });
  await size.fill('3000');
  await add.getByRole('combobox', { name: 'Size unit' }).selectOption('GiB');
  await expect(size).toHaveAccessibleDescription(/at most 2 TB|at most 2\.0 TiB|at most 2 TiB/);
  await expect(add.getByRole('button', { name: 'Add' })).toHaveAttribute('aria-disabled', 'true');
  await size.fill('4');
  await expect(add.getByRole('radio', { name: /NFS virtual disk storage/ })).toBeChecked();
  await shot(page, '1-add-disk');
  await add.getByRole('button', { name: 'Add' }).click();

  const row = diskRow(page, 'data-disk');
  await expect(row).toHaveCount(1);
  // Position, Name(th), Description, SR, SR Type, Size, Read Only, Priority, Active, Device Path: cells skip the header.
  await expect(cell(row, 4)).toHaveText('4 GB');
  await expect(cell(row, 7)).toHaveText('Yes');
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await shot(page, '2-disk-added');

  // While active, the size cannot change.
  await diskButton(page, 'Properties').click();
  let props = page.getByRole('dialog', { name: '‘data-disk’ Properties' });
  await expect(props.getByRole('textbox', { name: 'Size' })).toBeDisabled();
  await expect(props.getByRole('textbox', { name: 'Size' })).toHaveAccessibleDescription(/Deactivate the disk/);
  await props.getByRole('button', { name: 'Cancel' }).click();

  await diskButton(page, 'Deactivate').click();
  await expect(cell(row, 7)).toHaveText('No');
  await diskButton(page, 'Properties').click();
  props = page.getByRole('dialog', { name: '‘data-disk’ Properties' });
  const newSize = props.getByRole('textbox', { name: 'Size' });
  await newSize.fill('2');
  await expect(newSize).toHaveAccessibleDescription(/can only be made larger/);
  await expect(props.getByRole('button', { name: 'OK' })).toHaveAttribute('aria-disabled', 'true');
  await shot(page, '3-shrink-refused');
  await newSize.fill('6');
  await props.getByRole('button', { name: 'OK' }).click();
  await expect(cell(row, 4)).toHaveText('6 GB');

  await diskButton(page, 'Detach').click();
  const detach = page.getByRole('alertdialog', { name: 'Detach Virtual Disk' });
  await expect(detach).toContainText('data-disk');
  await shot(page, '4-detach-confirm');
  await detach.getByRole('button', { name: 'Detach' }).click();
  await expect(row).toHaveCount(0);

  await diskButton(page, 'Attach Disk…').click();
  const attach = page.getByRole('dialog', { name: 'Attach Disk to web-01' });
  await attach.getByRole('radio', { name: /^data-disk/ }).check();
  await shot(page, '5-attach-disk');
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect(row).toHaveCount(1);
  await expect(cell(row, 7)).toHaveText('Yes');

  await row.click();
  await expect(diskButton(page, 'Delete')).toHaveAccessibleDescription(/in use by a running VM/);
  await diskButton(page, 'Deactivate').click();
  await expect(cell(row, 7)).toHaveText('No');
  await diskButton(page, 'Delete').click();
  const del = page.getByRole('alertdialog', { name: 'Delete Virtual Disk' });
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a network interface added with a QoS limit, then removed', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openVm(page, 'game-01', 'Networking');
  const vifs = page.getByRole('table', { name: 'Virtual network interfaces' });
  const before = await vifs.getByRole('row').count();
  const bar = page.getByRole('toolbar', { name: 'Network interface commands' });
  await bar.getByRole('button', { name: 'Add Interface…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Virtual Interface to game-01' });
  await dialog.getByRole('checkbox', { name: 'Enable QoS limit' }).check();
  const limit = dialog.getByRole('textbox', { name: 'QoS limit (kB/s)' });
  await limit.fill('fast');
  await expect(limit).toHaveAccessibleDescription(/whole number of kB\/s/);
  await dialog.getByRole('radio', { name: 'Use this MAC address:' }).check();
  await dialog.getByRole('textbox', { name: 'MAC address' }).fill('01:00:5e:00:00:01');
  await expect(dialog.getByRole('textbox', { name: 'MAC address' })).toHaveAccessibleDescription(/multicast/);
  await shot(page, '6-vif-errors');
  await dialog.getByRole('radio', { name: 'Autogenerate a MAC address' }).check();
  await limit.fill('2048');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(vifs.getByRole('row')).toHaveCount(before + 1);
  const added = vifs.getByRole('row').filter({ hasText: '2048 kB/s' });
  await expect(added).toHaveCount(1);
  await shot(page, '7-vif-added');
  await added.click();
  await bar.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog', { name: 'Remove Network Interface' }).getByRole('button', { name: 'Remove' }).click();
  await expect(vifs.getByRole('row')).toHaveCount(before);
  expect(errors).toEqual([]);
});

test('Storage menu: Detach refused for the SR running VMs use; the ISO library detached and repaired', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(treeRow(page, 'web-01')).toBeVisible({ timeout: 20_000 });
  const storageMenu = async () => {
    await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'Storage' }).click();
  };
  await treeRow(page, 'NFS virtual disk storage').click();
  await storageMenu();
  await expect(page.getByRole('menuitem', { name: 'Detach…' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Detach…' })).toHaveAccessibleDescription('Shut down the VMs using disks on it before you detach it: build-01, ci-01, dc-01 and 2 more.');
  await expect(page.getByRole('menuitem', { name: 'Repair…' })).toHaveAccessibleDescription(/nothing to repair/);
  await shot(page, '8-storage-menu');
  await page.keyboard.press('Escape');

  await treeRow(page, 'ISO library').click();
  await storageMenu();
  await page.getByRole('menuitem', { name: 'Detach…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Detach Storage Repository' });
  await shot(page, '9-detach-sr-confirm');
  await confirm.getByRole('button', { name: 'Detach' }).click();
  await storageMenu();
  await expect(page.getByRole('menuitem', { name: 'Detach…' })).toHaveAccessibleDescription('The SR is already detached.');
  await expect(page.getByRole('menuitem', { name: 'Rescan' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Repair…' }).click();
  await storageMenu();
  await expect(page.getByRole('menuitem', { name: 'Repair…' })).toHaveAccessibleDescription(/nothing to repair/);
  await expect(page.getByRole('menuitem', { name: 'Rescan' })).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});
