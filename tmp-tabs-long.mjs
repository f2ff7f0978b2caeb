import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto('http://127.0.0.1:4182/?world=large&speed=10');
await page.getByRole('tree').first().waitFor({ timeout: 60000 });
await page.waitForTimeout(3000);
await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); });
const take = async () => page.evaluate(() => { const l = window.__long; window.__long = []; return l; });
await page.waitForTimeout(3000); console.log('idle root', JSON.stringify(await take()));
await page.getByRole('treeitem').nth(1).click(); await page.waitForTimeout(3000); console.log('select pool (General)', JSON.stringify(await take()));
for (const t of ['Memory', 'Storage', 'Networking', 'Search', 'General']) {
  await page.getByRole('tab', { name: t, exact: true }).click(); await page.waitForTimeout(3000); console.log(t, JSON.stringify(await take()));
}
await page.getByRole('tab', { name: 'Search', exact: true }).click(); await page.waitForTimeout(1500); await take();
await page.waitForTimeout(3000); console.log('idle on Search', JSON.stringify(await take()));
await browser.close();
