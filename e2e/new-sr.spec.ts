// The New SR wizard in a browser: each page screenshotted for review
// (E2E_SHOTS, default test-results/new-sr-shots); a share the NFS server does
// not export is refused at Scan with SM's error and the exports it does have;
// a thin NFS SR is created on every server; a VM disk is then put on it from
// the New VM wizard, with the SR made the pool's default. And the iSCSI page walks target → IQN → LUN by SR.probe.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/new-sr-shots';

const row = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const wizard = (page: Page) => page.getByRole('dialog', { name: 'New Storage Repository' });
const next = (page: Page) => wizard(page).getByRole('button', { name: 'Next >' });

async function open(page: Page) {
  await page.goto('./');
  await expect(row(page, 'web-01')).toBeVisible({ timeout: 20_000 });
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function stepIs(page: Page, name: string) {
  await expect(wizard(page).getByRole('navigation', { name: 'Wizard steps' }).locator('[aria-current="step"]')).toHaveText(name);
}

async function startWizard(page: Page) {
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'Storage' }).click();
  await page.getByRole('menuitem', { name: 'New SR…' }).click();
  await expect(wizard(page)).toBeVisible();
}

test('a thin NFS SR made through the wizard, then a VM disk on it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await open(page);
  await startWizard(page);
  await stepIs(page, 'Type');
  await expect(wizard(page).getByRole('radio', { name: 'NFS', exact: true })).toBeChecked();
  await expect(wizard(page)).toContainText('thin provisioning');
  await shot(page, '1-type');
  await next(page).click();

  await stepIs(page, 'Name');
  const name = wizard(page).getByRole('textbox', { name: 'Name' });
  await name.fill('');
  await expect(name).toHaveAccessibleDescription('Enter a name for the new SR.');
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await name.fill('Lab NFS');
  await shot(page, '2-name');
  await next(page).click();

  await stepIs(page, 'Location');
  const share = wizard(page).getByRole('textbox', { name: 'Share Name' });
  await share.fill('storage-01');
  await expect(share).toHaveAccessibleDescription(/Enter the share name as server:\/path/);
  await share.fill('storage-01:/srv/nothing');
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await wizard(page).getByRole('button', { name: 'Scan' }).click();
  await expect(wizard(page).getByRole('alert')).toContainText('NFS mount error');
  await expect(wizard(page)).toContainText('The server exports: /export/vms, /export/isos, /export/lab, /export/backup');
  await shot(page, '3-location-refused');
  await share.fill('storage-01:/export/lab');
  await expect(wizard(page)).toContainText('Scan to check the location');
  await wizard(page).getByRole('button', { name: 'Scan' }).click();
  await expect(wizard(page).getByRole('status')).toContainText('a new SR can be created here');
  await shot(page, '4-location-checked');
  await next(page).click();

  await stepIs(page, 'Finish');
  await expect(wizard(page)).toContainText('Thin provisioning');
  await expect(wizard(page)).toContainText('server=storage-01, serverpath=/export/lab, nfsversion=3');
  await shot(page, '5-finish');
  await wizard(page).getByRole('button', { name: 'Finish' }).click();
  await expect(wizard(page)).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Lab NFS', exact: true })).toBeVisible({ timeout: 20_000 });
  // Storage ▸ Set as Default makes it the pool's default SR (then the command says so).
  const storageMenu = () => page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'Storage' }).click();
  await storageMenu();
  await page.getByRole('menuitem', { name: 'Set as Default' }).click();
  await expect(async () => {
    await storageMenu();
    const item = page.getByRole('menuitem', { name: 'Set as Default' });
    await expect(item).toHaveAccessibleDescription('This is already the default SR.', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await page.keyboard.press('Escape');

  // Shared and thin: a pool-wide SR with nothing used yet.
  await page.getByRole('tree').getByRole('treeitem', { name: 'Lab Pool' }).first().click();
  await page.getByRole('tab', { name: 'Storage', exact: true }).click();
  const srs = page.getByRole('table', { name: 'Storage repositories in the pool' });
  const lab = srs.getByRole('row').filter({ hasText: 'Lab NFS' });
  await expect(lab).toContainText('NFS');
  await expect(lab).toContainText('Yes');
  await expect(lab).toContainText('2 TB');
  await shot(page, '6-pool-storage');

  // A new VM's extra disk goes on the new SR.
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'New VM', exact: true }).click();
  const vmWizard = page.getByRole('dialog', { name: /^New VM/ });
  await vmWizard.getByRole('searchbox', { name: 'Search templates' }).fill('bookworm');
  await vmWizard.getByRole('option', { name: 'Debian Bookworm 12', exact: true }).click();
  const vmNext = vmWizard.getByRole('button', { name: 'Next >' });
  await vmNext.click();
  await vmWizard.getByRole('textbox', { name: 'Name', exact: true }).fill('nfs-test');
  await vmNext.click();
  await vmWizard.getByRole('combobox', { name: 'ISO image or DVD drive' }).selectOption({ label: 'debian-12.7.0-amd64-netinst.iso' });
  await vmNext.click();
  await vmNext.click();
  await vmWizard.getByRole('spinbutton', { name: 'Maximum number of vCPUs' }).fill('2');
  await vmNext.click();
  await vmWizard.getByRole('button', { name: 'Add…' }).click();
  const disk = page.getByRole('dialog', { name: 'Add Virtual Disk' });
  await disk.getByRole('textbox', { name: 'Size (GB)' }).fill('20');
  const location = disk.getByRole('combobox', { name: 'Location' });
  const labOption = location.locator('option').filter({ hasText: 'Lab NFS' });
  await location.selectOption((await labOption.getAttribute('value')) ?? '');
  await disk.getByRole('button', { name: 'Add' }).click();
  await vmNext.click();
  await vmNext.click();
  await vmWizard.getByRole('checkbox', { name: 'Start the new VM automatically' }).uncheck();
  await vmWizard.getByRole('button', { name: 'Create Now' }).click();
  await expect(vmWizard).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'nfs-test', exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Storage', exact: true }).click();
  // Both disks: the added one, and the template's, which goes on the pool's default SR — now Lab NFS.
  await expect(page.getByRole('table', { name: 'Virtual disks' }).getByRole('row').filter({ hasText: 'Lab NFS' })).toHaveCount(2);
  await shot(page, '7-vm-disk-on-new-sr');
  expect(errors).toEqual([]);
});

test('the iSCSI location walks target, IQN and LUN with SR.probe', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  await open(page);
  await startWizard(page);
  await wizard(page).getByRole('radio', { name: 'iSCSI', exact: true }).check();
  await expect(wizard(page)).toContainText('thick provisioning');
  await next(page).click();
  await next(page).click();
  await stepIs(page, 'Location');
  await wizard(page).getByRole('textbox', { name: 'Target host' }).fill('san-01');
  await wizard(page).getByRole('button', { name: 'Scan Target Host' }).click();
  const iqn = wizard(page).getByRole('combobox', { name: 'Target IQN' });
  await expect(iqn).toBeEnabled();
  await iqn.selectOption('iqn.2026-01.example.lab:san-01.target0');
  const lun = wizard(page).getByRole('combobox', { name: 'Target LUN' });
  await expect(lun).toBeEnabled();
  await expect(lun.locator('option')).toHaveCount(3);
  await lun.selectOption('36001405f0e1d2c3b4a5968778695a4b3');
  await expect(wizard(page).getByRole('status')).toContainText('a new SR can be created here');
  await shot(page, '8-iscsi-location');
  await next(page).click();
  await expect(wizard(page)).toContainText('Thick provisioning');
  await wizard(page).getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'iSCSI virtual disk storage', exact: true })).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('a forgotten NFS SR is found by the wizard\'s scan and reattached with its disk', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await open(page);
  const storageMenu = async (item: string) => {
    await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'Storage' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  const makeThroughWizard = async () => {
    await startWizard(page);
    await next(page).click();
    await wizard(page).getByRole('textbox', { name: 'Name' }).fill('Backup NFS');
    await next(page).click();
    await wizard(page).getByRole('textbox', { name: 'Share Name' }).fill('storage-01:/export/backup');
    await wizard(page).getByRole('button', { name: 'Scan' }).click();
  };
  await makeThroughWizard();
  await expect(wizard(page).getByRole('status')).toContainText('a new SR can be created here');
  await expect(wizard(page).getByRole('group', { name: /existing SR/ })).toHaveCount(0);
  await next(page).click();
  await wizard(page).getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Backup NFS', exact: true })).toBeVisible({ timeout: 20_000 });

  // A disk on it, then Forget: the pool loses the SR, the storage keeps it.
  await page.getByRole('tab', { name: 'Storage', exact: true }).click();
  await page.getByRole('button', { name: 'Add…' }).click();
  const disk = page.getByRole('dialog', { name: 'New Virtual Disk' });
  await disk.getByRole('textbox', { name: 'Name' }).fill('keep-me');
  await disk.getByRole('textbox', { name: /Size/ }).fill('12');
  await disk.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('table', { name: 'Virtual disks' })).toContainText('keep-me', { timeout: 20_000 });
  await storageMenu('Forget');
  const confirm = page.getByRole('alertdialog', { name: 'Forget Storage Repository' });
  await confirm.getByRole('button', { name: 'Forget' }).click();
  await expect(row(page, 'Backup NFS')).toHaveCount(0, { timeout: 20_000 });

  // The same location again: the scan finds the SR and offers to reattach it.
  await makeThroughWizard();
  const found = wizard(page).getByRole('group', { name: 'An existing SR was found at this location' });
  await expect(found).toBeVisible();
  await expect(found.getByRole('radio', { name: 'Reattach an existing SR' })).toBeChecked();
  await expect(found.getByRole('radio', { name: 'Create a new SR beside it' })).not.toBeChecked();
  await shot(page, '9-location-reattach');
  await next(page).click();
  await expect(wizard(page)).toContainText('Reattach:');
  await shot(page, '10-finish-reattach');
  await wizard(page).getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Backup NFS', exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Storage', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Virtual disks' })).toContainText('keep-me', { timeout: 20_000 });
  await expect(page.getByRole('table', { name: 'Virtual disks' })).toContainText('12 GB');
  expect(errors).toEqual([]);
});
