// Screenshots of the console's main screens at the two sizes the issue asks
// us to look at (1280×800 and 1920×1080), for a person to open and judge.
// They go to E2E_SHOTS (default test-results/screens). The test checks only
// that each screen is the one named and that no console error happened.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/screens';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
] as const;

test.describe.configure({ timeout: 180_000 });

const treeItem = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const views = (page: Page) => page.getByRole('group', { name: 'Views' });

async function select(page: Page, name: string, tab?: string): Promise<void> {
  await treeItem(page, name).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  if (tab === undefined) return;
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

for (const size of SIZES) {
  const at = `${String(size.width)}x${String(size.height)}`;
  test(`the main screens at ${at}`, async ({ page }) => {
    const errors = collectPageErrors(page);
    const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${at}/${name}.png` });
    await page.setViewportSize(size);
    await page.goto('./');
    await expect(treeItem(page, 'web-01')).toBeVisible({ timeout: 20_000 });

    await select(page, 'web-01', 'General');
    await shot('01-vm-general');
    for (const tab of ['Memory', 'Storage', 'Networking']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await shot(`02-vm-${tab.toLowerCase()}`);
    }
    await select(page, 'xenserver-01', 'General');
    await shot('03-host-general');
    for (const tab of ['Memory', 'Storage', 'Networking', 'NICs', 'Search']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await shot(`04-host-${tab.toLowerCase()}`);
    }
    await select(page, 'Lab Pool', 'Search');
    await expect(page.getByRole('table', { name: 'Search results' })).toBeVisible();
    await shot('05-pool-search');

    await views(page).getByRole('button', { name: 'Objects', exact: true }).click();
    const objects = page.getByRole('tree', { name: 'Objects' });
    await objects.getByRole('treeitem', { name: 'VMs', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await expect(objects.getByRole('treeitem', { name: 'web-01' })).toBeVisible();
    await shot('06-objects-view');
    await views(page).getByRole('button', { name: 'Tags' }).click();
    await expect(page.getByRole('tree', { name: 'Tags' })).toBeVisible();
    await shot('07-tags-view');

    await views(page).getByRole('button', { name: 'Infrastructure' }).click();
    await select(page, 'game-01');
    await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Start', exact: true }).click();
    await views(page).getByRole('button', { name: 'Notifications' }).click();
    await page.getByRole('group', { name: 'Notifications' }).getByRole('button', { name: 'Events' }).click();
    await expect(page.getByRole('progressbar').first()).toBeVisible();
    await shot('08-notifications-events');

    await views(page).getByRole('button', { name: 'Infrastructure' }).click();
    await treeItem(page, 'web-01').click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
    await shot('09-context-menu');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Properties' }).click();
    await expect(page.getByRole('dialog', { name: 'Properties of web-01' })).toBeVisible();
    await shot('10-properties-dialog');
    expect(errors).toEqual([]);
  });
}
