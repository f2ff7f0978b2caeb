// A newcomer's paths that other specs do not walk: a bare machine's tree row
// has its own context menu (right-click, or Shift+F10 from the keyboard) with
// the machine pane's commands — Power On/Off and Install XenServer….
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/newcomer-shots';

async function addBareMachine(page: Page, name: string) {
  await page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Lab Machines…' }).click();
  const form = page.getByRole('form', { name: 'Add machine' });
  await form.getByRole('combobox', { name: 'Machine type' }).selectOption('lab-pc');
  await form.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await form.getByRole('button', { name: 'Add machine' }).click();
  await expect(page.getByRole('table', { name: 'Machines' })).toContainText(name);
  await page.keyboard.press('Escape');
}

test('a bare machine’s tree row has a context menu: Power On by right-click, Install XenServer… by Shift+F10', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(page.getByRole('treeitem', { name: 'legacy-01', exact: true })).toBeVisible({ timeout: 20_000 });
  await addBareMachine(page, 'spare-pc');
  const row = page.getByRole('treeitem', { name: 'spare-pc', exact: true });
  await expect(row).toHaveAccessibleDescription('Bare, powered off');

  await row.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Install XenServer…', 'Power On']);
  // The right-click chose the row: its pane shows what the menu acts on.
  await expect(page.getByRole('region', { name: 'Lab machine spare-pc' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/bare-machine-context-menu.png` });
  await menu.getByRole('menuitem', { name: 'Power On' }).click();
  await expect(row).toHaveAccessibleDescription('Bare, powered on');

  await row.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem')).toHaveText(['Install XenServer…', 'Power Off']);
  await menu.getByRole('menuitem', { name: 'Install XenServer…' }).press('Enter');
  await expect(page.getByRole('form', { name: 'Boot' })).toBeVisible();
  expect(errors).toEqual([]);
});
