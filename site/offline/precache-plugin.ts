/**
 * The offline precache, made after the Vite build: workbox-build's generateSW
 * lists every file the site needs (pages, scripts, styles, woff2 fonts, the
 * data in public/data, the shipped weights, wasm binaries), with a revision
 * for each file whose name carries no content hash, and writes dist/sw.js.
 *
 * Why Workbox: its precache is the well-kept answer to the two hard parts,
 * a new build replacing the cache without ever mixing versions (entries are
 * keyed by revision; stale ones are deleted only when the new worker
 * activates, after every tab of the old version has closed) and directory
 * URLs (/lessons/x/ → /lessons/x/index.html). It runs on the files in dist/,
 * so it does not depend on Vite's plugin API beyond this one hook.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { generateSW } from 'workbox-build';

/** The worker's file name, at the site's root so that its scope is the whole site. */
export const SW_FILE = 'sw.js';

export function offlinePrecache(): Plugin {
  let dist = '';
  return {
    name: 'offline-precache',
    apply: 'build',
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    // Sequential and last: after lesson-pages has written every page's index.html.
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        // Rolldown calls this hook after a failed build too; let its error show.
        if (!existsSync(resolve(dist, 'index.html'))) return;
        const { count, size, warnings } = await generateSW({
          globDirectory: dist,
          // woff2 only: every browser with service workers reads it, and the
          // ttf/woff copies KaTeX ships would double the fonts' download.
          globPatterns: ['**/*.{html,js,css,woff2,svg,png,json,gz,ddmw,wasm}'],
          globIgnores: [SW_FILE, 'workbox-*.js', '**/404.html'],
          swDest: resolve(dist, SW_FILE),
          // The MNIST training images are the largest file.
          maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
          // Vite's hashed assets are immutable: no revision, no re-download across builds.
          dontCacheBustURLsMatching: /^assets\/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/,
          // Lesson URLs carry the reader's state (?t=250&seed=3): every static file is the same whatever the query.
          ignoreURLParametersMatching: [/.*/],
          directoryIndex: 'index.html',
          cleanupOutdatedCaches: true,
          // A new version waits until no tab runs the old one: never old pages on new files.
          skipWaiting: false,
          clientsClaim: false,
          cacheId: 'diffusion-demystified',
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
        });
        for (const w of warnings) this.warn(w);
        this.info?.(`offline precache: ${count} files, ${(size / 1e6).toFixed(1)} MB`);
      },
    },
  };
}
