import { chromium } from '@playwright/test';
import fs from 'node:fs';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(`http://127.0.0.1:${process.env.PORT ?? 4181}/?world=large&speed=10`);
await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length > 10, null, { timeout: 60000 });
await page.waitForTimeout(2000);
await browser.startTracing(page, { path: '/tmp/tree-trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
const frames = await page.evaluate(async () => {
  const el = document.querySelector('[role="tree"]').parentElement;
  const times = []; let last = performance.now();
  for (let i = 0; i < 100; i++) { el.scrollTop += 120; await new Promise((r) => requestAnimationFrame(r)); const t = performance.now(); times.push(t - last); last = t; }
  times.sort((a, b) => a - b);
  return { p50: times[50], p95: times[95], max: times[99] };
});
await browser.stopTracing();
console.log(JSON.stringify(frames));
const trace = JSON.parse(fs.readFileSync('/tmp/tree-trace.json', 'utf8'));
const events = trace.traceEvents ?? trace;
const mainPid = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.[0]?.processId;
const sum = new Map();
for (const e of events) {
  if (e.ph !== 'X' || e.dur === undefined) continue;
  sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
}
for (const [k, v] of [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(Math.round(v / 1000), k);
await browser.close();
