import { defineConfig, devices } from '@playwright/test';

// Browser tests run against the production build (`vite preview` serves dist/),
// so `npm test` builds first. Playwright never downloads a browser here:
// scripts/find-chromium.mjs finds one and passes it in CHROMIUM_PATH.
// E2E_PORT / E2E_DIST let several runs work side by side (each on its own build).
const PORT = Number(process.env['E2E_PORT'] ?? 4173);
const DIST = process.env['E2E_DIST'] ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  // `list` for people; JSON for scripts/test-all.mjs, which reads the counts.
  reporter: [['list'], ['json', { outputFile: process.env['E2E_JSON'] ?? 'test-results/e2e.json' }]],
  outputDir: process.env['E2E_ARTIFACTS'] ?? 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // No sandbox (CI runs as root); and keep Chromium off the network:
          // without these it keeps trying to reach Google services.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
