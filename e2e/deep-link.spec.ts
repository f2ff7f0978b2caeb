// Deep links: the URL hash holds the view, the selected object and its tab;
// a reload and the browser's Back/Forward land on the same place; the page
// works from a sub-path of a static host.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

// Each test loads the console (slow on a busy machine) and waits on real time.
test.describe.configure({ timeout: 60_000 });


/** The console is up: the pool is loaded (the status bar's clock shows once it is). Slow machines take a while. */
async function consoleReady(page: Page): Promise<void> {
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('tree')).toBeVisible();
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// The specs are type-checked without the DOM library: what runs in the page is given as text.
const hashOf = (page: Page) => new URL(page.url()).hash;
const historyLength = (page: Page) => page.evaluate<number>('history.length');
const treeItem = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Tab pages' }).getByRole('tab', { name, exact: true });

test('selecting objects and tabs writes the hash; reload and Back/Forward land on the same place', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await consoleReady(page);
  await expect(treeItem(page, 'Lab Pool')).toBeVisible();
  await expect.poll(() => hashOf(page)).toBe('#/');
  const entries = await historyLength(page);

  await treeItem(page, 'xenserver-02').click();
  await expect.poll(() => hashOf(page)).toMatch(new RegExp(`^#/host/${UUID}/general$`));
  const hostHash = hashOf(page);

  await treeItem(page, 'web-01').click();
  await expect.poll(() => hashOf(page)).toMatch(new RegExp(`^#/vm/${UUID}/general$`));
  const vmHash = hashOf(page);
  const vmUuid = vmHash.split('/')[2];

  // Another tab of the same object rewrites the entry rather than adding one.
  await tab(page, 'Storage').click();
  await expect.poll(() => hashOf(page)).toBe(`#/vm/${vmUuid}/storage`);
  expect(await historyLength(page)).toBe(entries + 2); // the host, the VM

  await page.reload();
  await consoleReady(page);
  await expect(treeItem(page, 'web-01')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'Storage')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('main', { name: 'Object view' })).toContainText('web-01');
  expect(hashOf(page)).toBe(`#/vm/${vmUuid}/storage`);

  await page.goBack();
  await expect.poll(() => hashOf(page)).toBe(hostHash);
  await expect(treeItem(page, 'xenserver-02')).toHaveAttribute('aria-selected', 'true');
  await expect(treeItem(page, 'web-01')).toHaveAttribute('aria-selected', 'false');
  await expect(tab(page, 'General')).toHaveAttribute('aria-selected', 'true');

  await page.goForward();
  await expect(treeItem(page, 'web-01')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'Storage')).toHaveAttribute('aria-selected', 'true');

  expect(errors).toEqual([]);
});

test('a link opens the object and tab it names, in its navigation view', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await consoleReady(page);
  await treeItem(page, 'xenserver-01').click();
  await expect.poll(() => hashOf(page)).toMatch(new RegExp(`^#/host/${UUID}/general$`));
  const hostUuid = (hashOf(page)).split('/')[2];

  // Typed or pasted into the address bar of the same page (a hashchange).
  await page.evaluate(`location.hash = ${JSON.stringify(`#/host/${hostUuid}/nics`)}`);
  await expect(tab(page, 'NICs')).toHaveAttribute('aria-selected', 'true');

  // Opened in a new tab: the console loads, then lands there.
  const other = await page.context().newPage();
  const otherErrors = collectPageErrors(other);
  await other.goto(`./#/host/${hostUuid}/networking?view=objects`);
  await consoleReady(other);
  await expect(tab(other, 'Networking')).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('tree', { name: /Objects/ })).toBeVisible();
  await expect(treeItem(other, 'xenserver-01')).toHaveAttribute('aria-selected', 'true');
  expect(hashOf(other)).toBe(`#/host/${hostUuid}/networking?view=objects`);

  // Switching the view writes it into the hash.
  await other.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Infrastructure' }).click();
  await expect.poll(() => hashOf(other)).toBe(`#/host/${hostUuid}/networking`);

  // A link to an object that is not in the pool lands on the top of the tree.
  await other.goto('./#/vm/00000000-0000-0000-0000-000000000000/general');
  await consoleReady(other);
  await expect.poll(() => hashOf(other)).toBe('#/');
  await expect(treeItem(other, 'XenLab')).toHaveAttribute('aria-selected', 'true');

  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('the console works from a sub-path of a static host', async ({ page, baseURL }) => {
  const errors = collectPageErrors(page);
  // Serve the build under /tools/xenlab/ by mapping that prefix onto the preview server's root.
  const root = new URL(baseURL ?? 'http://127.0.0.1/');
  await page.route(`${root.origin}/tools/xenlab/**`, async (route) => {
    const url = new URL(route.request().url());
    url.pathname = url.pathname.replace(/^\/tools\/xenlab\//, '/');
    const response = await route.fetch({ url: url.toString() });
    await route.fulfill({ response });
  });
  // Nothing may be fetched from the host's root.
  const outside: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (req.url().startsWith(root.origin) && !path.startsWith('/tools/xenlab/')) outside.push(req.url());
  });

  await page.goto(`${root.origin}/tools/xenlab/`);
  await consoleReady(page);
  await treeItem(page, 'web-01').click();
  await expect.poll(() => hashOf(page)).toMatch(new RegExp(`^#/vm/${UUID}/general$`));
  await page.reload();
  await consoleReady(page);
  await expect(treeItem(page, 'web-01')).toHaveAttribute('aria-selected', 'true');
  expect(new URL(page.url()).pathname).toBe('/tools/xenlab/');
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
