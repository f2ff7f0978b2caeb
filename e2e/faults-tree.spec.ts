// Faults as the tree shows them, and the Optimal Server placement.
// Without HA nothing fences, so each fault stays visible: a server with its
// storage or management network cut is still Connected (and says which path is
// cut, in the tree and in the header), a failed shared SR says so, and a server
// without power is Powered off while its VMs are still recorded running there.
// With Workload Balancing connected, Start on Server ▸ and Migrate to Server ▸
// open with "Optimal Server" and rate each server in stars.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_ARTIFACTS'] ?? 'test-results/e2e-artifacts';
const row = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

async function open(page: Page) {
  await page.goto('./');
  await expect(row(page, 'web-01')).toBeVisible({ timeout: 20_000 });
}

async function fault(page: Page, object: string, item: string) {
  await row(page, object).click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Faults', exact: true }).click();
  await page.getByRole('menu', { name: 'Faults' }).getByRole('menuitem', { name: item, exact: true }).click();
}


test('each fault shows on the tree and in the header, and each repair clears it', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await open(page);

  await fault(page, 'xenserver-03', 'Cut the Storage Network');
  await expect(row(page, 'xenserver-03')).toHaveAccessibleDescription('Connected, storage network cut');
  await expect(page.getByText('Connected, storage network cut, 192.168.10.13')).toBeVisible();

  await fault(page, 'xenserver-02', 'Cut the Management Network');
  await expect(row(page, 'xenserver-02')).toHaveAccessibleDescription('Connected, management network cut');
  await expect(page.getByText('Connected, management network cut, 192.168.10.12')).toBeVisible();

  await fault(page, 'NFS virtual disk storage', 'Fail the Storage Repository');
  await expect(row(page, 'NFS virtual disk storage')).toHaveAccessibleDescription('Shared storage, failed');
  await expect(page.getByText(/Shared, failed, [\d.]+ TB free of 4 TB/)).toBeVisible();
  // The SR's General tab says it failed, and which server cannot reach it.
  await page.getByRole('tab', { name: 'General', exact: true }).click();
  await expect(page.getByText('Failed (simulated fault): its disks cannot be read or written')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Storage network cut' })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/faults-sr-general.png` });

  await fault(page, 'xenserver-01', 'Pull the Power Plug');
  await expect(row(page, 'xenserver-01')).toHaveAccessibleDescription('Powered off');
  await expect(row(page, 'web-01')).toHaveAccessibleDescription('Running, server powered off');
  await expect(page.getByText('Powered off, 192.168.10.11')).toBeVisible();
  await row(page, 'web-01').click();
  await expect(page.getByText('Running on xenserver-01, server powered off')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/faults-tree.png` });

  // Repairs: each row says it is back.
  await fault(page, 'xenserver-03', 'Reconnect the Storage Network');
  await expect(row(page, 'xenserver-03')).toHaveAccessibleDescription('Connected');
  await fault(page, 'xenserver-02', 'Reconnect the Management Network');
  await expect(row(page, 'xenserver-02')).toHaveAccessibleDescription('Connected');
  await fault(page, 'NFS virtual disk storage', 'Repair the Storage Repository');
  await expect(row(page, 'NFS virtual disk storage')).toHaveAccessibleDescription('Shared storage');
  await fault(page, 'xenserver-01', 'Restore Power');
  await expect(row(page, 'xenserver-01')).not.toHaveAccessibleDescription('Powered off');
  expect(errors).toEqual([]);
});

async function connectWlb(page: Page) {
  await row(page, 'Lab Pool').click();
  await page.getByRole('tab', { name: 'WLB' }).click();
  await page.getByRole('tabpanel').getByRole('button', { name: 'Connect…' }).click();
  const connect = page.getByRole('dialog', { name: 'Connect to WLB Server' });
  await connect.getByRole('textbox', { name: 'Address' }).fill('wlb.lab');
  await connect.getByRole('textbox', { name: 'User name' }).fill('wlbuser');
  await connect.getByLabel('Password', { exact: true }).fill('secret');
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(connect).toBeHidden({ timeout: 20_000 });
}

test('with WLB on, Start on Server and Migrate to Server open with Optimal Server and star ratings', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await open(page);
  await connectWlb(page);

  await row(page, 'game-01').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Start on Server', exact: true }).hover();
  const start = page.getByRole('menu', { name: 'Start on Server' });
  const items = start.getByRole('menuitem');
  await expect(items.first()).toHaveAccessibleName('Optimal Server');
  await expect(start.getByRole('menuitem', { name: 'Optimal Server' })).toBeEnabled({ timeout: 20_000 });
  await expect(start.getByRole('menuitem', { name: /^xenserver-0/ }).first()).toHaveAccessibleDescription(/^WLB rating \d\.\d of 5 stars$/, { timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/optimal-server-start.png` });
  await start.getByRole('menuitem', { name: 'Optimal Server' }).click();
  await expect(row(page, 'game-01')).toHaveAccessibleDescription('Running', { timeout: 60_000 });

  await row(page, 'web-01').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Migrate to Server', exact: true }).hover();
  const migrate = page.getByRole('menu', { name: 'Migrate to Server' });
  await expect(migrate.getByRole('menuitem').first()).toHaveAccessibleName('Optimal Server');
  await expect(migrate.getByRole('menuitem', { name: 'Optimal Server' })).toBeEnabled({ timeout: 20_000 });
  // The server web-01 runs on is not a destination: it is disabled with the reason.
  await expect(migrate.getByRole('menuitem', { name: 'xenserver-01' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/optimal-server-migrate.png` });
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});
