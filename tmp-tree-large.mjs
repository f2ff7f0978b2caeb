import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
const t0 = Date.now();
await page.goto('http://127.0.0.1:4181/?world=large&speed=10');
await page.getByRole('treeitem', { name: 'XenLab' }).waitFor({ timeout: 60000 });
console.log('tree after ms', Date.now() - t0);
await page.waitForTimeout(3000);
const loadedAt = await page.evaluate(() => performance.now());
const rows = await page.getByRole('treeitem').count();
console.log('rendered rows', rows);
const box = await page.getByRole('tree').boundingBox();
await page.mouse.move(box.x + 100, box.y + 100);
const frames = await page.evaluate(async () => {
  const times = []; let last = performance.now(); let run = true;
  const tick = (t) => { times.push(t - last); last = t; if (run) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const el = document.querySelector('[role="tree"]').parentElement;
  for (let i = 0; i < 150; i++) { el.scrollTop += 120; await new Promise((r) => requestAnimationFrame(r)); }
  run = false;
  times.sort((a, b) => a - b);
  return { n: times.length, p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1], scrollTop: el.scrollTop, height: el.scrollHeight };
});
console.log('frames', JSON.stringify(frames));
await page.screenshot({ path: '/tmp/tree-large.png' });
// search in large world
const s0 = Date.now();
await page.getByRole('searchbox', { name: 'Search' }).fill('running');
await page.waitForTimeout(1000);
console.log('search rows', await page.getByRole('treeitem').count(), Date.now() - s0);
await page.getByRole('searchbox', { name: 'Search' }).fill('');
await page.waitForTimeout(3000);
const long = await page.evaluate((t) => window.__long.filter(([s]) => s > t), loadedAt);
console.log('long tasks after load', JSON.stringify(long));
console.log('errors', JSON.stringify(errors));
await browser.close();
