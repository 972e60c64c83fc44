import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { vendorChunks } from './vite.chunks.js';
import { precompress } from './vite.precompress.js';

const serverPort = process.env.PORT ?? '3000';
const server = `http://127.0.0.1:${serverPort}`;

/**
 * The buyer's web app (My Page): src/web/my-page built into dist/my-page under the base `/my/`,
 * which the server serves at /my and /my/* (src/server/web/static.ts). `npm run dev:my` serves it
 * with hot reload at http://localhost:5174/my/ and proxies the API and the server's own pages
 * under /my (the member hand-off, the test gateway's window) to `npm run dev` (PORT, default 3000).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web/my-page', import.meta.url)),
  base: '/my/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/my-page', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // scripts/bundle-report.ts reads it: the JavaScript each first screen loads
    manifest: true,
    rolldownOptions: { output: { codeSplitting: vendorChunks } },
  },
  server: {
    port: Number(process.env.MY_WEB_PORT ?? 5174),
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/my/handoff': { target: server, changeOrigin: false },
      '/my/pay/test-window': { target: server, changeOrigin: false },
    },
  },
});
