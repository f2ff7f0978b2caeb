// Snapshots as a person uses them (issue 6): the VM's Snapshots tab, the
// Take Snapshot dialog (disks and memory of a running VM; the memory option
// off with its reason for a halted one), a change, Revert To… (with and
// without a snapshot of the current state first) bringing the old state back
// and the VM running again, the tree and list views, New VM from Snapshot,
// Save as Template, Export as Template (an XVA download) and Delete. Found by role and name; screenshots of each
// dialog and view. The lab runs at 1× virtual time, hence generous timeouts.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const LIFECYCLE = 60_000;

async function open(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('treeitem', { name: 'legacy-01', exact: true })).toBeVisible({ timeout: 20_000 });
}

const row = (page: Page, name: string) => page.getByRole('navigation', { name: 'Navigation pane' }).getByRole('treeitem', { name, exact: true });
const commands = (page: Page) => page.getByRole('toolbar', { name: 'Snapshot commands' });
const snapshotTree = (page: Page) => page.getByRole('tree', { name: 'Snapshot tree' });
const shot = (page: Page, info: TestInfo, name: string) => page.screenshot({ path: info.outputPath(`${name}.png`) });

async function openSnapshotsTab(page: Page, vm: string) {
  await row(page, vm).click();
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await expect(commands(page)).toBeVisible();
}

async function takeSnapshot(page: Page, name: string, mode: 'disks' | 'memory') {
  await commands(page).getByRole('button', { name: 'Take Snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take Snapshot' });
  await dialog.getByLabel('Name').fill(name);
  if (mode === 'memory') await dialog.getByRole('radio', { name: /disks and memory/ }).check();
  await dialog.getByRole('button', { name: 'Take Snapshot' }).click();
  await expect(dialog).toBeHidden();
  await expect(snapshotTree(page).getByRole('treeitem', { name, exact: true })).toBeVisible({ timeout: LIFECYCLE });
}

async function setDescription(page: Page, vm: string, description: string) {
  await row(page, vm).click();
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: `Properties of ${vm}` });
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function generalDescription(page: Page) {
  await page.getByRole('tab', { name: 'General' }).click();
  return page.getByRole('tabpanel');
}

test('a disks-and-memory snapshot of a running VM; change it; revert brings the old state back, running', async ({ page }, info) => {
  test.setTimeout(5 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await openSnapshotsTab(page, 'web-01');
  await expect(snapshotTree(page).getByRole('treeitem', { name: 'Now' })).toBeVisible();
  await shot(page, info, 'snapshots-tab-empty');

  await commands(page).getByRole('button', { name: 'Take Snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take Snapshot' });
  // Take is not available without a name; the field says why once left.
  await expect(dialog.getByRole('button', { name: 'Take Snapshot' })).toHaveAttribute('aria-disabled', 'true');
  await expect(dialog.getByRole('radio', { name: /disks and memory/ })).toBeEnabled();
  await dialog.getByLabel('Name').fill('before change');
  await dialog.getByLabel('Description').fill('nginx as it was');
  await dialog.getByRole('radio', { name: /disks and memory/ }).check();
  await shot(page, info, 'take-snapshot-dialog');
  await dialog.getByRole('button', { name: 'Take Snapshot' }).click();
  const snap = snapshotTree(page).getByRole('treeitem', { name: 'before change', exact: true });
  await expect(snap).toBeVisible({ timeout: LIFECYCLE });
  await expect(snap).toHaveAccessibleDescription(/Disks and memory/);
  // Now hangs under the new snapshot.
  await expect(snapshotTree(page).getByRole('treeitem', { name: 'Now' })).toHaveAttribute('aria-level', '2');

  // Change something: the description (a field a revert restores), and let the guest write a while.
  await setDescription(page, 'web-01', 'changed after the snapshot');
  await expect((await generalDescription(page)).getByText('changed after the snapshot')).toBeVisible();
  await page.waitForTimeout(2000);

  // Revert, without a snapshot of the current state first.
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await snap.click();
  await expect(page.getByRole('region', { name: 'Snapshot details' })).toContainText('Disks and memory');
  await shot(page, info, 'snapshots-tab-tree-selected');
  await commands(page).getByRole('button', { name: 'Revert To…' }).click();
  const revert = page.getByRole('alertdialog', { name: 'Revert to Snapshot' });
  await expect(revert.getByRole('checkbox', { name: 'Take a snapshot of the current state before reverting' })).toBeChecked();
  await shot(page, info, 'revert-dialog');
  await revert.getByRole('checkbox', { name: 'Take a snapshot of the current state before reverting' }).uncheck();
  await revert.getByRole('button', { name: 'Yes' }).click();
  await expect(revert).toBeHidden();

  // The checkpoint comes back suspended and is resumed: running again, with the old description.
  await expect(row(page, 'web-01')).toHaveAccessibleDescription(/Suspended|Running, resuming|Running, reverting/, { timeout: LIFECYCLE });
  await expect(row(page, 'web-01')).toHaveAccessibleDescription('Running', { timeout: LIFECYCLE });
  await expect((await generalDescription(page)).getByText('nginx as it was')).toBeVisible();
  expect(errors).toEqual([]);
});

test('revert with a snapshot of the current state first; tree and list views', async ({ page }, info) => {
  test.setTimeout(5 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await openSnapshotsTab(page, 'legacy-01');
  // A halted VM: disks only, the memory option off with its reason.
  await commands(page).getByRole('button', { name: 'Take Snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take Snapshot' });
  const memory = dialog.getByRole('radio', { name: /disks and memory/ });
  await expect(memory).toBeDisabled();
  await expect(memory).toHaveAccessibleDescription(/need the VM to be running; legacy-01 is shut down/);
  await shot(page, info, 'take-snapshot-halted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await takeSnapshot(page, 'wiki v1', 'disks');
  await setDescription(page, 'legacy-01', 'wiki v2');
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await snapshotTree(page).getByRole('treeitem', { name: 'wiki v1', exact: true }).dblclick();
  const revert = page.getByRole('alertdialog', { name: 'Revert to Snapshot' });
  await revert.getByRole('button', { name: 'Yes' }).click();
  // The box was ticked: Take Snapshot first, then the revert.
  const first = page.getByRole('dialog', { name: 'Take Snapshot' });
  await expect(first).toContainText('is reverted to “wiki v1”');
  await first.getByLabel('Name').fill('wiki v2 state');
  await shot(page, info, 'take-snapshot-before-revert');
  await first.getByRole('button', { name: 'Take Snapshot' }).click();
  await expect(snapshotTree(page).getByRole('treeitem', { name: 'wiki v2 state', exact: true })).toBeVisible({ timeout: LIFECYCLE });
  // After the revert, Now stands under wiki v1 again, beside wiki v2 state.
  await expect(async () => {
    const items = await snapshotTree(page).getByRole('treeitem').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''}@${e.getAttribute('aria-level') ?? ''}`));
    expect(items).toEqual(['wiki v1@1', 'wiki v2 state@2', 'Now@2']);
  }).toPass({ timeout: LIFECYCLE });
  await expect((await generalDescription(page)).getByText('Old intranet wiki', { exact: false })).toBeVisible({ timeout: LIFECYCLE });
  await expect(row(page, 'legacy-01')).toHaveAccessibleDescription('Halted');
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await shot(page, info, 'snapshots-tab-tree');

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List View' }).click();
  const grid = page.getByRole('grid', { name: 'Snapshots' });
  await expect(grid.getByRole('columnheader')).toHaveText(['Type', 'Name', 'Time', 'Size on storage', 'Tags', 'Description']);
  await expect(grid.getByRole('row', { name: 'wiki v1' })).toContainText('Disks only');
  await grid.getByRole('row', { name: 'wiki v1' }).click();
  await grid.getByRole('row', { name: 'wiki v2 state' }).click({ modifiers: ['Control'] });
  await expect(page.getByRole('region', { name: 'Snapshot details' })).toContainText('2 snapshots selected');
  await shot(page, info, 'snapshots-tab-list');
  expect(errors).toEqual([]);
});

test('new VM from a snapshot, save as template, delete with confirmation', async ({ page }, info) => {
  test.setTimeout(5 * LIFECYCLE);
  const errors = collectPageErrors(page);
  await open(page);
  await openSnapshotsTab(page, 'legacy-01');
  await takeSnapshot(page, 'golden', 'disks');
  const snap = snapshotTree(page).getByRole('treeitem', { name: 'golden', exact: true });

  // The context menu on a snapshot.
  await snap.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Snapshot actions' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Revert To…', 'New VM from Snapshot…', 'Save as Template…', 'Export as Template…', 'Delete', /^Properties/]);
  await shot(page, info, 'snapshot-context-menu');

  // Export as Template: an XVA file the browser downloads.
  await menu.getByRole('menuitem', { name: 'Export as Template…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export as Template' });
  const file = exportDialog.getByRole('textbox', { name: 'File name' });
  await expect(file).toHaveValue('golden.xva');
  await file.fill('golden.tar');
  await expect(file).toHaveAccessibleDescription('The file name must end in .xva.');
  await expect(exportDialog.getByRole('button', { name: 'Export' })).toBeDisabled();
  await file.fill('golden-template.xva');
  await shot(page, info, 'export-as-template-dialog');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('golden-template.xva');
  const bytes = await (await import('node:fs/promises')).readFile(await download.path());
  expect(bytes.subarray(0, 7).toString()).toBe('ova.xml'); // the XVA's first tar member
  await expect(exportDialog).toBeHidden();

  await snap.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Save as Template…' }).click();
  const save = page.getByRole('dialog', { name: 'Save as Template' });
  await expect(save.getByLabel('Name')).toHaveValue("Template from snapshot 'golden'");
  await shot(page, info, 'save-as-template-dialog');
  await save.getByRole('button', { name: 'Save' }).click();
  // The new template is selected when made (custom templates show in the tree only with View ▸ Custom Templates).
  await expect(page.getByRole('heading', { level: 2, name: "Template from snapshot 'golden'" })).toBeVisible({ timeout: LIFECYCLE });

  // New VM from Snapshot: the New VM wizard with the snapshot as its template.
  await openSnapshotsTab(page, 'legacy-01');
  await snap.click();
  await commands(page).getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'New VM from Snapshot…' }).click();
  const wizard = page.getByRole('dialog', { name: /New VM - golden/ });
  await expect(wizard.getByRole('option', { name: 'golden', exact: true })).toHaveAttribute('aria-selected', 'true');
  await shot(page, info, 'new-vm-from-snapshot');
  await wizard.getByRole('button', { name: 'Finish' }).click();
  await expect(wizard).toBeHidden();
  await expect(row(page, 'golden (1)')).toBeVisible({ timeout: LIFECYCLE });

  // Delete, confirmed.
  await openSnapshotsTab(page, 'legacy-01');
  await snap.click();
  await commands(page).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Snapshot' });
  await expect(confirm).toContainText('Are you sure you want to delete the snapshot “golden”?');
  await shot(page, info, 'delete-snapshot-dialog');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(snap).toBeHidden({ timeout: LIFECYCLE });
  await expect(snapshotTree(page).getByRole('treeitem')).toHaveText(['Now']);
  // The VM made from it and the template remain.
  await expect(row(page, 'golden (1)')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Take a Snapshot… in the VM menu opens the same dialog', async ({ page }, info) => {
  const errors = collectPageErrors(page);
  await open(page);
  await row(page, 'web-01').click();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'VM', exact: true }).click();
  await page.getByRole('menu', { name: 'VM' }).getByRole('menuitem', { name: 'Take a Snapshot…' }).click();
  await expect(page.getByRole('dialog', { name: 'Take Snapshot' })).toBeVisible();
  await shot(page, info, 'vm-menu-take-snapshot');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});
