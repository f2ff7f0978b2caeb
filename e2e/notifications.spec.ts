// Notifications as a person uses them: a VM started from the toolbar shows in
// Events (In progress with a progress bar, then Complete with a duration); a
// call the server refuses shows Error with its plain-language explanation and
// XenAPI code; a running task can be canceled; Dismiss removes a row; Alerts
// says when there are none. The lab runs at 1× virtual time: game-01 (8 GB)
// takes about 5 virtual seconds to start.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const LIFECYCLE = 30_000;


const treeItem = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name, exact: true });

async function open(page: Page) {
  await page.goto('./');
  await expect(treeItem(page, 'game-01')).toBeVisible({ timeout: 20_000 });
}

async function openEvents(page: Page) {
  await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Notifications' }).click();
  await page.getByRole('navigation', { name: 'Navigation pane' }).getByRole('button', { name: 'Events' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Events' })).toBeVisible();
}

/** The Events table's rows for an action on an object (newest first). */
const eventRows = (page: Page, object: string, action: string) =>
  page.getByRole('table', { name: 'Events' }).getByRole('row').filter({ hasText: object }).filter({ hasText: action });

test('starting a VM from the toolbar shows its task in Events: In progress with a progress bar, then Complete with a duration', async ({ page }) => {
  test.setTimeout(2 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await treeItem(page, 'game-01').click();
  await toolbarButton(page, 'Start').click();
  await openEvents(page);

  const row = eventRows(page, 'game-01', 'Starting VM');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('VM.start'); // the raw XenAPI method beside the friendly title
  await expect(row.getByText('In progress')).toBeVisible();
  const bar = row.getByRole('progressbar', { name: 'Progress of Starting VM game-01' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(row.getByRole('button', { name: 'Cancel' })).toBeEnabled();

  await expect(row.getByText('Complete')).toBeVisible({ timeout: LIFECYCLE });
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  await expect(row.getByRole('cell').nth(3)).toHaveText(/\d{4}.*UTC/); // Started (virtual time)
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+ s$/); // Duration

  // Go to object: back to the Infrastructure view with the VM selected.
  await row.getByRole('button', { name: 'Go to object' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'game-01', exact: true })).toBeVisible();
  await expect(treeItem(page, 'game-01')).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test('a call the server refuses shows Error with the explanation and code; Dismiss removes it', async ({ page }) => {
  test.setTimeout(2 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await treeItem(page, 'game-01').click();
  // A double-click sends VM.start twice before the VM's first operation reaches
  // the console: xapi refuses the second with OTHER_OPERATION_IN_PROGRESS.
  await toolbarButton(page, 'Start').dblclick();
  await openEvents(page);

  const failed = eventRows(page, 'game-01', 'Starting VM').filter({ hasText: 'Error' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('Another operation on this object is still running');
  await expect(failed).toContainText('OTHER_OPERATION_IN_PROGRESS');
  await expect(failed).toContainText('object: game-01'); // the ref parameter shown by name
  await expect(failed.getByRole('progressbar')).toHaveCount(0);
  // The actions' own toast for the refused call.
  await expect(page.getByRole('alert').filter({ hasText: 'OTHER_OPERATION_IN_PROGRESS' })).toBeVisible();

  // The Errors filter shows only it; the first start carries on.
  await page.getByLabel('Filter by status').selectOption({ label: 'Errors' });
  await expect(page.getByRole('table', { name: 'Events' }).getByRole('row')).toHaveCount(2);
  await page.getByLabel('Filter by status').selectOption({ label: 'All' });
  await expect(eventRows(page, 'game-01', 'Starting VM')).toHaveCount(2);

  await failed.getByRole('button', { name: 'Dismiss' }).click();
  await expect(failed).toHaveCount(0);
  await expect(eventRows(page, 'game-01', 'Starting VM')).toHaveCount(1);
  await expect(eventRows(page, 'game-01', 'Starting VM').getByText('Complete')).toBeVisible({ timeout: LIFECYCLE });
  expect(errors).toEqual([]);
});

test('a running start can be canceled from Events: the task shows Canceled and the VM stays halted', async ({ page }) => {
  test.setTimeout(2 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await treeItem(page, 'game-01').click();
  await toolbarButton(page, 'Start').click();
  await openEvents(page);

  const row = eventRows(page, 'game-01', 'Starting VM');
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByText('Canceled')).toBeVisible();
  await expect(row.getByRole('progressbar')).toHaveCount(0);

  await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Infrastructure' }).click();
  await expect(treeItem(page, 'game-01')).toHaveAccessibleDescription('Halted');

  // Dismiss all clears finished tasks.
  await openEvents(page);
  await page.getByRole('button', { name: 'Dismiss all' }).click();
  await expect(page.getByText('There are no events')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Alerts says so when the pool has none', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page);
  await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Notifications' }).click();
  await page.getByRole('navigation', { name: 'Navigation pane' }).getByRole('button', { name: 'Alerts' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Alerts' })).toBeVisible();
  await expect(page.getByText('There are no alerts')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Alerts' })).toHaveCount(0);
  await expect(page.getByLabel('Filter by severity')).toBeVisible();
  expect(errors).toEqual([]);
});
