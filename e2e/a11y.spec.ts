// Accessibility: axe (axe-core via @axe-core/playwright) on the console's
// main screens — every tab of a VM, every tab of a host, the pool's Search
// tab, the Objects, Tags and Folders views of the navigation pane (with a
// group's Search page), the Notifications pages, and an open dialog. No serious or critical violation may remain;
// minor and moderate ones are printed for the record.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

function describe(violations: Violations): string[] {
  return violations.map((v) => `${v.impact ?? 'unknown'} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** Scan the page; fail on serious/critical violations, log the rest. */
async function scan(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = violations.filter((v) => !blocking.includes(v));
  if (other.length > 0) console.log(`[a11y] ${screen}: minor/moderate\n  ${describe(other).join('\n  ')}`);
  expect(describe(blocking), `serious or critical axe violations on ${screen}`).toEqual([]);
}


const treeItem = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

async function select(page: Page, name: string) {
  await treeItem(page, name).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

// axe takes seconds per scan (more on a busy machine): generous timeouts.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(treeItem(page, 'web-01')).toBeVisible({ timeout: 20_000 });
});

test('a VM selected, General tab', async ({ page }) => {
  const errors = collectPageErrors(page);
  await select(page, 'web-01');
  await expect(page.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
  await scan(page, 'VM web-01, General');
  expect(errors).toEqual([]);
});

test('the Memory, Storage and Networking tabs of a VM', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await select(page, 'web-01');
  for (const name of ['Memory', 'Storage', 'Networking']) {
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await scan(page, `VM web-01, ${name}`);
  }
  expect(errors).toEqual([]);
});

test("the pool's Search tab, sorted by a column", async ({ page }) => {
  const errors = collectPageErrors(page);
  await select(page, 'Lab Pool');
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  const grid = page.getByRole('table', { name: 'Search results' });
  await expect(grid.getByRole('button', { name: 'web-01', exact: true })).toBeVisible();
  await grid.getByRole('columnheader', { name: /^Name/ }).getByRole('button').click();
  await expect(grid.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', /ascending|descending/);
  await scan(page, 'pool Lab Pool, Search');
  expect(errors).toEqual([]);
});

test('the Objects, Tags and Folders views of the navigation pane', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  const views = page.getByRole('group', { name: 'Views' });
  await views.getByRole('button', { name: 'Objects', exact: true }).click();
  const objects = page.getByRole('tree', { name: 'Objects' });
  await objects.getByRole('treeitem', { name: 'VMs', exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await expect(objects.getByRole('treeitem', { name: 'web-01' })).toBeVisible();
  // A type group chosen: its Search page on the right.
  await expect(page.getByRole('table', { name: 'Search results' })).toBeVisible();
  await scan(page, 'Objects view, the VMs group');

  await views.getByRole('button', { name: 'Tags' }).click();
  const tags = page.getByRole('tree', { name: 'Tags' });
  await tags.getByRole('treeitem', { name: 'web', exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await expect(tags.getByRole('treeitem', { name: 'web-01' })).toBeVisible();
  await scan(page, 'Tags view, the tag web');

  await views.getByRole('button', { name: 'Folders' }).click();
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'Folders' })).toBeVisible();
  await scan(page, 'Folders view');
  expect(errors).toEqual([]);
});

test('every tab of a host', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(page);
  await select(page, 'xenserver-01');
  const names = (await page.getByRole('tab').allTextContents()).map((t) => t.trim());
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) {
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await scan(page, `host xenserver-01, ${name}`);
  }
  expect(errors).toEqual([]);
});

test('the Notifications pages: Events with a running task and a toast, and Alerts', async ({ page }) => {
  const errors = collectPageErrors(page);
  await select(page, 'game-01');
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Start', exact: true }).dblclick(); // one runs, one is refused (a toast)
  await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Notifications' }).click();
  const pane = page.getByRole('navigation', { name: 'Navigation pane' });
  await pane.getByRole('button', { name: 'Events' }).click();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'OTHER_OPERATION_IN_PROGRESS' })).toBeVisible();
  await scan(page, 'Notifications, Events');
  await pane.getByRole('button', { name: 'Alerts' }).click();
  await expect(page.getByText('There are no alerts')).toBeVisible();
  await scan(page, 'Notifications, Alerts');
  expect(errors).toEqual([]);
});

test('an open dialog (Properties)', async ({ page }) => {
  const errors = collectPageErrors(page);
  await treeItem(page, 'web-01').click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Properties' }).click();
  await expect(page.getByRole('dialog', { name: 'Properties of web-01' })).toBeVisible();
  await scan(page, 'Properties dialog');
  expect(errors).toEqual([]);
});

test('an open menu (the context menu of a VM)', async ({ page }) => {
  const errors = collectPageErrors(page);
  await treeItem(page, 'web-01').click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await scan(page, 'context menu');
  expect(errors).toEqual([]);
});
