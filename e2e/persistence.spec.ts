// The lab survives a reload (IndexedDB db 'xenlab', store 'worlds', key
// 'lab'); a corrupt or foreign save gives a recovery page with two choices;
// a crashed worker is restarted from its last save; "Reset Lab" starts afresh.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// Each test loads the console (slow on a busy machine) and waits on real time.
test.describe.configure({ timeout: 60_000 });


/** The console is up: the pool is loaded (the status bar's clock shows once it is). Slow machines take a while. */
async function consoleReady(page: Page): Promise<void> {
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('tree')).toBeVisible();
}

async function virtualTime(page: Page): Promise<number> {
  const iso = await page.getByRole('timer', { name: 'Virtual time' }).locator('time').getAttribute('datetime');
  return Date.parse(iso ?? '') / 1000;
}

const treeItem = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const speedButton = (page: Page, name: string) => page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name, exact: true });

// The saved-lab record, read and written in the page (as text: the specs are
// type-checked without the DOM library).
const SAVED_LAB_RECORD = `{
  open(mode) {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('xenlab');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve({ db: open.result, store: open.result.transaction('worlds', mode).objectStore('worlds') });
    });
  },
  async write(text) {
    const { db, store } = await this.open('readwrite');
    await new Promise((resolve, reject) => {
      store.put(text, 'lab');
      store.transaction.oncomplete = resolve;
      store.transaction.onerror = () => reject(store.transaction.error);
    });
    db.close();
  },
  async read() {
    const { db, store } = await this.open('readonly');
    const value = await new Promise((resolve, reject) => {
      const get = store.get('lab');
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return value;
  },
}`;

/**
 * Put `value` into the saved-lab record while no lab is running: the page
 * leaves the console first (on a same-origin static file), so the worker's
 * save on leaving cannot overwrite what is written here.
 */
async function writeSavedLab(page: Page, value: string): Promise<void> {
  // Shown as a page, the icon makes the browser ask for /favicon.ico, which a static host need not have.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto('./favicon.svg');
  await page.waitForTimeout(500); // a save sent as the console was left has landed by now
  await page.evaluate(`(${SAVED_LAB_RECORD}).write(${JSON.stringify(value)})`);
}

async function readSavedLab(page: Page): Promise<unknown> {
  return page.evaluate<unknown>(`(${SAVED_LAB_RECORD}).read()`);
}

test('a reload resumes the same world at the same virtual time and speed', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await consoleReady(page);
  await expect(treeItem(page, 'web-01')).toHaveAccessibleDescription('Running');

  // Change the world as a person would: shut a VM down from the toolbar, at 10×.
  await speedButton(page, '10×').click();
  await expect(speedButton(page, '10×')).toHaveAttribute('aria-pressed', 'true');
  await treeItem(page, 'web-01').click();
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Shut Down' }).click();
  await expect(treeItem(page, 'web-01')).toHaveAccessibleDescription('Halted', { timeout: 20_000 });
  await page.waitForTimeout(2000);

  const before = await virtualTime(page);
  await page.reload();
  await consoleReady(page);
  await expect(treeItem(page, 'web-01')).toHaveAccessibleDescription('Halted');
  await expect(treeItem(page, 'web-01')).toHaveAttribute('aria-selected', 'true'); // the hash kept the selection
  await expect(speedButton(page, '10×')).toHaveAttribute('aria-pressed', 'true');
  const after = await virtualTime(page);
  // Saved as the page was left, so the clock resumes where it was (at 10×, a
  // second of reload is ten virtual seconds).
  expect(after).toBeGreaterThanOrEqual(before - 5);
  expect(after).toBeLessThanOrEqual(before + 40);

  const saved = await readSavedLab(page);
  expect(typeof saved).toBe('string');
  expect(JSON.parse(saved as string)).toMatchObject({ schema: 1, snapshot: { config: { speed: 10 } } });
  expect(errors).toEqual([]);
});

test('a paused clock is still paused, at the same second, after a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await consoleReady(page);
  await speedButton(page, '60×').click();
  await expect.poll(() => virtualTime(page)).toBeGreaterThan(Date.UTC(2026, 0, 5, 8, 2) / 1000);
  await speedButton(page, 'Pause').click();
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  await page.waitForTimeout(1500); // a poll has confirmed the stopped clock
  const paused = await virtualTime(page);

  await page.reload();
  await consoleReady(page);
  await expect(speedButton(page, 'Pause')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  expect(await virtualTime(page)).toBe(paused);
  expect(errors).toEqual([]);
});

test('a corrupt save gives the recovery page: download the data, then start a fresh lab', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await consoleReady(page);
  await expect(treeItem(page, 'Lab Pool')).toBeVisible();
  await writeSavedLab(page, 'not json');
  await page.goto('./');

  const dialog = page.getByRole('alertdialog', { name: 'The saved lab cannot be opened' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('the saved lab is not valid JSON');
  await expect(page.getByRole('tree')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the saved data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('xenlab-saved-lab.json');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(path, 'utf8')).toBe('not json');
  await expect(dialog).toContainText('downloaded as xenlab-saved-lab.json');

  await dialog.getByRole('button', { name: 'Start a fresh lab' }).click();
  await expect(dialog).toHaveCount(0);
  await consoleReady(page);
  await expect(treeItem(page, 'Lab Pool')).toBeVisible();
  for (const host of ['xenserver-01', 'xenserver-02', 'xenserver-03']) await expect(treeItem(page, host)).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('Mon 5 Jan 2026 08:0');

  // The fresh lab replaced the bad record.
  await expect.poll(async () => typeof (await readSavedLab(page)) === 'string' && (await readSavedLab(page)) !== 'not json').toBe(true);
  expect(errors).toEqual([]);
});

test('a save from an unknown version is not opened, and says why', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await consoleReady(page);
  await expect(treeItem(page, 'Lab Pool')).toBeVisible();
  await writeSavedLab(page, JSON.stringify({ schema: 99, snapshot: {} }));
  await page.goto('./');
  const dialog = page.getByRole('alertdialog', { name: 'The saved lab cannot be opened' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('the saved lab has storage version 99; this XenLab reads version 1');
  await expect(dialog.getByRole('button', { name: 'Download the saved data' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Start a fresh lab' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a crashed pool is restarted from its last save, and the console says so', async ({ page }) => {
  const errors = collectPageErrors(page, { expected: [/injected crash/] });
  // The first copy of the worker throws after a few seconds; its restart is a normal one.
  let first = true;
  await page.route(/lab\.worker[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    if (first) {
      first = false;
      body += '\nsetTimeout(() => { throw new Error("injected crash"); }, 5000);\n';
    }
    await route.fulfill({ response, body });
  });
  await page.goto('./');
  await consoleReady(page);
  await treeItem(page, 'db-01').click();
  await expect(page.getByRole('main', { name: 'Object view' })).toContainText('db-01');

  const notice = page.getByRole('alert').filter({ hasText: 'The simulated pool stopped unexpectedly' });
  await expect(notice).toContainText('was restarted from its last save', { timeout: 20_000 });
  // The frame and the place stayed; the restarted pool serves the console again.
  await expect(treeItem(page, 'db-01')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('main', { name: 'Object view' })).toContainText('db-01');
  // The clock runs again (from the saved time, which may be a little behind what was shown).
  const advance = async () => {
    const t = await virtualTime(page);
    await page.waitForTimeout(1500);
    return (await virtualTime(page)) - t;
  };
  await expect.poll(advance, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Reset Lab, confirmed, starts a fresh default pool', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await consoleReady(page);
  await treeItem(page, 'web-01').click();
  await speedButton(page, '10×').click();
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Shut Down' }).click();
  await expect(treeItem(page, 'web-01')).toHaveAccessibleDescription('Halted', { timeout: 20_000 });

  const openReset = async () => {
    await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: /Reset Lab/ }).click();
    return page.getByRole('alertdialog', { name: 'Reset lab' });
  };
  // Cancelled: nothing changes.
  let dialog = await openReset();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(treeItem(page, 'web-01')).toHaveAccessibleDescription('Halted');

  dialog = await openReset();
  await expect(dialog).toContainText('cannot be undone');
  await dialog.getByRole('button', { name: 'Reset lab' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(treeItem(page, 'web-01')).toHaveAccessibleDescription('Running');
  await expect(speedButton(page, '1×')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('Mon 5 Jan 2026 08:00');

  // And the fresh lab is what a reload finds.
  await page.reload();
  await consoleReady(page);
  await expect(treeItem(page, 'web-01')).toHaveAccessibleDescription('Running');
  expect(errors).toEqual([]);
});
