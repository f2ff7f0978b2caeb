// The New VM wizard in a browser: every page, found by role and name as a
// person would, screenshotted for review (E2E_SHOTS, default
// test-results/new-vm-shots); the refusals a user meets at the fields (100
// vCPUs, more memory than any server has, a disk too big for its SR); and a
// Debian VM made on shared storage with two disks and two network interfaces,
// installed from its ISO at 60× virtual time until it reports an IP address.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/new-vm-shots';

const row = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const wizard = (page: Page) => page.getByRole('dialog', { name: /^New VM/ });
const next = (page: Page) => wizard(page).getByRole('button', { name: 'Next >' });

async function open(page: Page) {
  await page.goto('./');
  await expect(row(page, 'web-01')).toBeVisible({ timeout: 20_000 });
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function startWizard(page: Page) {
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'New VM', exact: true }).click();
  await expect(wizard(page)).toBeVisible();
}

async function chooseTemplate(page: Page, search: string, name: string) {
  await wizard(page).getByRole('searchbox', { name: 'Search templates' }).fill(search);
  await wizard(page).getByRole('option', { name, exact: true }).click();
  await expect(wizard(page).getByRole('option', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

async function stepIs(page: Page, name: string) {
  await expect(wizard(page).getByRole('navigation', { name: 'Wizard steps' }).locator('[aria-current="step"]')).toHaveText(name);
}

test('every page of the wizard, and the refusals at the fields', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await open(page);
  await startWizard(page);
  await stepIs(page, 'Template');
  await expect(wizard(page).getByRole('group', { name: 'Debian' })).toBeVisible();
  await chooseTemplate(page, 'debian', 'Debian Bookworm 12');
  await shot(page, '1-template');
  await next(page).click();

  await stepIs(page, 'Name');
  const name = wizard(page).getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('Debian Bookworm 12 (1)');
  await name.fill('');
  await expect(name).toHaveAccessibleDescription('Enter a name for the new VM.');
  await expect(next(page)).toBeDisabled();
  await name.fill('web-02');
  await shot(page, '2-name');
  await next(page).click();

  await stepIs(page, 'Installation Media');
  await expect(next(page)).toBeDisabled();
  await wizard(page).getByRole('combobox', { name: 'ISO image or DVD drive' }).selectOption({ label: 'debian-12.7.0-amd64-netinst.iso' });
  await wizard(page).getByRole('radio', { name: 'Install from URL:' }).check();
  const url = wizard(page).getByRole('textbox', { name: 'Installation URL' });
  await url.fill('smb://files/debian');
  await expect(url).toHaveAccessibleDescription(/smb:\/\/ is not one of them/);
  await shot(page, '3-install-url-refused');
  await wizard(page).getByRole('radio', { name: 'Install from ISO library or DVD drive:' }).check();
  await shot(page, '3-install');
  await next(page).click();

  await stepIs(page, 'Home Server');
  await expect(wizard(page).getByRole('radio', { name: /Don't assign this VM a home server/ })).toBeChecked();
  await expect(wizard(page).getByRole('radio', { name: 'xenserver-01' })).toHaveAccessibleDescription(/RAM available \(128 GB total\)/);
  await shot(page, '4-home');
  await next(page).click();

  await stepIs(page, 'CPU & Memory');
  const vcpus = wizard(page).getByRole('spinbutton', { name: 'Maximum number of vCPUs' });
  await vcpus.fill('100');
  await expect(vcpus).toHaveAttribute('aria-invalid', 'true');
  await expect(vcpus).toHaveAccessibleDescription(/supports at most 64 vCPUs/);
  await expect(next(page)).toBeDisabled();
  const memory = wizard(page).getByRole('textbox', { name: 'Memory', exact: true });
  await memory.fill('200');
  await expect(memory).toHaveAccessibleDescription(/greater than the amount of physical memory on any server in the pool \(128 GB\)/);
  await shot(page, '5-cpu-mem-refused');
  await vcpus.fill('4');
  await wizard(page).getByRole('combobox', { name: 'Topology' }).selectOption({ label: '2 sockets with 2 cores per socket' });
  await memory.fill('4');
  await expect(memory).not.toHaveAttribute('aria-invalid', 'true');
  await shot(page, '5-cpu-mem');
  await next(page).click();

  await stepIs(page, 'Storage');
  await expect(wizard(page).getByRole('table', { name: 'Virtual disks' })).toContainText('web-02 0');
  await wizard(page).getByRole('button', { name: 'Add…' }).click();
  const disk = page.getByRole('dialog', { name: 'Add Virtual Disk' });
  await disk.getByRole('textbox', { name: 'Size (GB)' }).fill('900000');
  await expect(disk.getByRole('textbox', { name: 'Size (GB)' })).toHaveAccessibleDescription(/Disk size cannot be more than 2 TB\./);
  await shot(page, '6-storage-disk-too-big');
  await disk.getByRole('textbox', { name: 'Size (GB)' }).fill('20');
  await disk.getByRole('button', { name: 'Add' }).click();
  await expect(wizard(page).getByRole('table', { name: 'Virtual disks' })).toContainText('web-02 1');
  await shot(page, '6-storage');
  await next(page).click();

  await stepIs(page, 'Networking');
  await expect(wizard(page).getByRole('combobox', { name: /^Network for interface/ })).toHaveCount(4);
  await wizard(page).getByRole('button', { name: 'Delete interface 3' }).click();
  await wizard(page).getByRole('button', { name: 'Delete interface 2' }).click();
  await wizard(page).getByRole('textbox', { name: 'MAC address for interface 1' }).fill('01:00:00:00:00:01');
  await expect(wizard(page).getByRole('textbox', { name: 'MAC address for interface 1' })).toHaveAccessibleDescription(/multicast/);
  await wizard(page).getByRole('textbox', { name: 'MAC address for interface 1' }).fill('');
  await shot(page, '7-networking');
  await next(page).click();

  await stepIs(page, 'Finish');
  await expect(wizard(page).getByRole('table', { name: 'Summary' })).toContainText('debian-12.7.0-amd64-netinst.iso');
  await expect(wizard(page).getByRole('checkbox', { name: 'Start the new VM automatically' })).toBeChecked();
  await shot(page, '8-finish');
  await wizard(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard(page)).toBeHidden();
  expect(errors).toEqual([]);
});

test('a Debian VM on shared storage with two disks and two interfaces installs from its ISO and gets an IP address', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await open(page);
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '60×' }).click();
  await startWizard(page);
  await chooseTemplate(page, 'bookworm', 'Debian Bookworm 12');
  await next(page).click();
  await wizard(page).getByRole('textbox', { name: 'Name', exact: true }).fill('web-02');
  await next(page).click();
  await wizard(page).getByRole('combobox', { name: 'ISO image or DVD drive' }).selectOption({ label: 'debian-12.7.0-amd64-netinst.iso' });
  await next(page).click();
  await expect(wizard(page).getByRole('radio', { name: /Don't assign this VM a home server/ })).toBeChecked();
  await next(page).click();
  await wizard(page).getByRole('spinbutton', { name: 'Maximum number of vCPUs' }).fill('2');
  await next(page).click();
  await wizard(page).getByRole('button', { name: 'Add…' }).click();
  const disk = page.getByRole('dialog', { name: 'Add Virtual Disk' });
  await disk.getByRole('textbox', { name: 'Size (GB)' }).fill('20');
  await expect(disk.getByRole('combobox', { name: 'Location' })).toHaveValue(/.+/);
  await disk.getByRole('button', { name: 'Add' }).click();
  await expect(wizard(page).getByRole('table', { name: 'Virtual disks' }).getByRole('row')).toHaveCount(3);
  await next(page).click();
  await wizard(page).getByRole('button', { name: 'Delete interface 3' }).click();
  await wizard(page).getByRole('button', { name: 'Delete interface 2' }).click();
  await next(page).click();
  await expect(wizard(page).getByRole('checkbox', { name: 'Start the new VM automatically' })).toBeChecked();
  await wizard(page).getByRole('button', { name: 'Create Now' }).click();
  await expect(wizard(page)).toBeHidden();

  // The new VM is selected when made, on the NFS SR with two disks and two interfaces, and starts.
  await expect(page.getByRole('heading', { level: 2, name: 'web-02', exact: true })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Storage', exact: true }).click();
  const disks = page.getByRole('table', { name: 'Virtual disks' });
  await expect(disks.getByRole('row').filter({ hasText: 'NFS virtual disk storage' })).toHaveCount(2);
  await page.getByRole('tab', { name: 'Networking', exact: true }).click();
  const vifs = page.getByRole('table', { name: 'Virtual network interfaces' });
  await expect(vifs.getByRole('row').filter({ hasText: 'Pool-wide network' })).toHaveCount(2);
  await expect(row(page, 'web-02')).toHaveAccessibleDescription(/Running/, { timeout: 60_000 });
  await shot(page, '9-created');
  // The installer runs (minutes of virtual time), reboots into Debian, and the guest agent reports its address.
  await expect(vifs).toContainText(/192\.168\.\d+\.\d+/, { timeout: 180_000 });
  await shot(page, '10-installed-with-ip');
  expect(errors).toEqual([]);
});

test('Copy VM… makes a fast clone; Convert to Template… asks first', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'game-01').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions' }).getByRole('menuitem', { name: 'Copy VM…' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy Virtual Machine' });
  await expect(copy.getByRole('textbox', { name: 'Name' })).toHaveValue('Copy of game-01');
  await expect(copy.getByRole('radio', { name: /Fast clone/ })).toBeChecked();
  await copy.getByRole('radio', { name: /Full copy/ }).check();
  await expect(copy.getByRole('combobox', { name: 'Storage repository for the full copy' })).toHaveAccessibleDescription(/The disks to copy: 128 GB in all/);
  await shot(page, 'copy-vm');
  await copy.getByRole('radio', { name: /Fast clone/ }).check();
  await copy.getByRole('button', { name: 'Copy' }).click();
  await expect(row(page, 'Copy of game-01')).toBeVisible({ timeout: 30_000 });

  await row(page, 'Copy of game-01').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions' }).getByRole('menuitem', { name: 'Convert to Template…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Convert VM to Template' });
  await expect(confirm).toContainText('Are you sure you want to convert VM “Copy of game-01” to a template? This cannot be undone.');
  await shot(page, 'convert-to-template');
  await confirm.getByRole('button', { name: 'Convert' }).click();
  // A custom template is not shown in the tree unless View ▸ Custom Templates is on.
  await expect(row(page, 'Copy of game-01')).toBeHidden({ timeout: 30_000 });
  expect(errors).toEqual([]);
});
