import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// The object view: the header and tab pages of what is selected in the tree,
// found by role and name as a person would.


async function select(page: Page, name: string) {
  await page.getByRole('treeitem', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

async function tabNames(page: Page): Promise<string[]> {
  return page.getByRole('tab').allTextContents();
}

// The machine running these may be busy: give each test room beyond the 30 s default.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('tree').first()).toBeVisible({ timeout: 20_000 });
});

test('a running VM shows General, Memory, Storage and Networking with its disks and interfaces', async ({ page }) => {
  const errors = collectPageErrors(page);
  await select(page, 'web-01');
  await expect(page.getByRole('main')).toContainText('Running on xenserver-01');
  expect(await tabNames(page)).toEqual(['General', 'Memory', 'Storage', 'Networking', 'Performance', 'Snapshots', 'Migration']);

  // General: collapsible sections of properties.
  const panel = page.getByRole('tabpanel');
  await expect(page.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('button', { name: 'General' })).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toContainText('Power state:Running');
  await expect(panel).toContainText('HVM with optimized drivers');
  const boot = panel.getByRole('button', { name: 'Boot Options' });
  await expect(panel.getByText('Boot order:')).toBeVisible();
  await boot.click();
  await expect(boot).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByText('Boot order:')).toBeHidden();
  await boot.click();

  await page.getByRole('tab', { name: 'Memory' }).click();
  await expect(page.getByRole('img', { name: /^Memory scale up to 2 GB/ })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('Dynamic maximum:2 GB');

  await page.getByRole('tab', { name: 'Storage' }).click();
  const disks = page.getByRole('table', { name: 'Virtual disks' });
  await expect(disks.getByRole('row').filter({ hasText: 'web-01 0' })).toContainText('/dev/xvda');
  await expect(disks.getByRole('row').filter({ hasText: 'web-01 0' })).toContainText('NFS virtual disk storage');
  await expect(disks.getByRole('row').filter({ hasText: 'DVD drive' })).toContainText('/dev/xvdd');

  await page.getByRole('tab', { name: 'Networking' }).click();
  const vifs = page.getByRole('table', { name: 'Virtual network interfaces' });
  await expect(vifs.getByRole('row').nth(1)).toContainText(/([0-9a-f]{2}:){5}[0-9a-f]{2}/);
  await expect(vifs.getByRole('row').nth(1)).toContainText('192.168.10.101');

  expect(errors).toEqual([]);
});

test('the tab chosen for one VM is shown for the next one', async ({ page }) => {
  const errors = collectPageErrors(page);
  await select(page, 'web-01');
  await page.getByRole('tab', { name: 'Storage' }).click();
  await select(page, 'db-01');
  await expect(page.getByRole('tab', { name: 'Storage' })).toHaveAttribute('aria-selected', 'true');
  await select(page, 'xenserver-02');
  await expect(page.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test('a server’s NICs tab lists eth0–eth3 at 1000 Mbit/s', async ({ page }) => {
  const errors = collectPageErrors(page);
  await select(page, 'xenserver-01');
  expect(await tabNames(page)).toEqual(['General', 'Memory', 'Storage', 'Networking', 'NICs', 'Performance', 'Search']);
  await page.getByRole('tab', { name: 'NICs' }).click();
  const nics = page.getByRole('table', { name: 'Physical network interfaces' });
  await expect(nics.getByRole('row')).toHaveCount(5);
  for (const nic of ['eth0', 'eth1', 'eth2', 'eth3']) {
    const row = nics.getByRole('row').filter({ has: page.getByRole('rowheader', { name: nic, exact: true }) });
    await expect(row).toContainText('1000 Mbit/s');
    await expect(row).toContainText('Connected');
    await expect(row).toContainText('Full');
  }
  expect(errors).toEqual([]);
});

test('the pool’s Search grid sorts by Name when its header is clicked, and a name selects the object', async ({ page }) => {
  const errors = collectPageErrors(page);
  await select(page, 'Lab Pool');
  expect(await tabNames(page)).toEqual(['General', 'Memory', 'Storage', 'Networking', 'GPU', 'HA', 'WLB', 'Search']);
  await page.getByRole('tab', { name: 'Search' }).click();
  const grid = page.getByRole('table', { name: 'Search results' });
  await page.getByRole('combobox', { name: 'Object type' }).selectOption({ label: 'VMs' });
  const names = () => grid.getByRole('rowheader').allTextContents();
  await expect(grid.getByRole('rowheader')).toHaveCount(10);

  const header = grid.getByRole('columnheader', { name: 'Name' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await names();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
  expect(ascending[0]).toBe('build-01');

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...ascending].reverse());

  await page.getByRole('searchbox', { name: /Filter by name/ }).fill('game');
  await expect(grid.getByRole('rowheader')).toHaveText(['game-01']);
  await grid.getByRole('button', { name: 'game-01' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'game-01' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the XenLab root shows Home and Search; a server shows its memory bar in words', async ({ page }) => {
  const errors = collectPageErrors(page);
  await expect(page.getByRole('heading', { level: 2, name: 'XenLab' })).toBeVisible();
  expect(await tabNames(page)).toEqual(['Home', 'Search']);
  await expect(page.getByRole('tabpanel')).toContainText('Welcome to XenLab');
  await select(page, 'xenserver-01');
  await page.getByRole('tab', { name: 'Memory' }).click();
  await expect(page.getByRole('img', { name: /^Memory of xenserver-01: .*Control domain .*web-01 2 GB.*Free/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Memory use on xenserver-01' }).getByRole('row').filter({ hasText: 'Xen' }).first()).toBeVisible();
  expect(errors).toEqual([]);
});
