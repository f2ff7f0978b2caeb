// Installing XenServer on the lab's bare machines, as a learner does it: add a
// machine, run the text-mode installer screen by screen (keyboard and Ok), watch
// the install in virtual time, then Add Server with the password chosen. PXE
// needs the lab's boot server configured; old and 32-bit PCs meet the hardware
// check. Screenshots of every installer page go to the artifacts folder.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// Outside Playwright's output folder (it is emptied at each run) so the pictures survive for review.
const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/installer-shots';

async function open(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('treeitem', { name: 'legacy-01', exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '60×', exact: true }).click();
}

async function menu(page: Page, top: string, item: string) {
  await page.getByRole('menubar').getByRole('menuitem', { name: top, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function addMachine(page: Page, type: RegExp, name: string) {
  if (!(await page.getByRole('table', { name: 'Machines' }).isVisible())) await menu(page, 'File', 'Lab Machines…');
  const form = page.getByRole('form', { name: 'Add machine' });
  await form.getByRole('combobox', { name: 'Machine type' }).selectOption({ label: (await form.getByRole('option', { name: type }).textContent()) ?? '' });
  await form.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await form.getByRole('button', { name: 'Add machine' }).click();
  await expect(page.getByRole('table', { name: 'Machines' }).getByRole('cell', { name, exact: true })).toBeVisible();
}

const screen = (page: Page, title: string) => page.getByRole('form', { name: title });

async function ok(page: Page, title: string, shot?: string) {
  await expect(screen(page, title)).toBeVisible();
  if (shot !== undefined) await page.screenshot({ path: `${SHOTS}/installer-${shot}.png` });
  await screen(page, title).getByRole('button', { name: 'Ok', exact: true }).click();
}

async function throughToPassword(page: Page, shots: boolean) {
  const s = (n: string) => (shots ? n : undefined);
  await ok(page, 'Select Keymap', s('02-keymap'));
  await screen(page, 'End User License Agreement').getByRole('button', { name: 'Ok', exact: true }).click();
  await expect(screen(page, 'End User License Agreement').getByRole('alert')).toContainText('accept the EULA');
  await screen(page, 'End User License Agreement').getByRole('checkbox', { name: 'Accept EULA' }).check();
  await ok(page, 'End User License Agreement', s('03-eula'));
  await expect(screen(page, 'Hardware check')).toContainText('meets XenServer');
  await ok(page, 'Hardware check', s('04-hardware'));
  await screen(page, 'Select Primary Disk').getByRole('radio', { name: /Thick provisioning/ }).check();
  await ok(page, 'Select Primary Disk', s('05-disk'));
}

test('a 2U server installed from CD with a static IP, then added to the console', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await open(page);
  await addMachine(page, /2U rack server/, 'r750-a');
  await page.getByRole('button', { name: 'Install XenServer on r750-a' }).click();
  await ok(page, 'Boot', '01-boot');
  await throughToPassword(page, true);
  await ok(page, 'Select Installation Source', '06-source');
  await ok(page, 'Supplemental Packs', '07-packs');
  await ok(page, 'Verify Installation Source', '08-verify');
  const pw = screen(page, 'Set Password');
  await pw.getByLabel('Password').fill('abc');
  await pw.getByRole('button', { name: 'Ok', exact: true }).click();
  await expect(pw.getByRole('alert')).toContainText('at least 6 characters');
  await pw.getByLabel('Password').fill('secret99');
  await pw.getByLabel('Confirm').fill('secret99');
  await ok(page, 'Set Password', '09-password');
  await ok(page, 'Networking', '10-nic');
  const ip = screen(page, 'Networking: IP configuration');
  await ip.getByRole('radio', { name: 'Static configuration' }).check();
  await ip.getByLabel('IP Address').fill('192.168.10.31');
  await ip.getByLabel('Gateway').fill('10.0.0.1');
  await ip.getByRole('button', { name: 'Ok', exact: true }).click();
  await expect(ip.getByRole('alert')).toContainText('same subnet');
  await ip.getByLabel('Gateway').fill('192.168.10.1');
  await ok(page, 'Networking: IP configuration', '11-ip');
  await screen(page, 'Hostname and DNS Configuration').getByLabel('Hostname').fill('r750-a');
  await ok(page, 'Hostname and DNS Configuration', '12-hostname');
  await ok(page, 'Select Time Zone and System Time', '13-time');
  await expect(screen(page, 'Confirm Installation')).toContainText('192.168.10.31/255.255.255.0');
  await page.screenshot({ path: `${SHOTS}/installer-14-confirm.png` });
  await screen(page, 'Confirm Installation').getByRole('button', { name: 'Install XenServer' }).click();
  await expect(page.getByRole('progressbar', { name: 'Installation progress' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/installer-15-installing.png` });
  await expect(screen(page, 'Installation Complete')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/installer-16-complete.png` });
  await ok(page, 'Installation Complete');
  await page.screenshot({ path: `${SHOTS}/lab-machines.png` });
  await page.keyboard.press('Escape');

  await menu(page, 'File', 'Add Server…');
  const dialog = page.getByRole('dialog', { name: 'Add New Server' });
  await dialog.getByLabel('Server').fill('192.168.10.31');
  await dialog.getByLabel('Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByRole('alert')).toContainText('password is wrong');
  await page.screenshot({ path: `${SHOTS}/add-server-wrong-password.png` });
  await dialog.getByLabel('Password').fill('secret99');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('treeitem', { name: 'r750-a', exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tree-standalone-server.png` });

  // Into the Lab Pool: a wrong coordinator password first, then the right one.
  await menu(page, 'File', 'Lab Machines…');
  const join = page.getByRole('form', { name: 'Add r750-a to a pool' });
  await join.getByLabel('Coordinator root password').fill('nope');
  await join.getByRole('button', { name: 'Join pool' }).click();
  await expect(join.getByRole('alert')).toContainText('SESSION_AUTHENTICATION_FAILED');
  await join.getByLabel('Coordinator root password').fill('xenlab');
  await join.getByRole('button', { name: 'Join pool' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'r750-a joined the pool.' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/lab-joined.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('treeitem', { name: 'Lab Pool', exact: true }).click();
  await expect(page.getByRole('treeitem', { name: 'r750-a', exact: true })).toHaveAttribute('aria-level', '3');

  // The new member sees the pool's shared SR: game-01 (a Windows guest on shared storage) starts on it.
  await page.getByRole('treeitem', { name: 'game-01', exact: true }).click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'VM', exact: true }).click();
  await page.getByRole('menu', { name: 'VM' }).getByRole('menuitem', { name: 'Start on Server', exact: true }).hover();
  await page.getByRole('menu', { name: 'Start on Server' }).getByRole('menuitem', { name: 'r750-a', exact: true }).click();
  await expect(page.getByRole('treeitem', { name: 'game-01', exact: true })).toHaveAccessibleDescription('Running', { timeout: 60_000 });
  // With a guest running there, Remove Server from Pool says why it is disabled; Reboot and
  // Shut Down stay enabled (XenCenter shuts the guests down first, and says so).
  await page.getByRole('treeitem', { name: 'r750-a', exact: true }).click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Server', exact: true }).click();
  const server = page.getByRole('menu', { name: 'Server' });
  await expect(server.getByRole('menuitem', { name: 'Remove Server from Pool…', exact: true })).toBeDisabled();
  await expect(server.getByRole('menuitem', { name: 'Remove Server from Pool…', exact: true })).toHaveAccessibleDescription('Shut down or migrate the VMs running on it first: game-01.');
  for (const item of ['Reboot', 'Shut Down', 'Make Coordinator']) await expect(server.getByRole('menuitem', { name: item, exact: true })).toBeEnabled();
  await server.getByRole('menuitem', { name: 'Remove Server from Pool…', exact: true }).hover();
  await page.screenshot({ path: `${SHOTS}/server-menu-guest-running.png` });
  await server.getByRole('menuitem', { name: 'Shut Down', exact: true }).click();
  const shutdown = page.getByRole('alertdialog', { name: 'Shut Down Server' });
  await expect(shutdown).toContainText('The VM running on it, game-01, is shut down first');
  await shutdown.getByRole('button', { name: 'Cancel' }).click();

  // Make Coordinator moves the pool's coordinator role to r750-a.
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Server', exact: true }).click();
  await server.getByRole('menuitem', { name: 'Make Coordinator', exact: true }).click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Server', exact: true }).click();
  await expect(server.getByRole('menuitem', { name: 'Make Coordinator', exact: true })).toHaveAccessibleDescription('This server is already the pool coordinator.', { timeout: 30_000 });
  await expect(server.getByRole('menuitem', { name: 'Remove Server from Pool…', exact: true })).toHaveAccessibleDescription(/pool coordinator cannot be removed/);
  await page.keyboard.press('Escape');

  // With game-01 shut down, Reboot asks first (and Cancel leaves the server alone).
  await page.getByRole('treeitem', { name: 'game-01', exact: true }).click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'VM', exact: true }).click();
  await page.getByRole('menu', { name: 'VM' }).getByRole('menuitem', { name: 'Shut Down', exact: true }).click();
  await expect(page.getByRole('treeitem', { name: 'game-01', exact: true })).toHaveAccessibleDescription('Halted', { timeout: 60_000 });
  await page.getByRole('treeitem', { name: 'r750-a', exact: true }).click();
  await menu(page, 'Server', 'Reboot');
  const confirm = page.getByRole('alertdialog', { name: 'Reboot Server' });
  await expect(confirm).toContainText('disabled first');
  await page.screenshot({ path: `${SHOTS}/server-reboot-confirm.png` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(errors).toEqual([]);
});

test('PXE install needs the boot server configured', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await addMachine(page, /Small lab PC/, 'pc-1');
  await page.getByRole('button', { name: 'Install XenServer on pc-1' }).click();
  await screen(page, 'Boot').getByRole('radio', { name: /Network boot/ }).check();
  await screen(page, 'Boot').getByRole('button', { name: 'Ok', exact: true }).click();
  await expect(screen(page, 'Boot').getByRole('alert')).toContainText('PXE-E51');
  await page.screenshot({ path: `${SHOTS}/installer-pxe-no-dhcp.png` });
  await screen(page, 'Boot').getByRole('button', { name: 'Back' }).click();

  const pxe = page.getByRole('form', { name: 'PXE boot server' });
  await pxe.getByRole('checkbox', { name: /DHCP offers/ }).check();
  await pxe.getByRole('checkbox', { name: /TFTP server/ }).check();
  await pxe.getByRole('combobox', { name: 'Repository' }).selectOption('http');
  await pxe.getByRole('button', { name: 'Apply PXE settings' }).click();
  await expect(pxe.getByRole('status')).toContainText('applied');
  await page.screenshot({ path: `${SHOTS}/lab-pxe-settings.png` });

  await page.getByRole('button', { name: 'Install XenServer on pc-1' }).click();
  await screen(page, 'Boot').getByRole('radio', { name: /Network boot/ }).check();
  await ok(page, 'Boot');
  await throughToPassword(page, false);
  await screen(page, 'Select Installation Source').getByLabel('URL').fill('http://192.168.10.5/xenserver/');
  await ok(page, 'Select Installation Source');
  await ok(page, 'Supplemental Packs');
  await ok(page, 'Verify Installation Source');
  await screen(page, 'Set Password').getByLabel('Password').fill('secret99');
  await screen(page, 'Set Password').getByLabel('Confirm').fill('secret99');
  await ok(page, 'Set Password');
  await ok(page, 'Networking');
  await ok(page, 'Networking: IP configuration');
  await ok(page, 'Hostname and DNS Configuration');
  await ok(page, 'Select Time Zone and System Time');
  await screen(page, 'Confirm Installation').getByRole('button', { name: 'Install XenServer' }).click();
  await expect(screen(page, 'Installation Complete')).toBeVisible({ timeout: 60_000 });
});

test('the old desktop shows its warnings; the 32-bit PC is refused with the reason', async ({ page }) => {
  await open(page);
  await addMachine(page, /Old desktop/, 'old-1');
  await addMachine(page, /32-bit PC/, 'p4-1');
  for (const [name, shot] of [['old-1', 'old-desktop'], ['p4-1', '32bit']] as const) {
    await page.getByRole('button', { name: `Install XenServer on ${name}` }).click();
    await ok(page, 'Boot');
    await ok(page, 'Select Keymap');
    await screen(page, 'End User License Agreement').getByRole('checkbox', { name: 'Accept EULA' }).check();
    await ok(page, 'End User License Agreement');
    const results = screen(page, 'Hardware check').getByRole('list', { name: 'Hardware check results' });
    await expect(results).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/installer-hardware-${shot}.png` });
    if (name === 'old-1') {
      await expect(results).toContainText('WARNING · Memory');
      await expect(results).toContainText('HVM guests such as Windows will not start');
    } else {
      await expect(results).toContainText('BLOCKER · CPU');
      await expect(results).toContainText('32-bit');
    }
    await expect(screen(page, 'Hardware check').getByRole('button', { name: 'Ok', exact: true })).toHaveCount(0);
    await screen(page, 'Hardware check').getByRole('button', { name: 'Back' }).click();
    await screen(page, 'End User License Agreement').getByRole('button', { name: 'Back' }).click();
    await screen(page, 'Select Keymap').getByRole('button', { name: 'Back' }).click();
    await screen(page, 'Boot').getByRole('button', { name: 'Back' }).click();
  }
});
