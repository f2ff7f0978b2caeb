// The navigation pane as a person uses it: the Infrastructure tree of the
// default lab (pool, servers, VMs where XenCenter puts them), selecting with
// the keyboard and the mouse, the search box, and the view buttons.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';


async function openLab(page: Page) {
  await page.goto('./');
  const tree = page.getByRole('tree', { name: 'Infrastructure' });
  await expect(tree.getByRole('treeitem', { name: 'Lab Pool' })).toBeVisible({ timeout: 20_000 });
  return tree;
}

/** The row keyboard focus lands on after ArrowLeft from a child row: its parent. */
async function parentOf(page: Page, name: string): Promise<void> {
  await page.getByRole('treeitem', { name, exact: true }).click();
  await page.keyboard.press('ArrowLeft');
}

test('the tree shows the pool, its servers, and each VM where XenCenter puts it', async ({ page }) => {
  const errors = collectPageErrors(page);
  const tree = await openLab(page);
  await expect(tree).toHaveAttribute('aria-multiselectable', 'true');
  await expect(tree.getByRole('treeitem', { name: 'XenLab' })).toHaveAttribute('aria-level', '1');
  await expect(tree.getByRole('treeitem', { name: 'Lab Pool' })).toHaveAttribute('aria-level', '2');
  for (const host of ['xenserver-01', 'xenserver-02', 'xenserver-03']) {
    const row = tree.getByRole('treeitem', { name: host });
    await expect(row).toHaveAttribute('aria-level', '3');
    await expect(row).toHaveAttribute('aria-expanded', 'true');
  }
  // Control domains and default templates are not in the tree.
  await expect(tree.getByRole('treeitem', { name: /Control domain/ })).toHaveCount(0);
  // Local SRs and templates appear only when switched on in the View menu.
  await expect(tree.getByRole('treeitem', { name: 'Local storage' })).toHaveCount(0);

  // A running VM sits under the server it runs on, and says it is running.
  const web = tree.getByRole('treeitem', { name: 'web-01' });
  await expect(web).toHaveAttribute('aria-level', '4');
  await expect(web).toHaveAccessibleDescription('Running');
  await parentOf(page, 'web-01');
  await expect(tree.getByRole('treeitem', { name: 'xenserver-01' })).toBeFocused();
  await parentOf(page, 'db-01');
  await expect(tree.getByRole('treeitem', { name: 'xenserver-02' })).toBeFocused();
  // Halted, with its disk on xenserver-03's local storage: under xenserver-03.
  await expect(tree.getByRole('treeitem', { name: 'legacy-01' })).toHaveAccessibleDescription('Halted');
  await parentOf(page, 'legacy-01');
  await expect(tree.getByRole('treeitem', { name: 'xenserver-03' })).toBeFocused();
  // Halted on shared storage: under the pool.
  const game = tree.getByRole('treeitem', { name: 'game-01' });
  await expect(game).toHaveAttribute('aria-level', '3');
  await parentOf(page, 'game-01');
  await expect(tree.getByRole('treeitem', { name: 'Lab Pool' })).toBeFocused();
  // Paused shows as such (XenCenter draws it with the suspended icon).
  await expect(tree.getByRole('treeitem', { name: 'ci-01' })).toHaveAccessibleDescription('Paused');
  expect(errors).toEqual([]);
});

test('the keyboard moves, expands, collapses, selects and finds rows by name', async ({ page }) => {
  const errors = collectPageErrors(page);
  const tree = await openLab(page);
  const row = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  await row('XenLab').click();
  await expect(row('XenLab')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(row('xenserver-01')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row('xenserver-01')).toHaveAttribute('aria-selected', 'true');
  await expect(row('XenLab')).toHaveAttribute('aria-selected', 'false');
  // ArrowLeft collapses, ArrowRight expands, then enters the first child.
  await page.keyboard.press('ArrowLeft');
  await expect(row('xenserver-01')).toHaveAttribute('aria-expanded', 'false');
  await expect(row('web-01')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(row('xenserver-01')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(row('ci-01')).toBeFocused();
  // Type-ahead: "w" goes to the next row starting with w.
  await page.keyboard.press('w');
  await expect(row('web-01')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row('web-01')).toHaveAttribute('aria-selected', 'true');
  await expect(row('xenserver-01')).toHaveAttribute('aria-selected', 'false');
  // Shift+ArrowDown extends the selection.
  await page.keyboard.press('Shift+ArrowDown');
  await expect(row('win-app-01')).toHaveAttribute('aria-selected', 'true');
  await expect(row('web-01')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tree.getByRole('treeitem').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(row('XenLab')).toBeFocused();
  // Roving tabindex: only the focused row is in the Tab order.
  await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('clicks select; Ctrl+click adds and removes; Shift+click selects a range', async ({ page }) => {
  const errors = collectPageErrors(page);
  const tree = await openLab(page);
  const row = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  await row('web-01').click();
  await expect(row('web-01')).toHaveAttribute('aria-selected', 'true');
  await row('db-01').click({ modifiers: ['ControlOrMeta'] });
  await expect(row('web-01')).toHaveAttribute('aria-selected', 'true');
  await expect(row('db-01')).toHaveAttribute('aria-selected', 'true');
  await row('web-01').click({ modifiers: ['ControlOrMeta'] });
  await expect(row('web-01')).toHaveAttribute('aria-selected', 'false');
  await expect(row('db-01')).toHaveAttribute('aria-selected', 'true');
  await row('ci-01').click();
  await row('win-app-01').click({ modifiers: ['Shift'] });
  for (const name of ['ci-01', 'web-01', 'win-app-01']) await expect(row(name)).toHaveAttribute('aria-selected', 'true');
  await expect(row('db-01')).toHaveAttribute('aria-selected', 'false');
  // The root is "nothing selected".
  await row('XenLab').click();
  await expect(row('XenLab')).toHaveAttribute('aria-selected', 'true');
  await expect(tree.locator('[aria-selected="true"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the search box narrows the tree as you type, and clearing it restores the tree', async ({ page }) => {
  const errors = collectPageErrors(page);
  const tree = await openLab(page);
  const all = await tree.getByRole('treeitem').count();
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('web');
  await expect(tree.getByRole('treeitem')).toHaveText(['XenLab', 'Lab Pool', 'xenserver-01', 'web-01'].map((n) => new RegExp(n)));
  await expect(tree.getByRole('treeitem', { name: 'db-01' })).toHaveCount(0);
  // Power state and tags match too.
  await search.fill('windows');
  await expect(tree.getByRole('treeitem', { name: 'win-app-01' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'dc-01' })).toBeVisible();
  await search.fill('suspended');
  await expect(tree.getByRole('treeitem', { name: 'test-01' })).toBeVisible();
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await search.fill('');
  await expect(tree.getByRole('treeitem', { name: 'db-01' })).toBeVisible();
  await expect(tree.getByRole('treeitem')).toHaveCount(all);
  expect(errors).toEqual([]);
});

test('the view buttons switch to Objects (type groups), Tags, Folders and Notifications', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openLab(page);
  const views = page.getByRole('group', { name: 'Views' });
  await expect(views.getByRole('button', { name: 'Infrastructure' })).toHaveAttribute('aria-pressed', 'true');

  await views.getByRole('button', { name: 'Objects', exact: true }).click();
  await expect(views.getByRole('button', { name: 'Objects', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const objects = page.getByRole('tree', { name: 'Objects' });
  await expect(objects.getByRole('treeitem', { name: 'Objects by Type' })).toBeVisible();
  for (const group of ['Pools', 'Servers', 'VMs', 'Remote Storage Repositories', 'Virtual Disks', 'Networks']) {
    await expect(objects.getByRole('treeitem', { name: group, exact: true })).toHaveAttribute('aria-level', '2');
  }
  const vms = objects.getByRole('treeitem', { name: 'VMs', exact: true });
  await expect(vms).toHaveAttribute('aria-expanded', 'false');
  await vms.click();
  await page.keyboard.press('ArrowRight');
  await expect(objects.getByRole('treeitem', { name: 'game-01' })).toHaveAttribute('aria-level', '3');

  await views.getByRole('button', { name: 'Tags' }).click();
  const tags = page.getByRole('tree', { name: 'Tags' });
  await tags.getByRole('treeitem', { name: 'web', exact: true }).dblclick();
  await expect(tags.getByRole('treeitem', { name: 'web-01' })).toBeVisible();

  await views.getByRole('button', { name: 'Folders' }).click();
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'Folders' })).toBeVisible();

  await views.getByRole('button', { name: 'Notifications' }).click();
  const pages = page.getByRole('group', { name: 'Notifications' });
  await pages.getByRole('button', { name: 'Events' }).click();
  await expect(pages.getByRole('button', { name: 'Events' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pages.getByRole('button', { name: 'Alerts' })).toHaveAttribute('aria-pressed', 'false');

  await views.getByRole('button', { name: 'Infrastructure' }).click();
  await expect(page.getByRole('tree', { name: 'Infrastructure' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('choosing a type group or a tag shows the Search of its objects, as XenCenter does', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openLab(page);
  const views = page.getByRole('group', { name: 'Views' });
  await views.getByRole('button', { name: 'Objects', exact: true }).click();
  const objects = page.getByRole('tree', { name: 'Objects' });
  await objects.getByRole('treeitem', { name: 'Servers', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Servers' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Search' })).toHaveAttribute('aria-selected', 'true');
  const grid = page.getByRole('table', { name: 'Search results' });
  await expect(page.getByRole('status').filter({ hasText: /objects?$/ })).toHaveText('3 objects');
  for (const host of ['xenserver-01', 'xenserver-02', 'xenserver-03']) await expect(grid.getByRole('button', { name: host, exact: true })).toBeVisible();
  await expect(grid.getByRole('button', { name: 'web-01', exact: true })).toHaveCount(0);

  // A tag: the objects carrying it.
  await views.getByRole('button', { name: 'Tags' }).click();
  await page.getByRole('tree', { name: 'Tags' }).getByRole('treeitem', { name: 'web', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'web' })).toBeVisible();
  await expect(grid.getByRole('button', { name: 'web-01', exact: true })).toBeVisible();
  await expect(grid.getByRole('button', { name: 'db-01', exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${process.env['E2E_ARTIFACTS'] ?? 'test-results/e2e-artifacts'}/group-search-tag.png` });

  // An object row brings the object's own tabs back.
  await page.getByRole('tree', { name: 'Tags' }).getByRole('treeitem', { name: 'web', exact: true }).dblclick();
  await page.getByRole('tree', { name: 'Tags' }).getByRole('treeitem', { name: 'web-01' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'web-01' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'General' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a selection made in one view is revealed in another', async ({ page }) => {
  const errors = collectPageErrors(page);
  const tree = await openLab(page);
  // Collapse xenserver-01, then select web-01 from the Objects view.
  await tree.getByRole('treeitem', { name: 'xenserver-01' }).click();
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('treeitem', { name: 'web-01' })).toHaveCount(0);
  const views = page.getByRole('group', { name: 'Views' });
  await views.getByRole('button', { name: 'Objects', exact: true }).click();
  const objects = page.getByRole('tree', { name: 'Objects' });
  await objects.getByRole('treeitem', { name: 'VMs', exact: true }).dblclick();
  await objects.getByRole('treeitem', { name: 'web-01' }).click();
  await views.getByRole('button', { name: 'Infrastructure' }).click();
  const web = page.getByRole('tree', { name: 'Infrastructure' }).getByRole('treeitem', { name: 'web-01' });
  await expect(web).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});
