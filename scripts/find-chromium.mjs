#!/usr/bin/env node
// Find a Chromium for Playwright without downloading one (there is no internet
// in CI). Order: $CHROMIUM_PATH, Debian/Ubuntu paths, Playwright's own browser
// if one happens to be installed. As root with apt-get, install Debian's
// chromium as a last resort; otherwise explain how to get one.
//
// CLI: prints the path on stdout (all other output goes to stderr), exit 0;
//      exit 1 with instructions when there is none.
// API: `findChromium()` returns the path or null.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @param {string | undefined} file */
function isExecutable(file) {
  if (!file) return false;
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const file = chromium.executablePath();
    return isExecutable(file) ? file : null;
  } catch {
    return null; // playwright-core missing, or no browser registered
  }
}

function locate() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.error(`find-chromium: CHROMIUM_PATH=${fromEnv} is not an executable file; looking elsewhere`);
  }
  return SYSTEM_PATHS.find(isExecutable) ?? null;
}

function aptInstall() {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return false;
  console.error('find-chromium: no Chromium found; installing Debian chromium with apt-get');
  // Child stdout goes to our stderr: our stdout carries only the path.
  const r = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

/** @returns {Promise<string | null>} */
export async function findChromium() {
  const found = locate() ?? (await playwrightChromium());
  if (found) return found;
  if (aptInstall()) return locate();
  return null;
}

const HOW_TO = `No Chromium found for the browser tests. Get one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium      (then /usr/bin/chromium is used)
  - any Chromium/Chrome you have:  export CHROMIUM_PATH=/path/to/chrome
  - Playwright's build (needs internet):  npx playwright install chromium`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = await findChromium();
  if (path) {
    console.log(path);
  } else {
    console.error(HOW_TO);
    process.exit(1);
  }
}

export { HOW_TO };
