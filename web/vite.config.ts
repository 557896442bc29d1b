// Builds the analyst's web UI (web/) into dist/web/, which `docket serve` serves as its web root.
// The output has no inline scripts or styles, so it runs under the server's strict Content-Security-Policy.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script; every browser MapLibre supports has modulepreload.
    modulePreload: { polyfill: false },
    // MapLibre alone is about 1 MB minified: it gets its own chunk, cached across releases of the app.
    chunkSizeWarningLimit: 1_200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('/node_modules/maplibre-gl/')) return 'maplibre';
          if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` with `docket serve` running on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
