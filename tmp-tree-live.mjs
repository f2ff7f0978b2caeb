import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto('http://127.0.0.1:4181/');
const game = page.getByRole('treeitem', { name: 'game-01' });
await game.click({ button: 'right' });
await page.getByRole('menuitem', { name: 'Start', exact: true }).click();
for (let i = 0; i < 12; i++) {
  await page.waitForTimeout(500);
  const d = await game.evaluate((el) => [el.getAttribute('aria-level'), document.getElementById(el.getAttribute('aria-describedby'))?.textContent, el.querySelector('svg')?.dataset.icon]);
  console.log(i, JSON.stringify(d));
  if (i === 3) await page.screenshot({ path: '/tmp/tree-shot-busy.png', clip: { x: 0, y: 60, width: 290, height: 420 } });
}
await page.screenshot({ path: '/tmp/tree-shot-started.png', clip: { x: 0, y: 60, width: 290, height: 420 } });
console.log('errors', JSON.stringify(errors));
await browser.close();
