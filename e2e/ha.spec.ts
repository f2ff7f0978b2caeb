// High availability as a learner meets it: configure HA on the pool with the
// wizard (protect two VMs, tolerate one failure), pull the plug on the server
// running them from the Faults menu, and watch HA declare it dead after the
// 60-second timeout and restart the VMs on the other servers. The clock runs
// at 60× so the minute of heartbeat timeout passes in about a second.
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

test('configure HA, pull the plug on a server, and see its protected VMs restart elsewhere', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'Lab Pool').click();
  await page.getByRole('tab', { name: 'HA', exact: true }).click();
  await expect(page.getByText(/HA is not currently enabled/)).toBeVisible();
  await page.getByRole('button', { name: 'Configure HA…' }).click();

  const wizard = page.getByRole('dialog', { name: /Configure HA/ });
  await expect(wizard.getByRole('list', { name: 'Prerequisites' })).toContainText('Every server is online');
  await page.screenshot({ path: testInfo.outputPath('ha-wizard-1-prerequisites.png') });
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('radio', { checked: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('ha-wizard-2-heartbeat.png') });
  await wizard.getByRole('button', { name: 'Next >' }).click();

  // A VM on local storage cannot be protected; web-01 and win-app-01 (shared storage) can.
  await expect(wizard.getByRole('option', { name: 'Restart' }).first()).toBeAttached();
  await wizard.getByRole('combobox', { name: 'Restart priority of web-01' }).selectOption('restart');
  await wizard.getByRole('combobox', { name: 'Restart priority of win-app-01' }).selectOption('restart');
  await expect(wizard.getByText(/the pool can tolerate up to \d+ server failure/)).toBeVisible();
  await wizard.getByRole('textbox', { name: 'Failures to tolerate' }).fill('9');
  await expect(wizard.getByRole('textbox', { name: 'Failures to tolerate' })).toHaveAccessibleDescription(/This plan tolerates at most \d+ failure/);
  await expect(wizard.getByRole('button', { name: 'Next >' })).toHaveAttribute('aria-disabled', 'true');
  await wizard.getByRole('textbox', { name: 'Failures to tolerate' }).fill('1');
  await page.screenshot({ path: testInfo.outputPath('ha-wizard-3-plan.png') });
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByText('web-01, win-app-01')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('ha-wizard-4-finish.png') });
  await wizard.getByRole('button', { name: 'Finish' }).click();
  await expect(wizard).toBeHidden({ timeout: 60_000 });

  await expect(page.getByText('Server failures to tolerate:')).toBeVisible({ timeout: 30_000 });
  const heartbeats = page.getByRole('table', { name: 'Server heartbeats' });
  await expect(heartbeats.getByRole('row')).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath('ha-tab.png') });

  // Run the clock at 60× and cut the power of web-01's server.
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '60×' }).click();
  await row(page, 'web-01').click();
  await (await menu(page, 'Faults')).getByRole('menuitem', { name: 'Pull the Power Plug' }).click();

  // HA declares the server dead after 60 virtual seconds and restarts web-01 elsewhere.
  await row(page, 'Lab Pool').click();
  await page.getByRole('tab', { name: 'HA', exact: true }).click();
  const dead = heartbeats.getByRole('row').filter({ hasText: 'Powered off' });
  await expect(dead).toHaveCount(1, { timeout: 30_000 });
  const deadHost = (await dead.getByRole('cell').first().textContent()) ?? '';
  await expect(row(page, 'web-01')).toHaveAccessibleDescription('Running', { timeout: 60_000 });
  await expect(row(page, 'win-app-01')).toHaveAccessibleDescription('Running', { timeout: 60_000 });
  await row(page, 'web-01').click();
  await page.getByRole('tab', { name: 'General', exact: true }).click();
  const runningOn = page.getByRole('definition').filter({ has: page.locator('xpath=preceding-sibling::dt[1][normalize-space()="Running on:"]') });
  await expect(runningOn).not.toHaveText(deadHost);
  await expect(runningOn).not.toHaveText('');
  await page.screenshot({ path: testInfo.outputPath('ha-after-failover.png') });

  // The server that took web-01 can still be rebooted: XenCenter shuts its guests down first
  // (and, HA being on, lowers the failures to tolerate if needed) — the confirmation says so.
  const survivor = (await runningOn.textContent()) ?? '';
  await row(page, survivor).click({ button: 'right' });
  const reboot = page.getByRole('menu').getByRole('menuitem', { name: 'Reboot', exact: true });
  await expect(reboot).toBeEnabled();
  await reboot.click();
  const confirm = page.getByRole('alertdialog', { name: 'Reboot Server' });
  await expect(confirm).toContainText(/running on it .*web-01.* shut down first/);
  await expect(confirm).toContainText('HA is on');
  await page.screenshot({ path: testInfo.outputPath('ha-reboot-survivor-confirm.png') });
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // Events tells the failover as one entry, in order from the power cut (t+0 s).
  await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Notifications' }).click();
  await page.getByRole('navigation', { name: 'Navigation pane' }).getByRole('button', { name: 'Events' }).click();
  const failover = page.getByRole('table', { name: 'Events' }).getByRole('row').filter({ hasText: 'HA failover' });
  await expect(failover).toHaveCount(1);
  await expect(failover).toContainText(`${deadHost} failed; 2 of 2 VMs restarted, longest downtime`, { timeout: 30_000 });
  await expect(failover).toContainText('Complete');
  await failover.getByRole('button', { name: 'Timeline' }).click();
  const steps = page.getByRole('list', { name: 'Failover timeline' }).getByRole('listitem');
  await expect(steps.first()).toContainText(/^t\+0 s.?Fault injected — Simulated fault: the power was cut/);
  await expect(steps.first()).toContainText(`('${deadHost}')`);
  await expect(steps.filter({ hasText: `HA: server failed — ${deadHost}` })).toContainText(/^t\+6\d s/);
  for (const vm of ['web-01', 'win-app-01']) {
    await expect(steps.filter({ hasText: `HA restart of ${vm}` })).toHaveCount(1);
    await expect(steps.filter({ hasText: `${vm} running again` })).toContainText(/down for \d+ (min|s)/);
  }
  // The restart tasks are inside the entry, not listed again on their own.
  const taskRows = page.getByRole('table', { name: 'Events' }).getByRole('row').filter({ has: page.getByRole('button', { name: 'Go to object' }) });
  await expect(taskRows.filter({ hasText: 'VM.start_on' })).toHaveCount(0);
  const downtime = page.getByRole('table', { name: 'VM downtime' }).getByRole('row');
  await expect(downtime).toHaveCount(3);
  // Back within the 60 s heartbeat timeout plus boot time (virtual seconds, from the timeline).
  for (const vm of ['web-01', 'win-app-01']) await expect(downtime.filter({ hasText: vm }).getByRole('cell').nth(1)).toHaveText(/^(\d+ s|1 min( \d+ s)?|2 min( \d+ s)?)$/);
  await page.screenshot({ path: testInfo.outputPath('ha-events-failover-timeline.png') });
  expect(errors).toEqual([]);
});
