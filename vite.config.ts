import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { vendorChunks } from './vite.chunks.js';
import { precompress } from './vite.precompress.js';

const serverPort = process.env.PORT ?? '3000';

/**
 * The admin web app: src/web/admin (index.html there) built into dist/admin, which the server
 * serves at `/` (src/server/web/static.ts). `npm run dev:web` serves it with hot reload and
 * proxies /api to the server started by `npm run dev` (PORT, default 3000).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web/admin', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/admin', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // scripts/bundle-report.ts reads it: the JavaScript each first screen loads
    manifest: true,
    rolldownOptions: { output: { codeSplitting: vendorChunks } },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: `http://127.0.0.1:${serverPort}`, changeOrigin: false } },
  },
});
