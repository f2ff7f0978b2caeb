import { chromium } from '@playwright/test';
const sizes = process.argv[2] === 'small' ? [[1280, 800]] : process.argv[2] === 'big' ? [[1920, 1080]] : [[1280, 800], [1920, 1080]];
const only = process.argv[3];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [w, h] of sizes) {
  const context = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}] ${m.text()}`); });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto('http://127.0.0.1:4182/' + (process.env.QS ?? ''));
  await page.getByRole('tree').first().waitFor({ timeout: 30000 });
  const targets = [['root', null], ['vm', 'web-01'], ['host', 'xenserver-01'], ['pool', 'Lab Pool'], ['sr', 'NFS virtual disk storage']];
  for (const [label, name] of targets) {
    if (only && only !== label) continue;
    if (name === null) await page.getByRole('treeitem').first().click();
    else await page.getByRole('treeitem', { name, exact: false }).first().click();
    await page.waitForTimeout(400);
    const tabs = await page.getByRole('tab').allInnerTexts();
    for (const t of tabs) {
      await page.getByRole('tab', { name: t, exact: true }).click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/tabs-shots/${label}-${t}-${w}.png` });
    }
    console.log(label, tabs.join(','));
  }
  await context.close();
}
await browser.close();
