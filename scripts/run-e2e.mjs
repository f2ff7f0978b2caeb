#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: build, find a Chromium, run Playwright.
// (`npm test` runs the same steps as part of the full suite.)
import { spawnSync } from 'node:child_process';
import { HOW_TO, findChromium } from './find-chromium.mjs';

/** @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
const npx = (args, env = process.env) =>
  spawnSync('npx', ['--no-install', ...args], { stdio: 'inherit', env }).status ?? 1;

if (npx(['vite', 'build']) !== 0) process.exit(1);
const chromium = await findChromium();
if (!chromium) {
  console.error(HOW_TO);
  process.exit(1);
}
process.exit(npx(['playwright', 'test', ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: chromium }));
