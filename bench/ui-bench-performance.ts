// bench:ui's second phase: the Performance tab of a busy host with 8 graphs
// at 10×. The bench picks the server with the highest CPU on the pool
// overview (the Home page's Server Use), opens its Performance tab
// (XenCenter's 4 default graphs), adds 4 more through Actions ▸ New Graph…
// (as a user would), then, for the measured window, leaves the graphs
// updating (at 10× the 10-minute view asks for new rows every wall second),
// moves the pointer across each plot (legend values follow the cursor) and
// scrolls through the graphs. Setup uses role queries; the measured window
// only CSS locators (a role query runs in the page and would count against
// it).
import type { Page } from '@playwright/test';
import { mark } from './ui-bench-figures';

/** Graphs added on top of the host's 4 defaults, each with some of the data sources a host reports (their names in the dialog). */
const EXTRA_GRAPHS: readonly { readonly name: string; readonly sources: readonly RegExp[] }[] = [
  { name: 'Average CPU and Control Domain Load', sources: [/^Average CPU/, /^Control Domain Load/] },
  { name: 'Total NIC Traffic', sources: [/^Total NIC Send/, /^Total NIC Receive/] },
  { name: 'CPUs 0 to 3', sources: [/^CPU 0$/, /^CPU 1$/, /^CPU 2$/, /^CPU 3$/] },
  { name: 'Reclaimed Memory', sources: [/^Reclaimed Memory/, /^Potential Reclaimed Memory/] },
];

export interface BusyHost {
  readonly name: string;
  /** CPU use on the overview when chosen, percent. */
  readonly cpu: number;
  readonly vms: number;
}

export interface PerformancePhase {
  readonly host: BusyHost;
  readonly graphs: number;
  readonly lines: number;
  /** Most points any graph draws (the 5-s archive: up to 120). */
  readonly points: number;
  readonly hovers: number;
  readonly scrolls: number;
}

// Runs in the page (a string: this file is type-checked without the DOM library).
const READ_SERVER_USE = `[...document.querySelectorAll('table')]
  .filter((t) => t.querySelector('caption')?.textContent === 'CPU and memory use of each server')
  .flatMap((t) => [...t.querySelectorAll('tbody tr')])
  .map((tr) => ({
    name: tr.querySelector('th')?.textContent ?? '',
    cpu: Number(tr.querySelector('[role="meter"]')?.getAttribute('aria-valuenow') ?? -1),
    vms: Number(tr.querySelectorAll('td')[2]?.textContent ?? 0),
  }))`;

const READ_GRAPHS = `(() => {
  const plots = [...document.querySelectorAll('[role="tabpanel"] [data-points]')];
  const lines = [...document.querySelectorAll('[role="tabpanel"] ul[aria-label$=" legend"] li')].length;
  return { graphs: plots.length, lines, points: Math.max(0, ...plots.map((p) => Number(p.getAttribute('data-points')))) };
})()`;

/** The busiest server on the Home page's pool overview (highest CPU, then most VMs). */
async function busiestHost(page: Page, homeUrl: string): Promise<BusyHost> {
  // The XenLab root's Home tab by its deep link, in a fresh page load (the
  // lab resumes from the browser's copy; the in-page recorder starts over).
  // Through about:blank: a goto that differs only in the hash would stay in
  // the same document.
  await page.goto('about:blank');
  await page.goto(homeUrl);
  await page.getByRole('tab', { name: 'Home', selected: true }).waitFor({ timeout: 180_000 });
  const meter = page.getByRole('table', { name: 'CPU and memory use of each server' }).getByRole('meter').first();
  await meter.waitFor({ state: 'visible', timeout: 60_000 });
  for (let i = 0; i < 120 && (await meter.getAttribute('aria-valuenow')) === null; i++) await page.waitForTimeout(500);
  const rows = (await page.evaluate(READ_SERVER_USE)) as BusyHost[];
  const best = [...rows].sort((a, b) => b.cpu - a.cpu || b.vms - a.vms)[0];
  if (best === undefined) throw new Error('the pool overview lists no server');
  return best;
}

async function addGraph(page: Page, name: string, sources: readonly RegExp[]): Promise<void> {
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'New Graph...' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Graph' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  for (const source of sources) await dialog.getByRole('checkbox', { name: source }).check({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Open the busiest server's Performance tab with 8 graphs; returns once every graph has drawn. */
export async function openBusyHostGraphs(page: Page, homeUrl: string): Promise<BusyHost> {
  const host = await busiestHost(page, homeUrl);
  await page.getByRole('table', { name: 'CPU and memory use of each server' }).getByRole('button', { name: host.name, exact: true }).click();
  await page.getByRole('tab', { name: 'Performance' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('heading', { level: 3, name: 'CPU Performance' }).waitFor({ timeout: 60_000 });
  for (const g of EXTRA_GRAPHS) {
    await addGraph(page, g.name, g.sources);
    const heading = panel.getByRole('heading', { level: 3, name: g.name });
    await heading.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      const shown = await panel.getByRole('heading', { level: 3 }).allTextContents();
      throw new Error(`graph '${g.name}' did not appear; the tab shows: ${shown.join(', ')}`, { cause: e });
    });
  }
  return host;
}

/** The measured window: watch, hover over each plot, scroll the graphs; until `seconds` have passed. */
export async function exerciseGraphs(page: Page, seconds: number, idleSeconds: number): Promise<{ hovers: number; scrolls: number }> {
  const counts = { hovers: 0, scrolls: 0 };
  await mark(page, 'idle: 8 graphs updating at 10×');
  await page.waitForTimeout(idleSeconds * 1000);
  const end = Date.now() + seconds * 1000;
  const canvases = page.locator('[role="tabpanel"] canvas');
  const panelBox = await page.locator('[role="tabpanel"]').first().boundingBox();
  let direction = 1;
  while (Date.now() < end) {
    const n = await canvases.count();
    for (let i = 0; i < n && Date.now() < end; i++) {
      const box = await canvases.nth(i).boundingBox();
      if (box === null || box.y < 0 || box.y + box.height > (panelBox?.y ?? 0) + (panelBox?.height ?? 0)) continue;
      await mark(page, 'hover across a graph');
      for (let s = 0; s <= 16; s++) {
        await page.mouse.move(box.x + (box.width * s) / 16, box.y + box.height / 2);
        counts.hovers++;
        await page.waitForTimeout(30);
      }
    }
    if (panelBox !== null) {
      await mark(page, 'scroll the graphs');
      await page.mouse.move(panelBox.x + panelBox.width / 2, panelBox.y + panelBox.height / 2);
      for (let i = 0; i < 4 && Date.now() < end; i++) {
        await page.mouse.wheel(0, direction * 300);
        counts.scrolls++;
        await page.waitForTimeout(80);
      }
      direction = -direction;
    }
  }
  return counts;
}

export async function graphFigures(page: Page): Promise<{ graphs: number; lines: number; points: number }> {
  return (await page.evaluate(READ_GRAPHS)) as { graphs: number; lines: number; points: number };
}
