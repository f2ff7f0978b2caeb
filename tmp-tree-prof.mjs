import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:' + (process.env.PORT ?? '4181') + '/?world=large&speed=10');
await page.getByRole('treeitem', { name: 'XenLab' }).waitFor({ timeout: 60000 });
await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length > 10, null, { timeout: 60000 });
await page.waitForTimeout(2000);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const mode = process.env.MODE ?? 'scroll';
if (mode === 'scroll') {
  await page.evaluate(async () => {
    const el = document.querySelector('[role="tree"]').parentElement;
    for (let i = 0; i < 100; i++) { el.scrollTop += 120; await new Promise((r) => requestAnimationFrame(r)); }
  });
} else {
  await page.waitForTimeout(5000);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) {
  const n = byId.get(id); const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + us);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', Math.round(total / 1000));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(Math.round(v / 1000), k);
await browser.close();
