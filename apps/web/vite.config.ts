import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Where the dev server forwards /api (REST and the socket.io websocket). */
const bffUrl = process.env.WHEELHOUSE_BFF_URL ?? 'http://127.0.0.1:7070';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The Host header is kept (changeOrigin: false), so Origin and Host still agree for the BFF's
    // same-origin checks, as they do in production where the BFF serves the SPA itself.
    proxy: { '/api': { target: bffUrl, ws: true, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2023',
    sourcemap: true,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
