// Building a pool from scratch, as a learner does after installing: two lab
// PCs installed (DHCP), each shown in Lab Machines as installed but not added,
// added with Add Server, then Pool ▸ New Pool makes them one pool. Then the
// Power On page sets Wake-on-LAN, the server is shut down and powered on
// again from the Server menu. Screenshots of each dialog go to the shots folder.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/pool-shots';

async function menu(page: Page, top: string, item: string) {
  await page.getByRole('menubar').getByRole('menuitem', { name: top, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

const screen = (page: Page, title: string) => page.getByRole('form', { name: title });
const ok = (page: Page, title: string) => screen(page, title).getByRole('button', { name: 'Ok', exact: true }).click();

/** Add a small lab PC and install XenServer on it with the installer's defaults (DHCP). */
async function install(page: Page, name: string) {
  const form = page.getByRole('form', { name: 'Add machine' });
  await form.getByRole('combobox', { name: 'Machine type' }).selectOption({ label: (await form.getByRole('option', { name: /Small lab PC/ }).textContent()) ?? '' });
  await form.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await form.getByRole('button', { name: 'Add machine' }).click();
  await page.getByRole('button', { name: `Install XenServer on ${name}` }).click();
  await ok(page, 'Boot');
  await ok(page, 'Select Keymap');
  await screen(page, 'End User License Agreement').getByRole('checkbox', { name: 'Accept EULA' }).check();
  await ok(page, 'End User License Agreement');
  await ok(page, 'Hardware check');
  await ok(page, 'Select Primary Disk');
  await ok(page, 'Select Installation Source');
  await ok(page, 'Supplemental Packs');
  await ok(page, 'Verify Installation Source');
  await screen(page, 'Set Password').getByLabel('Password').fill('secret99');
  await screen(page, 'Set Password').getByLabel('Confirm').fill('secret99');
  await ok(page, 'Set Password');
  await ok(page, 'Networking');
  await ok(page, 'Networking: IP configuration');
  await screen(page, 'Hostname and DNS Configuration').getByLabel('Hostname').fill(name);
  await ok(page, 'Hostname and DNS Configuration');
  await ok(page, 'Select Time Zone and System Time');
  await screen(page, 'Confirm Installation').getByRole('button', { name: 'Install XenServer' }).click();
  await expect(screen(page, 'Installation Complete')).toBeVisible({ timeout: 90_000 });
  await ok(page, 'Installation Complete');
}

async function addServer(page: Page, name: string) {
  // Lab Machines says the server is installed but not added, and offers Add Server with its address.
  await page.getByRole('button', { name: `Add Server ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Add New Server' });
  await dialog.getByLabel('Password').fill('secret99');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('treeitem', { name, exact: true })).toBeVisible();
}

test('New Pool from two standalone servers; Power On by Wake-on-LAN', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(page.getByRole('treeitem', { name: 'legacy-01', exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '60×', exact: true }).click();

  await menu(page, 'File', 'Lab Machines…');
  await install(page, 'pc-a');
  // Installed but not added: the tree does not show it; Lab Machines says what to do.
  await expect(page.getByRole('table', { name: 'Machines' })).toContainText('Installed, not added to XenLab yet');
  await page.screenshot({ path: `${SHOTS}/lab-installed-not-added.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('treeitem', { name: 'pc-a', exact: true })).toHaveCount(0);
  await menu(page, 'File', 'Lab Machines…');
  await addServer(page, 'pc-a');
  await menu(page, 'File', 'Lab Machines…');
  await install(page, 'pc-b');
  await addServer(page, 'pc-b');

  // Pool ▸ New Pool…: the Lab Pool's servers are listed but cannot join; pc-b can.
  await menu(page, 'Pool', 'New Pool…');
  const dialog = page.getByRole('dialog', { name: 'Create New Pool' });
  // Create Pool stays disabled until the pool has a name.
  await expect(dialog.getByRole('button', { name: 'Create Pool' })).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByLabel('Name').fill('Green Pool');
  await dialog.getByLabel('Description').fill('two lab PCs');
  await dialog.getByLabel('Coordinator').selectOption({ label: 'pc-a' });
  await expect(dialog.getByRole('checkbox', { name: /xenserver-01/ })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: /xenserver-01/ })).toHaveAccessibleDescription(/already in a pool \(Lab Pool\)/);
  await dialog.getByRole('checkbox', { name: /pc-b/ }).check();
  await page.screenshot({ path: `${SHOTS}/new-pool-dialog.png` });
  await dialog.getByRole('button', { name: 'Create Pool' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const pool = page.getByRole('treeitem', { name: 'Green Pool', exact: true });
  await expect(pool).toBeVisible();
  await expect(page.getByRole('treeitem', { name: 'pc-b', exact: true })).toHaveAttribute('aria-level', '3');
  await page.screenshot({ path: `${SHOTS}/tree-green-pool.png` });

  // Power On needs a power-on mode: Wake-on-LAN on the Power On page.
  await page.getByRole('treeitem', { name: 'pc-b', exact: true }).click();
  await menu(page, 'Server', 'Properties');
  const props = page.getByRole('dialog', { name: /Properties of pc-b/ });
  await props.getByRole('tab', { name: 'Power On' }).click();
  await props.getByRole('radio', { name: 'Wake-on-LAN (WoL)' }).check();
  await page.screenshot({ path: `${SHOTS}/properties-power-on.png` });
  await props.getByRole('button', { name: 'Save' }).click();
  await expect(props).toBeHidden();

  await menu(page, 'Server', 'Shut Down');
  await page.getByRole('alertdialog', { name: 'Shut Down Server' }).getByRole('button', { name: 'Shut Down' }).click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Server', exact: true }).click();
  const powerOn = page.getByRole('menu', { name: 'Server' }).getByRole('menuitem', { name: 'Power On', exact: true });
  await expect(powerOn).toBeEnabled({ timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/server-menu-power-on.png` });
  await powerOn.click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Server', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Server' }).getByRole('menuitem', { name: 'Shut Down', exact: true })).toBeEnabled({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('Add machine: a custom machine, checked at each field', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(page.getByRole('treeitem', { name: 'legacy-01', exact: true })).toBeVisible({ timeout: 20_000 });
  await menu(page, 'File', 'Lab Machines…');
  const form = page.getByRole('form', { name: 'Add machine' });
  await form.getByRole('combobox', { name: 'Machine type' }).selectOption('custom');
  const add = form.getByRole('button', { name: 'Add machine' });
  await form.getByRole('textbox', { name: 'Clock (GHz)' }).fill('fast');
  await form.getByRole('textbox', { name: 'Sockets' }).fill('0');
  await expect(form.getByRole('textbox', { name: 'Clock (GHz)' })).toHaveAccessibleDescription('Clock: enter a number, such as 2.4.');
  await expect(form.getByRole('textbox', { name: 'Sockets' })).toHaveAccessibleDescription('Sockets: at least 1.');
  await expect(add).toHaveAttribute('aria-disabled', 'true');
  await form.getByRole('combobox', { name: 'Architecture' }).selectOption('aarch64');
  await expect(form.getByText('An Intel or AMD CPU is x86-64 or 32-bit x86 (i686).')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/custom-machine-invalid.png`, fullPage: true });
  await form.getByRole('combobox', { name: 'Architecture' }).selectOption('x86_64');
  await form.getByRole('textbox', { name: 'Clock (GHz)' }).fill('1.2');
  await form.getByRole('textbox', { name: 'Sockets' }).fill('1');
  await form.getByRole('textbox', { name: 'RAM (GiB)' }).fill('3');
  await form.getByRole('textbox', { name: 'Disk 1 size (GB)' }).fill('60');
  await form.getByRole('button', { name: 'Add NIC' }).click();
  await form.getByRole('combobox', { name: 'NIC 2 speed' }).selectOption('10000');
  await form.getByRole('checkbox', { name: 'NIC 2 can boot by PXE' }).uncheck();
  await form.getByRole('checkbox', { name: 'VT-x / AMD-V (hardware virtualization)' }).uncheck();
  await form.getByRole('textbox', { name: 'Name (optional)' }).fill('tower');
  await expect(add).not.toHaveAttribute('aria-disabled', 'true');
  await page.screenshot({ path: `${SHOTS}/custom-machine-valid.png`, fullPage: true });
  await add.click();
  const table = page.getByRole('table', { name: 'Machines' });
  await expect(table.getByRole('row', { name: /tower/ })).toContainText('Whitebox Custom build');
  await expect(table.getByRole('row', { name: /tower/ })).toContainText('2 NICs');
  // Its hardware check: slow CPU, little RAM, small disk, no VT-x, as warnings the installer shows.
  await page.getByRole('button', { name: 'Install XenServer on tower' }).click();
  await ok(page, 'Boot');
  await ok(page, 'Select Keymap');
  await screen(page, 'End User License Agreement').getByRole('checkbox', { name: 'Accept EULA' }).check();
  await ok(page, 'End User License Agreement');
  const check = screen(page, 'Hardware check');
  await expect(check).toContainText('1.20 GHz');
  await expect(check).toContainText('no Intel VT-x');
  await page.screenshot({ path: `${SHOTS}/custom-machine-hardware-check.png` });
  expect(errors).toEqual([]);
});

test('a bare machine stands in the tree: select it to power it on or install XenServer', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(page.getByRole('treeitem', { name: 'legacy-01', exact: true })).toBeVisible({ timeout: 20_000 });
  await menu(page, 'File', 'Lab Machines…');
  const form = page.getByRole('form', { name: 'Add machine' });
  await form.getByRole('combobox', { name: 'Machine type' }).selectOption('lab-pc');
  await form.getByRole('textbox', { name: 'Name (optional)' }).fill('spare-pc');
  await form.getByRole('button', { name: 'Add machine' }).click();
  await expect(page.getByRole('table', { name: 'Machines' })).toContainText('spare-pc');
  await page.keyboard.press('Escape');
  const row = page.getByRole('treeitem', { name: 'spare-pc', exact: true });
  await expect(row).toHaveAccessibleDescription('Bare, powered off');
  await row.click();
  const panel = page.getByRole('region', { name: 'Lab machine spare-pc' });
  await expect(panel).toContainText('OptiPlex 7070');
  await panel.getByRole('button', { name: 'Power On' }).click();
  await expect(row).toHaveAccessibleDescription('Bare, powered on');
  await page.screenshot({ path: `${SHOTS}/tree-bare-machine.png` });
  await panel.getByRole('button', { name: 'Install XenServer…' }).click();
  await expect(screen(page, 'Boot')).toBeVisible();
  expect(errors).toEqual([]);
});
