import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 4186;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', '/tmp/notif-dist-prof'], { stdio: 'ignore', detached: true });
for (let i = 0; i < 100; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const c = await b.newContext({ viewport: { width: 1280, height: 800 } });
const p = await c.newPage();
await p.goto(`http://127.0.0.1:${port}/?world=large&speed=10`);
await p.getByRole('treeitem').first().waitFor({ timeout: 120000 });
await p.getByRole('treeitem').first().click();
await p.waitForTimeout(1500);
const cdp = await c.newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const mode = process.argv[2] ?? 'idle';
const box = await p.getByRole('tree').first().boundingBox();
const end = Date.now() + 8000;
while (Date.now() < end) {
  if (mode === 'scroll') { await p.mouse.move(box.x + 50, box.y + 200); await p.mouse.wheel(0, 240); await p.waitForTimeout(50); }
  else if (mode === 'tabs') { for (const n of ['General', 'Memory', 'Storage', 'Networking', 'Search']) { await p.getByRole('tab', { name: n, exact: true }).click().catch(() => {}); await p.waitForTimeout(150); } }
  else await p.waitForTimeout(200);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const ids = profile.samples;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < ids.length; i++) {
  const n = byId.get(ids[i]); const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(mode, 'total ms', total.toFixed(0));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
await b.close();
process.kill(-server.pid);
