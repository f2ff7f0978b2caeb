import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// The pool overview on the pool's General tab (and the Home page): the
// consolidation figures, each server's CPU and memory as bars, and the top
// VMs by CPU, filled from the pool's RRDs as virtual time runs (60× here).

test.describe.configure({ timeout: 90_000 });

const SHOTS = process.env['E2E_ARTIFACTS'] ?? 'test-results/e2e-artifacts';

test("the pool's General tab shows consolidation, server use and the top VMs by CPU", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.goto('./?speed=60');
  await expect(page.getByRole('tree').first()).toBeVisible({ timeout: 20_000 });

  // The Home page carries the same overview.
  await expect(page.getByRole('button', { name: 'Consolidation' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'xenserver-01 CPU usage' })).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/pool-overview-home.png` });

  await page.getByRole('treeitem', { name: 'Lab Pool', exact: true }).click();
  await page.getByRole('tab', { name: 'General' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('button', { name: 'Consolidation' })).toHaveAttribute('aria-expanded', 'true');
  // Three servers, every one running VMs: a ratio with one decimal.
  await expect(panel.getByText('VMs per server:')).toBeVisible();
  await expect(panel.locator('dd').filter({ hasText: /^\d+\.\d$/ }).first()).toBeVisible();

  const servers = panel.getByRole('table', { name: 'CPU and memory use of each server' });
  await expect(servers.getByRole('row')).toHaveCount(4);
  for (const host of ['xenserver-01', 'xenserver-02', 'xenserver-03']) {
    await expect(servers.getByRole('meter', { name: `${host} CPU usage` })).toHaveAttribute('aria-valuetext', /% of \d+ CPUs$/, { timeout: 30_000 });
    await expect(servers.getByRole('meter', { name: `${host} memory usage` })).toHaveAttribute('aria-valuetext', / of /);
  }

  const top = panel.getByRole('table', { name: /VMs using the most CPU/ });
  await expect.poll(() => top.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(2);
  await expect(top.getByRole('meter').first()).toHaveAttribute('aria-valuetext', /vCPUs busy\)$/);
  await page.screenshot({ path: `${SHOTS}/pool-overview-general.png` });

  // A VM's name opens it.
  const first = top.getByRole('row').nth(1).getByRole('button');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();

  expect(errors).toEqual([]);
});
