import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 4185;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', '/tmp/notif-dist'], { stdio: 'ignore', detached: true });
for (let i = 0; i < 100; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [w, h] of [[1280, 800], [1920, 1080]]) {
  const c = await b.newContext({ viewport: { width: w, height: h } });
  const p = await c.newPage();
  const logs = [];
  p.on('console', (m) => { if (m.type() === 'error') logs.push(`${m.type()}: ${m.text()}`); });
  p.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await p.goto(`http://127.0.0.1:${port}/`);
  await p.getByRole('treeitem', { name: 'db-01', exact: true }).click();
  await p.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Shut Down', exact: true }).click();
  await p.getByRole('treeitem', { name: 'game-01', exact: true }).click();
  await p.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Start', exact: true }).dblclick();
  await p.getByRole('button', { name: 'Notifications' }).click();
  await p.getByRole('button', { name: 'Events' }).click();
  await p.waitForTimeout(1200);
  await p.screenshot({ path: `/tmp/notif-final-events-${w}.png` });
  await p.getByRole('navigation', { name: 'Navigation pane' }).getByRole('button', { name: 'Alerts' }).click();
  await p.screenshot({ path: `/tmp/notif-final-alerts-${w}.png` });
  console.log(w, logs);
  await c.close();
}
await b.close();
process.kill(-server.pid);
