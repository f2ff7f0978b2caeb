// Object names are untrusted text: a VM renamed (through Properties) to an
// HTML payload shows as that literal text in the tree, the header, the
// General tab and the Events view, and nothing in it runs: no dialog opens,
// no element is created from it.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const DESCRIPTION = '<script>alert(2)</script><b>bold</b>';


const treeItem = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

test('a VM named <img src=x onerror=alert(1)> shows as text everywhere and runs nothing', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  await page.goto('./');
  await expect(treeItem(page, 'game-01')).toBeVisible({ timeout: 20_000 });
  await treeItem(page, 'game-01').click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Properties' }).click();
  const properties = page.getByRole('dialog', { name: 'Properties of game-01' });
  await expect(properties).toBeVisible();
  await properties.getByRole('textbox', { name: 'Name' }).fill(PAYLOAD);
  await properties.getByRole('textbox', { name: 'Description' }).fill(DESCRIPTION);
  await properties.getByRole('button', { name: 'Save' }).click();
  await expect(properties).toBeHidden();

  // The tree and the header show the literal text.
  const item = treeItem(page, PAYLOAD);
  await expect(item).toBeVisible();
  await expect(item).toContainText(PAYLOAD);
  await item.click();
  await expect(page.getByRole('heading', { level: 2, name: PAYLOAD, exact: true })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText(DESCRIPTION);

  // The Events view names the object as text too.
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Notifications' }).click();
  await page.getByRole('navigation', { name: 'Navigation pane' }).getByRole('button', { name: 'Events' }).click();
  await expect(page.getByRole('table', { name: 'Events' }).getByRole('row').filter({ hasText: PAYLOAD })).toHaveCount(1);

  // Nothing was built from the payload, and nothing ran.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main b', { hasText: 'bold' })).toHaveCount(0);
  await page.waitForTimeout(500); // give a stray onerror handler time to fire
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
