import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API at /console/ (apps/api/src/app.module.ts); `vite` (dev) proxies /api to a local API.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bundle-size.mjs reads which chunks the first screen loads.
    manifest: true,
    // The API's Content-Security-Policy allows no inline script: keep Vite's module-preload
    // helper inside the entry chunk rather than inlined into index.html.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
