// Actions as a person uses them: the toolbar, the menu bar, the context menu,
// keyboard shortcuts, and the Properties and Delete dialogs — found by role
// and accessible name. The lab runs at 1× virtual time: a start takes a few
// virtual seconds, a clean shutdown several more, hence generous timeouts.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const LIFECYCLE = 60_000;


async function open(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('treeitem', { name: 'legacy-01', exact: true })).toBeVisible({ timeout: 20_000 });
}

const row = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name, exact: true });

async function openVmMenu(page: Page) {
  await page.getByRole('menubar').getByRole('menuitem', { name: 'VM', exact: true }).click();
  return page.getByRole('menu', { name: 'VM' });
}

test('Start on the toolbar runs a halted VM, Shut Down halts it again', async ({ page }) => {
  test.setTimeout(3 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'legacy-01').click();
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription('Halted');

  await toolbarButton(page, 'Start').click();
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription('Running', { timeout: LIFECYCLE });

  // Running: Shut Down is enabled, Start is not.
  await expect(toolbarButton(page, 'Start')).toBeDisabled();
  await toolbarButton(page, 'Shut Down').click();
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription(/Running, shutting down|Halted/);
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription('Halted', { timeout: LIFECYCLE });
  expect(errors).toEqual([]);
});

test('a disabled action says why: on the toolbar, in the menu, in a tooltip', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'web-01').click();
  await expect(row(page, 'web-01')).toHaveAccessibleDescription('Running');

  const start = toolbarButton(page, 'Start');
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription('This VM is already running.');
  await start.hover();
  await expect(page.getByRole('tooltip')).toHaveText('This VM is already running.');

  const menu = await openVmMenu(page);
  const resume = menu.getByRole('menuitem', { name: 'Resume', exact: true });
  await expect(resume).toBeDisabled();
  await expect(resume).toHaveAccessibleDescription('This VM is not suspended.');
  await expect(resume).toHaveAttribute('aria-keyshortcuts', 'Control+Y');
  // The reason shows beside the item while it is highlighted.
  await resume.hover();
  await expect(menu.getByText('This VM is not suspended.')).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Shut Down', exact: true })).toBeEnabled();
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('the context menu opens by right-click, Shift+F10 and the Menu key', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'legacy-01').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions' });
  await expect(menu.getByRole('menuitem', { name: 'Start', exact: true })).toBeEnabled();
  await expect(menu.getByRole('menuitem', { name: 'Properties', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  // The keyboard opens it on the focused row, with its first item focused.
  await row(page, 'web-01').click();
  await row(page, 'web-01').focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Shut Down', exact: true })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await row(page, 'web-01').focus();
  await page.keyboard.press('ContextMenu');
  await expect(menu.getByRole('menuitem', { name: 'Reboot', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('Start on Server lists every host, disabling those that cannot run the VM', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page);
  // legacy-01's disk is on xenserver-03's local storage.
  await row(page, 'legacy-01').click();
  const menu = await openVmMenu(page);
  await menu.getByRole('menuitem', { name: 'Start on Server', exact: true }).hover();
  const hosts = page.getByRole('menu', { name: 'Start on Server' });
  await expect(hosts.getByRole('menuitem', { name: 'xenserver-03', exact: true })).toBeEnabled();
  const other = hosts.getByRole('menuitem', { name: 'xenserver-01', exact: true });
  await expect(other).toBeDisabled();
  await expect(other).toHaveAccessibleDescription(/storage repository/);
  await hosts.getByRole('menuitem', { name: 'xenserver-03', exact: true }).click();
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription('Running', { timeout: LIFECYCLE });
  expect(errors).toEqual([]);
});

test('Properties renames a VM; an empty name is refused at the field', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'legacy-01').click();
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: 'Properties of legacy-01' });
  await expect(dialog).toBeVisible();

  const name = dialog.getByRole('textbox', { name: 'Name' });
  await name.fill('');
  await expect(dialog.getByText('Enter a name.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

  await name.fill('wiki-01');
  await dialog.getByRole('textbox', { name: 'Folder' }).fill('Intranet');
  await expect(dialog.getByText(/starts with "\/"/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Folder' }).fill('/Intranet');
  await dialog.getByRole('combobox', { name: 'Tags' }).fill('wiki');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'wiki' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog).toBeHidden();
  await expect(row(page, 'wiki-01')).toBeVisible();
  await expect(row(page, 'legacy-01')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Delete asks first, then removes the VM', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'legacy-01').click();
  const menu = await openVmMenu(page);
  await menu.getByRole('menuitem', { name: 'Delete…', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete VM' });
  await expect(confirm).toContainText('legacy-01');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'legacy-01')).toHaveCount(0, { timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('keyboard: Ctrl+B starts the selected VM, Alt+Left goes back', async ({ page }) => {
  test.setTimeout(2 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'web-01').click();
  await row(page, 'legacy-01').click();
  await page.keyboard.press('Control+b');
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription(/Halted, starting|Running/);
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription('Running', { timeout: LIFECYCLE });
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(row(page, 'web-01')).toHaveAttribute('aria-selected', 'true');
  await expect(toolbarButton(page, 'Forward')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('the toolbar, an open menu, the context menu and the dialogs have no serious accessibility violations', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  // Scans only this task's widgets (the whole screen is e2e/a11y.spec.ts's): axe is slow on a busy machine.
  const serious = async (...selectors: string[]) => {
    let builder = new AxeBuilder({ page });
    for (const s of selectors) builder = builder.include(s);
    const { violations } = await builder.analyze();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  await open(page);
  await row(page, 'legacy-01').click();
  expect(await serious('[role=toolbar]', '[role=menubar]')).toEqual([]);

  const menu = await openVmMenu(page);
  await menu.getByRole('menuitem', { name: 'Shut Down', exact: true }).hover();
  expect(await serious('[role=menu]')).toEqual([]);
  await page.keyboard.press('Escape');

  await row(page, 'legacy-01').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Actions' })).toBeVisible();
  expect(await serious('[role=menu]')).toEqual([]);
  await page.keyboard.press('Escape');

  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog', { name: 'Properties of legacy-01' })).toBeVisible();
  expect(await serious('[role=dialog]')).toEqual([]);
  await page.keyboard.press('Escape');

  const vmMenu = await openVmMenu(page);
  await vmMenu.getByRole('menuitem', { name: 'Delete…', exact: true }).click();
  await expect(page.getByRole('alertdialog', { name: 'Delete VM' })).toBeVisible();
  expect(await serious('[role=alertdialog]')).toEqual([]);
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});
