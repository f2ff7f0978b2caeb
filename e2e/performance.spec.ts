import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// The Performance tab of a running VM, found by role and name: the CPU
// graph fills in as virtual time runs, the Zoom menu switches to another
// archive, New Graph adds a chosen data source. The lab runs at 60× so a
// few wall seconds are minutes of virtual time.

test.describe.configure({ timeout: 90_000 });

const SHOTS = process.env['E2E_ARTIFACTS'] ?? 'test-results/e2e-artifacts';

async function openPerformance(page: Page, name: string) {
  await page.goto('./?speed=60');
  await expect(page.getByRole('tree').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('treeitem', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Performance' }).click();
}

/** How many CPU samples the text alternative counts: its "Current" cell is a percentage once there is data. */
async function cpuCurrent(page: Page): Promise<string> {
  const table = page.getByRole('table', { name: /^CPU Performance, last 10 minutes/ });
  return (await table.getByRole('row').nth(1).getByRole('cell').first().textContent()) ?? '';
}

test('a running VM\'s CPU graph fills in as virtual time runs, and Zoom reads another archive', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openPerformance(page, 'web-01');
  const panel = page.getByRole('tabpanel');

  // XenCenter's four default graphs, each an image named after it.
  for (const name of ['CPU Performance', 'Memory Performance', 'Network Performance', 'Disk Performance']) {
    await expect(panel.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  const cpu = panel.getByRole('img', { name: 'CPU Performance, last 10 minutes' });
  await expect(cpu).toBeVisible();
  await expect(panel.getByRole('note', { name: 'What drives these graphs' })).toContainText('Virtualization mode: HVM with optimized drivers');

  // Data arrives and grows: the plot draws more known points as the archive fills.
  await expect.poll(() => cpuCurrent(page), { timeout: 30_000 }).toMatch(/%$/);
  const length = async () => Number(await cpu.getAttribute('data-points'));
  const before = await length();
  await expect.poll(length, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(cpu.locator('canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/performance-vm-10m.png` });

  // Hovering the plot: a tooltip with the time and the nearest line's value and unit.
  const canvasBox = await cpu.locator('canvas').first().boundingBox();
  if (canvasBox === null) throw new Error('the CPU plot has no box');
  await page.mouse.move(canvasBox.x + canvasBox.width * 0.9, canvasBox.y + canvasBox.height * 0.7);
  await expect(cpu.getByText(/^CPU \d+: \d+(\.\d)?%$/)).toBeVisible();
  await expect(cpu.getByText(/ UTC$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/performance-vm-tooltip.png` });
  await page.mouse.move(0, 0);

  // The legend hides and shows a line.
  const legend = panel.getByRole('list', { name: 'CPU Performance legend' });
  await legend.getByRole('checkbox', { name: 'CPU 0' }).uncheck();
  await expect(legend.getByRole('checkbox', { name: 'CPU 0' })).not.toBeChecked();
  await legend.getByRole('checkbox', { name: 'CPU 0' }).check();

  // Zoom → 1 Hour: the minute archive.
  await panel.getByRole('button', { name: 'Zoom' }).click();
  await page.getByRole('menuitemradio', { name: '1 Hour' }).click();
  await expect(panel.getByRole('img', { name: 'CPU Performance, last 1 hour' })).toBeVisible();
  await expect(panel).toContainText('Showing the last 1 hour (one point per minute).');
  await page.screenshot({ path: `${SHOTS}/performance-vm-1h.png` });

  expect(errors).toEqual([]);
});

test('New Graph adds a graph of the chosen data sources, kept in the pool\'s gui_config', async ({ page }) => {
  test.setTimeout(150_000); // it also restores the default graphs
  const errors = collectPageErrors(page);
  await openPerformance(page, 'db-01');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('heading', { level: 3, name: 'CPU Performance' })).toBeVisible();

  await panel.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'New Graph...' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Graph' });
  await expect(dialog.getByRole('checkbox', { name: /CPU 0/ })).toBeVisible({ timeout: 20_000 });
  // Save waits for a name and a data source.
  await expect(dialog.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Disk latency');
  await dialog.getByRole('checkbox', { name: /Disk 0 Read Latency/ }).check();
  await page.screenshot({ path: `${SHOTS}/performance-new-graph.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(panel.getByRole('heading', { level: 3, name: 'Disk latency' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Disk latency legend' }).getByRole('checkbox', { name: 'Disk 0 Read Latency' })).toBeVisible();
  // The layout survives leaving the tab (it lives in the pool, not in the page).
  await page.getByRole('tab', { name: 'General' }).click();
  await page.getByRole('tab', { name: 'Performance' }).click();
  await expect(panel.getByRole('heading', { level: 3, name: 'Disk latency' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/performance-vm-new-graph.png` });

  // Restore Default Graphs asks Yes/No first; No keeps the graph, Yes removes it.
  await panel.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Restore Default Graphs' }).click();
  const restore = page.getByRole('alertdialog', { name: 'Restore Default Graphs' });
  await expect(restore).toContainText('will delete existing graphs');
  await page.screenshot({ path: `${SHOTS}/performance-restore-defaults.png` });
  await restore.getByRole('button', { name: 'No' }).click();
  await expect(restore).toBeHidden();
  await expect(panel.getByRole('heading', { level: 3, name: 'Disk latency' })).toBeVisible();
  await panel.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Restore Default Graphs' }).click();
  await restore.getByRole('button', { name: 'Yes' }).click();
  await expect(panel.getByRole('heading', { level: 3, name: 'Disk latency' })).toBeHidden();

  expect(errors).toEqual([]);
});

test('a host\'s Performance tab and a VM\'s workload in its Properties', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openPerformance(page, 'xenserver-01');
  const panel = page.getByRole('tabpanel');
  for (const name of ['CPU Performance', 'Memory Performance', 'Network Performance', 'Control Domain Load']) {
    await expect(panel.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  await expect(panel.getByRole('list', { name: 'Network Performance legend' })).toContainText('NIC 0 Send');
  await expect.poll(async () => (await panel.getByRole('list', { name: 'CPU Performance legend' }).textContent()) ?? '', { timeout: 30_000 }).toMatch(/%/);
  await page.screenshot({ path: `${SHOTS}/performance-host.png` });

  // The workload of a VM: General shows it, Properties changes it.
  await page.getByRole('treeitem', { name: 'web-01', exact: true }).click();
  await page.getByRole('tab', { name: 'General' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Workload:Web server (default)');
  await page.getByRole('treeitem', { name: 'web-01', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Properties/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Properties of web-01' });
  await dialog.getByRole('tab', { name: 'Workload' }).click();
  await dialog.getByRole('combobox', { name: 'Workload' }).selectOption({ label: 'Database' });
  await dialog.getByRole('textbox', { name: /^Load/ }).fill('3');
  await expect(dialog.getByText(/Enter a number between 0 and 1/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  await page.screenshot({ path: `${SHOTS}/properties-workload.png` });
  await dialog.getByRole('textbox', { name: /^Load/ }).fill('0.5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tabpanel')).toContainText('Workload:Database');

  expect(errors).toEqual([]);
});
