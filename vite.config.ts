import { defineConfig } from 'vite';

// The web app lives in web/; the server serves dist/web. In development the
// Vite dev server proxies /api to a running `gotrace-view --no-open` server.
export default defineConfig({
  root: 'web',
  base: './',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:7070' },
  },
});
