// XenMotion as a learner meets it: live-migrate a running VM with Migrate to
// Server ▸ and watch the Migration tab end with its rounds and a downtime
// under a second, the VM now running on the other server; see why a server
// cannot take a VM; and put the pool coordinator into maintenance mode,
// handing the pool to another server, and see its running VMs land elsewhere
// still Running.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const row = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

async function open(page: Page) {
  await page.goto('./');
  await expect(row(page, 'web-01')).toBeVisible({ timeout: 20_000 });
}

async function menu(page: Page, name: string) {
  await page.getByRole('menubar').getByRole('menuitem', { name, exact: true }).click();
  return page.getByRole('menu', { name });
}

/** The General tab's "Running on:" value of the selected VM. */
function runningOn(page: Page) {
  return page.getByRole('definition').filter({ has: page.locator('xpath=preceding-sibling::dt[1][normalize-space()="Running on:"]') });
}

test('Migrate to Server live-migrates a running VM and the Migration tab shows its rounds and downtime', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'web-01').click();
  await (await menu(page, 'VM')).getByRole('menuitem', { name: 'Migrate to Server', exact: true }).hover();
  const hosts = page.getByRole('menu', { name: 'Migrate to Server' });
  // Its own server is disabled with the reason; the others pass the checks.
  const current = hosts.getByRole('menuitem', { name: 'xenserver-01', exact: true });
  await expect(current).toHaveAttribute('aria-disabled', 'true');
  await expect(current).toHaveAccessibleDescription(/current server/i);
  const target = hosts.getByRole('menuitem', { name: 'xenserver-02', exact: true });
  await expect(target).not.toHaveAttribute('aria-disabled', 'true', { timeout: 10_000 });
  await page.screenshot({ path: testInfo.outputPath('migrate-to-server-menu.png') });
  await target.click();

  // The console shows the VM's Migration tab; it ends with a sub-second downtime.
  const view = page.getByRole('region', { name: 'Live migration' });
  await expect(view.getByRole('status')).toHaveText('Completed', { timeout: 60_000 });
  await expect(view.getByRole('heading')).toContainText('from xenserver-01 to xenserver-02');
  const figure = (label: string) => view.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[1][normalize-space()="${label}"]`) });
  const rounds = Number(await figure('Pre-copy rounds').textContent());
  expect(rounds).toBeGreaterThanOrEqual(1);
  expect(rounds).toBeLessThanOrEqual(5);
  const downtime = (await figure('Downtime').textContent()) ?? '';
  expect(downtime).toMatch(/^\d+ ms$/);
  expect(parseInt(downtime, 10)).toBeLessThan(1000);
  await page.screenshot({ path: testInfo.outputPath('migration-tab.png') });

  await page.getByRole('tab', { name: 'General', exact: true }).click();
  await expect(runningOn(page)).toHaveText('xenserver-02');
  await expect(row(page, 'web-01')).toHaveAccessibleDescription('Running');
  expect(errors).toEqual([]);
});

test('Migrate to Server disables a server that cannot take the VM, with the reason', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page);
  // db-01's disk is on xenserver-02's local storage.
  await row(page, 'db-01').click();
  await (await menu(page, 'VM')).getByRole('menuitem', { name: 'Migrate to Server', exact: true }).hover();
  const hosts = page.getByRole('menu', { name: 'Migrate to Server' });
  const other = hosts.getByRole('menuitem', { name: 'xenserver-01', exact: true });
  await expect(other).toHaveAccessibleDescription(/storage repository/, { timeout: 10_000 });
  await expect(other).toHaveAttribute('aria-disabled', 'true');
  expect(errors).toEqual([]);
});

test('Enter Maintenance Mode on the coordinator hands the pool over and evacuates its running VMs', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await open(page);
  const dialog = page.getByRole('dialog', { name: 'Enter Maintenance Mode - xenserver-01' });
  const vms = dialog.getByRole('table', { name: 'Running VMs on xenserver-01' });
  const enterDialog = async () => {
    await row(page, 'xenserver-01').click();
    await (await menu(page, 'Server')).getByRole('menuitem', { name: 'Enter Maintenance Mode…', exact: true }).click();
    await expect(vms.getByRole('row').filter({ hasText: 'Checking…' })).toHaveCount(0, { timeout: 10_000 });
  };
  // A paused VM cannot be live-migrated: the dialog says so and will not enter.
  await enterDialog();
  await expect(vms.getByRole('row').filter({ hasText: 'ci-01' })).not.toContainText('Migrate to another server');
  await expect(dialog.getByRole('button', { name: 'Enter Maintenance Mode' })).toHaveAttribute('aria-disabled', 'true');
  await page.screenshot({ path: testInfo.outputPath('maintenance-dialog-blocked.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await row(page, 'ci-01').click();
  await (await menu(page, 'VM')).getByRole('menuitem', { name: 'Unpause', exact: true }).click();
  await expect(row(page, 'ci-01')).toHaveAccessibleDescription('Running', { timeout: 30_000 });
  // 14 GiB of guests share one gigabit link: run the clock at 60× so they move in seconds.
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '60×' }).click();

  await enterDialog();
  await expect(vms.getByRole('row').filter({ hasText: 'Migrate to another server (live)' })).not.toHaveCount(0, { timeout: 10_000 });
  const coordinator = dialog.getByRole('combobox', { name: /New pool coordinator/ });
  await coordinator.selectOption({ label: 'xenserver-03' });
  await page.screenshot({ path: testInfo.outputPath('maintenance-dialog.png') });
  const moving = (await vms.getByRole('row').filter({ hasText: 'Migrate to another server (live)' }).getByRole('cell').allTextContents()).filter((_, i) => i % 2 === 0);
  expect(moving.sort()).toEqual(['ci-01', 'web-01', 'win-app-01']);
  await dialog.getByRole('button', { name: 'Enter Maintenance Mode' }).click();
  await expect(dialog).toBeHidden();

  // Each VM ends on another server, still Running.
  for (const name of moving) {
    await row(page, name).click();
    await page.getByRole('tab', { name: 'General', exact: true }).click();
    await expect(runningOn(page)).not.toHaveText('xenserver-01', { timeout: 60_000 });
    await expect(runningOn(page)).not.toHaveText('');
    await expect(row(page, name)).toHaveAccessibleDescription('Running');
  }
  await row(page, 'Lab Pool').click();
  await page.getByRole('tab', { name: 'General', exact: true }).click();
  const coordinatorField = page.getByRole('definition').filter({ has: page.locator('xpath=preceding-sibling::dt[1][contains(normalize-space(), "oordinator")]') });
  await expect(coordinatorField.first()).toHaveText('xenserver-03');
  await row(page, 'xenserver-01').click();
  await page.screenshot({ path: testInfo.outputPath('maintenance-after.png') });
  await expect(page.getByRole('menubar')).toBeVisible();
  expect(errors).toEqual([]);
});

test('dragging a running VM onto another server in the tree migrates it', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await open(page);
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '10×' }).click();
  await row(page, 'win-app-01').dragTo(row(page, 'xenserver-03'));
  const view = page.getByRole('region', { name: 'Live migration' });
  await expect(view.getByRole('heading')).toContainText('from xenserver-01 to xenserver-03', { timeout: 20_000 });
  await expect(view.getByRole('status')).toHaveText('Completed', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'General', exact: true }).click();
  await expect(runningOn(page)).toHaveText('xenserver-03');
  expect(errors).toEqual([]);
});
