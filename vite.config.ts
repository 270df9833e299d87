import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lessons } from './lessons/registry.ts';
// Offline (issue 16): the service worker's precache, generated after the build.
import { offlinePrecache } from './site/offline/precache-plugin.ts';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * A plain static host has no SPA fallback, so every lesson URL gets its own
 * copy of index.html; the router then reads location.pathname as usual.
 */
function lessonPages(): Plugin {
  let dist = resolve(root, 'dist');
  return {
    name: 'lesson-pages',
    apply: 'build',
    // Follow --outDir, so a private build (e2e with E2E_DIST) gets its lesson pages too.
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      // Rolldown calls this hook after a failed build too; let its error show.
      if (!existsSync(resolve(dist, 'index.html'))) return;
      const pages = [...lessons.map((l) => `lessons/${l.slug}`), 'check', 'teach'];
      for (const page of pages) {
        const dir = resolve(dist, page);
        mkdirSync(dir, { recursive: true });
        copyFileSync(resolve(dist, 'index.html'), resolve(dir, 'index.html'));
      }
      copyFileSync(resolve(dist, 'index.html'), resolve(dist, '404.html'));
    },
  };
}

export default defineConfig({
  root: resolve(root, 'site'),
  publicDir: resolve(root, 'site/public'),
  base: '/',
  plugins: [
    svelte({ configFile: resolve(root, 'svelte.config.js') }),
    lessonPages(),
    // Offline (issue 16): keep last, after lesson-pages.
    offlinePrecache(),
  ],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  server: { fs: { allow: [root] }, host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  optimizeDeps: {
    exclude: ['@tensorflow/tfjs-backend-wasm'],
  },
});
