#!/usr/bin/env node
// `npm test`: every check the project has, in order, each run even when an
// earlier one failed, then a summary table and a closing line for CI.
//
//   typecheck  tsc -b
//   lint       eslint . --max-warnings=0
//   unit       vitest run            (counts read from test-results/vitest.json)
//   build      vite build
//   e2e        playwright test       (counts read from test-results/e2e.json;
//                                     not run when the build failed -- it would
//                                     test a stale or missing dist/)
//
// How the closing line `N passed, N failed` counts:
//   - unit and e2e contribute one per test case (vitest + Playwright);
//   - typecheck, lint and build contribute one check each (pass or fail);
//   - a vitest file that fails to load counts as one failed test;
//   - a test stage that fails without a failing test (crash, config error,
//     unhandled error, no browser) adds one failed check, so a red run never
//     reads "0 failed".
// Skipped/todo tests are not counted. Exit status is 1 if anything failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { HOW_TO, findChromium } from './find-chromium.mjs';

const RESULTS = 'test-results';
const VITEST_JSON = `${RESULTS}/vitest.json`;
const E2E_JSON = `${RESULTS}/e2e.json`;

/**
 * Run a command with live output; resolve with its exit code.
 * @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', (err) => {
      console.error(`test-all: cannot start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** @param {string} file @returns {any} */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * @typedef {{ name: string, ok: boolean, passed: number, failed: number, note: string, seconds: number }} Stage
 * @type {Stage[]}
 */
const stages = [];

/**
 * @param {string} name
 * @param {() => Promise<{ ok: boolean, passed?: number, failed?: number, note?: string }>} body
 * @param {boolean} [countsTests] true for test runners: counts come from their report
 */
async function stage(name, body, countsTests = false) {
  console.log(`\n━━━ ${name} ━━━`);
  const t0 = performance.now();
  const r = await body();
  let passed = r.passed ?? 0;
  let failed = r.failed ?? 0;
  if (!countsTests) {
    passed = r.ok ? 1 : 0;
    failed = r.ok ? 0 : 1;
  } else if (!r.ok && failed === 0) {
    failed = 1; // the stage failed without a failing test: count the stage
  }
  stages.push({ name, ok: r.ok, passed, failed, note: r.note ?? '', seconds: (performance.now() - t0) / 1000 });
}

rmSync(VITEST_JSON, { force: true });
rmSync(E2E_JSON, { force: true });
mkdirSync(RESULTS, { recursive: true });

await stage('typecheck', async () => ({ ok: (await run('npx', ['--no-install', 'tsc', '-b'])) === 0 }));

await stage('lint', async () => ({
  ok: (await run('npx', ['--no-install', 'eslint', '.', '--max-warnings=0'])) === 0,
}));

await stage(
  'unit',
  async () => {
    const code = await run('npx', [
      '--no-install', 'vitest', 'run',
      '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`,
    ]);
    const report = readJson(VITEST_JSON);
    if (!report) return { ok: false, note: 'no vitest report' };
    // A test file that fails to load (import or syntax error) has no failing
    // test case: count each such file as one failed test.
    /** @type {{ status: string, assertionResults?: { status: string }[] }[]} */
    const files = report.testResults ?? [];
    const brokenFiles = files.filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    return {
      ok: code === 0,
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + brokenFiles,
      note: [brokenFiles ? `${brokenFiles} file(s) failed to load` : '', code === 0 ? '' : `vitest exited ${code}`]
        .filter(Boolean)
        .join('; '),
    };
  },
  true,
);

await stage('build', async () => ({ ok: (await run('npx', ['--no-install', 'vite', 'build'])) === 0 }));

const buildOk = stages.at(-1)?.ok === true;
await stage(
  'e2e',
  async () => {
    if (!buildOk) return { ok: false, note: 'not run: build failed' };
    const chromium = await findChromium();
    if (!chromium) {
      console.error(HOW_TO);
      return { ok: false, note: 'no Chromium' };
    }
    console.log(`Chromium: ${chromium}`);
    const code = await run('npx', ['--no-install', 'playwright', 'test'], { ...process.env, CHROMIUM_PATH: chromium });
    const stats = readJson(E2E_JSON)?.stats;
    if (!stats) return { ok: false, note: 'no playwright report' };
    return {
      ok: code === 0,
      passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
      failed: stats.unexpected ?? 0,
      note: code === 0 ? '' : `playwright exited ${code}`,
    };
  },
  true,
);

// Summary.
const rows = stages.map((s) => [s.name, s.ok ? 'PASS' : 'FAIL', String(s.passed), String(s.failed), `${s.seconds.toFixed(1)}s`, s.note]);
const head = ['stage', 'result', 'passed', 'failed', 'time', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
/** @param {string[]} cells */
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
console.log(`\n${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
for (const r of rows) console.log(line(r));
console.log(`\nReports: ${VITEST_JSON}, ${E2E_JSON}`);

const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
const allOk = stages.every((s) => s.ok);
console.log(`${passed} passed, ${failed} failed`); // must stay the last line
process.exitCode = allOk ? 0 : 1;
