// electron-vite: one section per target. Main and preload are bundled (electron-store and zod inside), the
// preload as a single CommonJS file so the renderer can stay sandboxed.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CSP_META } from './src/shared/csp';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The scoring worker is an entry of its own: main starts it as out/main/scoring-worker.js
        // (src/core/worker/worker-entry.ts finds it beside index.js).
        input: {
          index: resolve('src/main/index.ts'),
          'scoring-worker': resolve('src/core/worker/scoring-worker.ts'),
        },
        external: ['electron', 'keytar'],
      },
      externalizeDeps: false,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'src/renderer',
    build: { outDir: 'out/renderer', rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [
      react(),
      {
        // The CSP meta tag comes from the same definition as main's header, so the two cannot drift apart.
        name: 'tagfit-csp',
        // Built only: in `npm run dev` the header main sets (which lets the dev server's websocket in) governs.
        apply: 'build',
        transformIndexHtml: () => [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
            injectTo: 'head-prepend',
          },
        ],
      },
    ],
  },
});
