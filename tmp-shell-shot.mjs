import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const base = 'http://127.0.0.1:4184/';
const which = process.argv[2] ?? 'main';
for (const [w, h] of [[1280, 800], [1920, 1080]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}]`, m.text()); });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  if (which === 'main') {
    await page.goto(base);
    await page.getByRole('timer', { name: 'Virtual time' }).waitFor({ timeout: 15000 });
    await page.waitForTimeout(1500);
    console.log('hash', await page.evaluate(() => location.hash));
    await page.screenshot({ path: `/tmp/shell-main-${w}.png` });
    await page.locator('footer').screenshot({ path: `/tmp/shell-status-${w}.png` });
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(800);
    await page.locator('footer').screenshot({ path: `/tmp/shell-status-paused-${w}.png` });
    await page.getByRole('treeitem', { name: 'web-01', exact: true }).click();
    await page.getByRole('tab', { name: 'Storage' }).click();
    await page.waitForTimeout(300);
    console.log('hash', await page.evaluate(() => location.hash));
  } else if (which === 'loading') {
    let release;
    const hold = new Promise((r) => { release = r; });
    await page.route(/lab\.worker.*\.js$/, async (route) => { await hold; await route.continue(); });
    await page.goto(base);
    await page.getByRole('status').waitFor();
    await page.screenshot({ path: `/tmp/shell-loading-${w}.png` });
    release();
  } else if (which === 'corrupt') {
    await page.goto(base);
    await page.getByRole('timer', { name: 'Virtual time' }).waitFor({ timeout: 15000 });
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('xenlab');
      open.onsuccess = () => { const tx = open.result.transaction('worlds', 'readwrite'); tx.objectStore('worlds').put('not json', 'lab'); tx.oncomplete = () => { open.result.close(); resolve(); }; tx.onerror = () => reject(tx.error); };
      open.onerror = () => reject(open.error);
    }));
    await page.reload();
    await page.getByRole('alertdialog').waitFor({ timeout: 15000 });
    await page.screenshot({ path: `/tmp/shell-corrupt-${w}.png` });
  } else if (which === 'crash') {
    let first = true;
    await page.route(/lab\.worker.*\.js$/, async (route) => {
      const res = await route.fetch();
      let body = await res.text();
      if (first) { first = false; body += '\nsetTimeout(() => { throw new Error("injected crash for a screenshot"); }, 4000);\n'; }
      await route.fulfill({ response: res, body });
    });
    await page.goto(base);
    await page.getByRole('alert').filter({ hasText: 'stopped unexpectedly' }).waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shell-crash-${w}.png` });
  }
  await ctx.close();
}
await browser.close();
