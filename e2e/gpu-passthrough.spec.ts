// GPU passthrough from a VM's Properties: give game-01 the Tesla T4 of
// xenserver-03 (the server with an IOMMU), start it — it lands on that server —
// and Migrate to Server is disabled with the reason (VM_HAS_PCI_ATTACHED); the
// server's GPU tab shows the GPU in its group, in use by game-01.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const SHOTS = process.env['E2E_SHOTS'] ?? 'test-results/gpu-shots';
const row = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

test('a VM with a passed-through GPU cannot migrate, and the menu says why', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(row(page, 'game-01')).toBeVisible({ timeout: 20_000 });
  await row(page, 'game-01').click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Properties' }).click();
  const dialog = page.getByRole('dialog', { name: 'Properties of game-01' });
  await dialog.getByRole('tab', { name: 'GPU' }).click();
  const gpu = dialog.getByRole('combobox', { name: 'GPU type' });
  await expect(gpu).toHaveValue('');
  const option = gpu.locator('option').filter({ hasText: 'Tesla T4 on xenserver-03' });
  await gpu.selectOption((await option.getAttribute('value')) ?? '');
  await page.screenshot({ path: `${SHOTS}/1-gpu-page.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await row(page, 'game-01').click();
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(row(page, 'game-01')).toHaveAccessibleDescription(/Running/, { timeout: 30_000 });

  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'VM', exact: true }).click();
  const migrate = page.getByRole('menu', { name: 'VM' }).getByRole('menuitem', { name: /Migrate to Server/ });
  await expect(migrate).toHaveAttribute('aria-disabled', 'true');
  await expect(migrate).toHaveAccessibleDescription(/a PCI device \(a passed-through GPU/);
  await migrate.hover();
  await page.screenshot({ path: `${SHOTS}/2-migrate-disabled.png` });
  await page.keyboard.press('Escape');

  // The server's GPU tab: the Tesla T4 in its GPU group, held by game-01.
  await row(page, 'xenserver-03').click();
  await page.getByRole('tab', { name: 'GPU', exact: true }).click();
  const gpus = page.getByRole('table', { name: 'GPUs in Group of NVIDIA Corporation TU104GL [Tesla T4] GPUs' });
  await expect(gpus.getByRole('row', { name: /Tesla T4/ })).toContainText('In use by game-01');
  await page.screenshot({ path: `${SHOTS}/3-host-gpu-tab.png` });
  // A server without GPUs has no GPU tab, as in XenCenter.
  await row(page, 'xenserver-01').click();
  await expect(page.getByRole('tab', { name: 'NICs' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'GPU', exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
});
