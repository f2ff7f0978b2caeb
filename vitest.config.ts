import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so tests do not run Tailwind or the build options.
// Explicit projects: only src/**/*.test.ts(x) are tests; e2e/*.spec.ts belong
// to Playwright and must never be collected here.
export default defineConfig({
  plugins: [react()],
  test: {
    // Property tests (fast-check) can run many cases; never assert on wall time.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['./vitest.setup-dom.ts'],
        },
      },
    ],
  },
});
