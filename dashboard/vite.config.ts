import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/** Where `npm run dev -w dashboard` forwards API calls; the built dashboard is served by the collector itself. */
const collectorUrl = process.env.STEWARD_COLLECTOR_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [preact()],
  resolve: {
    // Bundle @steward/shared from its TypeScript sources so the dashboard never depends on a stale build.
    conditions: ['steward-source', 'browser', 'module', 'import', 'default'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      treeshake: {
        // The shared package only declares schemas: the ones the dashboard never uses can be left out.
        moduleSideEffects: (id: string) => !id.includes('/shared/src/'),
      },
      output: {
        codeSplitting: {
          groups: [
            // The first requests (src/boot-requests.ts) in a chunk of their own without the schema
            // library, so that they leave before the rest of the app's code is even evaluated.
            { name: 'boot', test: /\/src\/(boot-requests|api\/(session|prefetch|query-string|devices-query)|routing\/routes)\.ts$/, priority: 100 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: collectorUrl, ws: true, changeOrigin: false },
    },
  },
});
