import { chromium } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const c = await b.newContext({ viewport: { width: 1280, height: 800 } });
const p = await c.newPage();
await p.goto('http://127.0.0.1:4185/');
await p.getByRole('button', { name: 'Open Events' }).click();
await p.getByRole('button', { name: 'Start game-01' }).click();
await p.getByRole('button', { name: 'Start web-01 (fails)' }).click();
await p.waitForTimeout(1000);
for (const tab of ['Events', 'Alerts']) {
  await p.getByRole('tab', { name: tab }).click();
  const r = await new AxeBuilder({ page: p }).include('main').include('[aria-label="Notifications"]').analyze();
  console.log(tab, r.violations.map(v => `${v.id} ${v.impact} ${v.nodes.map(n => n.target.join(' ')).slice(0,3).join(' | ')}`));
}
await b.close();
