import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}] ${m.text()}`); });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto('http://127.0.0.1:4182/?world=large&speed=10');
await page.getByRole('tree').first().waitFor({ timeout: 60000 });
await page.waitForTimeout(2000);
// long tasks
await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: false }); });
let t = Date.now();
await page.getByRole('tab', { name: 'Search', exact: true }).click();
await page.getByRole('table', { name: 'Search results' }).getByRole('rowheader').first().waitFor();
console.log('search tab shown in', Date.now() - t, 'ms');
console.log('rows rendered:', await page.getByRole('table', { name: 'Search results' }).getByRole('row').count(), await page.getByRole('status').filter({ hasText: 'objects' }).textContent());
t = Date.now();
await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
await page.waitForTimeout(100);
console.log('sort click', Date.now() - t);
await page.getByRole('table', { name: 'Search results' }).evaluate((el) => { el.parentElement.scrollTop = 15000; });
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/tabs-shots/x-large-search.png' });
for (const name of ['General', 'Memory', 'Storage', 'Networking', 'Search']) {
  await page.getByRole('treeitem').nth(1).click();
  t = Date.now();
  await page.getByRole('tab', { name, exact: true }).click();
  await page.waitForTimeout(300);
  console.log('pool tab', name, Date.now() - t);
  await page.screenshot({ path: `/tmp/tabs-shots/x-large-pool-${name}.png` });
}
await page.waitForTimeout(3000);
console.log('long tasks', JSON.stringify(await page.evaluate(() => window.__long)));
await browser.close();
