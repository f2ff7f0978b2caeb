import { chromium } from '@playwright/test';
const [w, h] = (process.env.SIZE ?? '1280x800').split('x').map(Number);
const out = process.env.OUT ?? '/tmp/actions-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: w, height: h } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
await page.goto('http://127.0.0.1:4183/');
await page.getByRole('tree').first().waitFor({ timeout: 20000 });
const shot = (name) => page.screenshot({ path: `${out}/${w}-${name}.png` });
const step = process.env.STEP ?? 'all';
const tree = page.getByRole('tree').first();
async function selectVm(name) {
  await tree.getByRole('treeitem', { name, exact: true }).click();
}
await page.waitForTimeout(500);
await shot('initial');
await selectVm('legacy-01').catch(async (e) => { errors.push('select: ' + e.message); });
await page.waitForTimeout(300);
await shot('toolbar-halted');
// toolbar tooltip on disabled Shut Down
await page.getByRole('toolbar').getByRole('button', { name: 'Shut Down' }).hover();
await page.waitForTimeout(700);
await shot('toolbar-tooltip');
for (const m of ['File', 'View', 'Pool', 'Server', 'VM', 'Help']) {
  await page.getByRole('menubar').getByRole('menuitem', { name: m }).click();
  await page.waitForTimeout(300);
  await shot(`menu-${m}`);
  await page.keyboard.press('Escape');
}
// reason beside a disabled menu item
await page.getByRole('menubar').getByRole('menuitem', { name: 'VM' }).click();
await page.getByRole('menuitem', { name: 'Shut Down', exact: true }).hover();
await page.waitForTimeout(300);
await shot('menu-VM-reason');
await page.keyboard.press('Escape');
// suspended and running VMs on the toolbar
await selectVm('test-01');
await page.waitForTimeout(300);
await shot('toolbar-suspended');
await selectVm('web-01');
await page.waitForTimeout(300);
await page.getByRole('toolbar').getByRole('button', { name: 'Start' }).hover();
await page.waitForTimeout(700);
await shot('toolbar-running');
await selectVm('legacy-01');
// Start on server submenu
await page.getByRole('menubar').getByRole('menuitem', { name: 'VM' }).click();
await page.getByRole('menuitem', { name: 'Start on Server' }).hover();
await page.waitForTimeout(1000);
await shot('start-on-server');
await page.keyboard.press('Escape');
await page.keyboard.press('Escape');
// context menu
await tree.getByRole('treeitem', { name: 'legacy-01', exact: true }).click({ button: 'right' });
await page.waitForTimeout(400);
await shot('context-menu');
await page.keyboard.press('Escape');
// properties
await page.keyboard.press('F2');
await page.waitForTimeout(400);
await shot('properties');
await page.getByRole('combobox', { name: 'Tags' }).fill('wiki');
await page.getByRole('button', { name: 'Add' }).click();
await page.getByRole('combobox', { name: 'Tags' }).fill('wiki');
await page.getByRole('textbox', { name: 'Folder' }).fill('Intranet');
await page.getByRole('textbox', { name: 'Name' }).fill('');
await page.waitForTimeout(200);
await shot('properties-invalid');
await page.keyboard.press('Escape');
// delete
await page.getByRole('menubar').getByRole('menuitem', { name: 'VM' }).click();
await page.getByRole('menuitem', { name: 'Delete…' }).click();
await page.waitForTimeout(600);
await shot('delete');
await page.keyboard.press('Escape');
// about
await page.getByRole('menubar').getByRole('menuitem', { name: 'Help' }).click();
await page.getByRole('menuitem', { name: 'About XenLab' }).click();
await page.waitForTimeout(300);
await shot('about');
await page.keyboard.press('Escape');
console.log(errors.join('\n'));
await browser.close();
