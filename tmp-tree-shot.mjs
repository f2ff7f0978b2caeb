import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const sizes = (process.env.SIZES ?? '1280x800,1920x1080').split(',');
const url = process.env.URL ?? 'http://127.0.0.1:4181/';
for (const s of sizes) {
  const [w, h] = s.split('x').map(Number);
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByRole('tree').waitFor({ timeout: 20000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/tree-shot-infra-${s}.png` });
  await page.getByRole('button', { name: 'Objects' }).click();
  await page.waitForTimeout(300);
  // expand a couple of groups
  for (const g of ['VMs', 'Remote Storage Repositories']) {
    const item = page.getByRole('treeitem', { name: g });
    if (await item.count()) await item.dblclick();
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/tree-shot-objects-${s}.png` });
  console.log(s, 'errors:', JSON.stringify(errors));
  await ctx.close();
}
await browser.close();
