import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const ctx = await browser.newContext();
const page = await ctx.newPage();
page.on('console', (m) => console.log(`[${m.type()}]`, m.text().slice(0, 200)));
let first = true;
await page.route(/lab\.worker[^/]*\.js$/, async (route) => {
  const response = await route.fetch();
  let body = await response.text();
  if (first) { first = false; body += '\nsetTimeout(() => { throw new Error("injected crash"); }, 5000);\n'; }
  await route.fulfill({ response, body });
});
await page.goto('http://127.0.0.1:4184/');
const t0 = Date.now();
for (let i = 0; i < 24; i++) {
  await page.waitForTimeout(500);
  const clock = await page.getByRole('timer').locator('time').getAttribute('datetime').catch(() => 'none');
  const alert = await page.getByRole('alert').filter({ hasText: 'stopped' }).textContent().catch(() => '');
  console.log(((Date.now() - t0) / 1000).toFixed(1), clock, alert.slice(0, 60));
}
await browser.close();
