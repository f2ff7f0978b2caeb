import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: dist/ can be served from any static host and any
  // sub-path (https://example.org/tools/xenlab/), or opened via `vite preview`.
  base: './',
  // No SPA fallback: a missing file is a 404, as on a plain static host (the
  // console needs no path routing), so e2e catches a missing chunk or icon.
  appType: 'mpa',
  plugins: [react(), tailwindcss()],
  // The simulated pool runs in a module worker (`new Worker(url, { type: 'module' })`).
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Stable vendor chunks that change rarely and cache well; charts get
        // their own chunk so a lazily loaded Performance tab pulls them on demand.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            {
              name: 'charts',
              test: /node_modules[\\/]uplot[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
