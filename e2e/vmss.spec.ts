// Scheduled snapshots in a browser: Pool ▸ VM Snapshot Schedules… → New… →
// an hourly schedule keeping 3 for web-01 and db-01 (fields refused at the
// field on the way); File ▸ Fast Forward hour by hour shows the scheduled
// snapshots appear in the Snapshots tab and the 4th and 5th runs trim them
// back to 3; the list shows the last result and history; VM Properties shows
// the VM's schedule; Delete takes the VMs out and removes it. Each wizard
// page is screenshotted (E2E_SHOTS, default test-results/vmss-shots).
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/vmss-shots';
const wizard = (page: Page) => page.getByRole('dialog', { name: 'New VM Snapshot Schedule' });
const list = (page: Page) => page.getByRole('dialog', { name: 'VM Snapshot Schedules' });
const next = (page: Page) => wizard(page).getByRole('button', { name: 'Next >' });

async function menu(page: Page, top: string, item: string) {
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: top }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function fastForwardHour(page: Page) {
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Fast Forward' }).click();
  await page.getByRole('menu', { name: 'Fast Forward' }).getByRole('menuitem', { name: '1 Hour' }).click();
}

/** Scheduled snapshots in the open Snapshots tab's List View. */
const scheduledRows = (page: Page) => page.getByRole('grid', { name: 'Snapshots' }).getByRole('row').filter({ hasText: 'scheduled' });

async function showSnapshots(page: Page, vm: string) {
  await page.getByRole('tree').first().getByRole('treeitem', { name: vm, exact: true }).click();
  await page.getByRole('tab', { name: 'Snapshots', exact: true }).click();
  await page.getByRole('button', { name: 'List View' }).click();
}

test('an hourly snapshot schedule for two VMs keeps 3 snapshots each', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  const pool = page.getByRole('tree').getByRole('treeitem', { name: 'Lab Pool' }).first();
  await expect(pool).toBeVisible({ timeout: 20_000 });
  await pool.click();

  await menu(page, 'Pool', 'VM Snapshot Schedules…');
  await expect(list(page)).toContainText('There are no snapshot schedules in this pool.');
  await list(page).getByRole('button', { name: 'New…' }).click();

  // Name: required, checked at the field.
  await expect(wizard(page)).toBeVisible();
  const name = wizard(page).getByRole('textbox', { name: 'Name' });
  await name.fill('');
  await expect(name).toHaveAccessibleDescription('Enter a name for the snapshot schedule.');
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await name.fill('Hourly web and db');
  await wizard(page).getByRole('textbox', { name: 'Description (optional)' }).fill('Before the database migration');
  await page.screenshot({ path: `${SHOTS}/1-name.png` });
  await next(page).click();

  // VMs: two of them.
  await wizard(page).getByRole('checkbox', { name: 'web-01', exact: true }).check();
  await wizard(page).getByRole('checkbox', { name: 'db-01', exact: true }).check();
  await expect(wizard(page)).toContainText('2 of');
  await page.screenshot({ path: `${SHOTS}/2-vms.png` });
  await next(page).click();

  // Snapshot type: disks only (quiesce disabled with its reason).
  await expect(wizard(page).getByRole('radio', { name: /Quiesced/ })).toBeDisabled();
  await wizard(page).getByRole('radio', { name: /^Disk snapshots/ }).check();
  await page.screenshot({ path: `${SHOTS}/3-type.png` });
  await next(page).click();

  // Schedule: hourly on the hour, keep 3 (11 refused at the field).
  await wizard(page).getByRole('radio', { name: 'Hourly' }).check();
  await wizard(page).getByRole('combobox', { name: 'Minutes past the hour' }).selectOption('0');
  const keep = wizard(page).getByRole('spinbutton', { name: 'Number of snapshots to keep' });
  await keep.fill('11');
  await expect(keep).toHaveAttribute('aria-invalid', 'true');
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await page.screenshot({ path: `${SHOTS}/4-schedule-invalid.png` });
  await keep.fill('3');
  await expect(keep).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/4-schedule.png` });
  await next(page).click();

  // Finish: the summary.
  await expect(wizard(page)).toContainText('db-01, web-01');
  await expect(wizard(page)).toContainText('Every hour on the hour');
  await expect(wizard(page)).toContainText('3 per VM');
  await expect(wizard(page)).toContainText('5 Jan 2026, 09:00 UTC'); // the first run: the next hour
  await page.screenshot({ path: `${SHOTS}/5-finish.png` });
  await wizard(page).getByRole('button', { name: 'Finish' }).click();
  await expect(wizard(page)).toBeHidden({ timeout: 20_000 });

  // Back in the list: the new schedule.
  const row = list(page).getByRole('row').filter({ hasText: 'Hourly web and db' });
  await expect(row).toContainText('db-01, web-01');
  await expect(row).toContainText('Not run yet');
  await page.screenshot({ path: `${SHOTS}/6-list.png` });
  await list(page).getByRole('button', { name: 'Close' }).click();

  // Two hours on: two scheduled snapshots of each VM.
  await showSnapshots(page, 'web-01');
  await expect(scheduledRows(page)).toHaveCount(0);
  await fastForwardHour(page);
  await expect(scheduledRows(page)).toHaveCount(1, { timeout: 15_000 });
  await fastForwardHour(page);
  await expect(scheduledRows(page)).toHaveCount(2, { timeout: 15_000 });
  // Three more: the older ones are deleted beyond the 3 kept.
  for (let i = 0; i < 3; i++) await fastForwardHour(page);
  await expect.poll(() => scheduledRows(page).count(), { timeout: 15_000 }).toBe(3);
  await page.screenshot({ path: `${SHOTS}/7-web-01-snapshots.png` });
  await showSnapshots(page, 'db-01');
  await expect(scheduledRows(page)).toHaveCount(3, { timeout: 15_000 });

  // The list shows the last result and the history.
  await pool.click();
  await menu(page, 'Pool', 'VM Snapshot Schedules…');
  await expect(row).toContainText('Succeeded');
  await expect(list(page).getByRole('region', { name: 'History of Hourly web and db' }).getByRole('listitem')).toHaveCount(5);
  await page.screenshot({ path: `${SHOTS}/8-list-after-runs.png` });

  // Disable, then Enable again; Properties shows the schedule's pages.
  await row.click();
  await list(page).getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByRole('cell').nth(1)).toHaveText('No');
  await expect(row).toContainText('Disabled');
  await list(page).getByRole('button', { name: 'Enable' }).click();
  await expect(row.getByRole('cell').nth(1)).toHaveText('Yes');
  await list(page).getByRole('button', { name: 'Properties' }).click();
  const props = page.getByRole('dialog', { name: 'Properties of Hourly web and db' });
  await props.getByRole('tab', { name: 'Snapshot Schedule' }).click();
  await expect(props.getByRole('spinbutton', { name: 'Number of snapshots to keep' })).toHaveValue('3');
  await page.screenshot({ path: `${SHOTS}/9-properties.png` });
  await props.getByRole('button', { name: 'Cancel' }).click();
  await list(page).getByRole('button', { name: 'Close' }).click();

  // The VM's own Properties name its schedule.
  await page.getByRole('tree').first().getByRole('treeitem', { name: 'web-01', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Properties' }).click();
  const vmProps = page.getByRole('dialog', { name: 'Properties of web-01' });
  await vmProps.getByRole('tab', { name: 'Snapshot Schedule' }).click();
  await expect(vmProps.getByRole('combobox', { name: 'Snapshot schedule' })).toHaveValue(/OpaqueRef/);
  await expect(vmProps.getByRole('combobox', { name: 'Snapshot schedule' }).locator('option:checked')).toContainText('Hourly web and db');
  await page.screenshot({ path: `${SHOTS}/10-vm-properties.png` });
  await vmProps.getByRole('button', { name: 'Cancel' }).click();

  // VM context menu: Assign to VM Snapshot Schedule ▸ puts build-01 in it.
  await page.getByRole('tree').first().getByRole('treeitem', { name: 'build-01', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Assign to VM Snapshot Schedule' }).click();
  await expect(page.getByRole('menu', { name: 'Assign to VM Snapshot Schedule' }).getByRole('menuitem', { name: 'New Schedule…' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/11-assign-menu.png` });
  await page.getByRole('menu', { name: 'Assign to VM Snapshot Schedule' }).getByRole('menuitem', { name: 'Hourly web and db' }).click();
  await pool.click();
  await menu(page, 'Pool', 'VM Snapshot Schedules…');
  await expect(row).toContainText('build-01, db-01, web-01');

  // Run Now: a sixth run, in the history.
  await row.click();
  await list(page).getByRole('button', { name: 'Run Now' }).click();
  await expect(list(page).getByRole('region', { name: 'History of Hourly web and db' }).getByRole('listitem')).toHaveCount(6, { timeout: 15_000 });
  await expect(list(page).getByRole('region', { name: 'History of Hourly web and db' }).getByRole('listitem').first()).toContainText('took 3 snapshot(s)');

  // Delete: the VMs leave the schedule, their snapshots stay.
  await row.click();
  await list(page).getByRole('button', { name: 'Delete' }).click();
  await list(page).getByRole('alertdialog', { name: 'Delete snapshot schedule' }).getByRole('button', { name: 'Delete schedule' }).click();
  await expect(list(page)).toContainText('There are no snapshot schedules in this pool.');
  await list(page).getByRole('button', { name: 'Close' }).click();
  await showSnapshots(page, 'web-01');
  await expect(scheduledRows(page)).toHaveCount(3);

  expect(errors).toEqual([]);
});
