import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lessons } from './lessons/registry.ts';
import { embedPages } from './lessons/figures.ts';
// Offline (issue 16): the service worker's precache, generated after the build.
import { offlinePrecache } from './site/offline/precache-plugin.ts';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS } from './scripts/i18n.ts';
import { LOCALES, localizePath } from './src/i18n/locale.ts';
import { localizeHtml } from './src/i18n/page-head.ts';
import katex from 'katex';
import { prerenderTexTags, texOptions } from './src/widgets/tex-render.ts';

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
      const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
      // Embeds too: /embed/<lesson>/<figure>/ must be a real file for an <iframe> on another site.
      const pages = ['', ...lessons.map((l) => `lessons/${l.slug}`), 'check', 'teach', ...embedPages()];
      // Every page in every language (/fr/… for French), each saying its language and linking the others.
      for (const locale of LOCALES) {
        const description = siteDescription(locale);
        for (const page of pages) {
          const path = localizePath(page ? `/${page}/` : '/', locale);
          const dir = resolve(dist, `.${path}`);
          mkdirSync(dir, { recursive: true });
          writeFileSync(resolve(dir, 'index.html'), localizeHtml(html, locale, path, description));
        }
        // A host that serves a 404.html per folder gets a French one under /fr/; the app says "not found" in the path's language either way.
        writeFileSync(resolve(dist, `.${localizePath('/', locale)}404.html`), localizeHtml(html, locale, null, description));
      }
    },
  };
}

/** The page description in `locale`, read from its message catalogue (the compiled messages do not exist yet when this file loads). */
function siteDescription(locale: string): string | undefined {
  const file = resolve(root, `messages/${locale}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>).site_description : undefined;
}

/**
 * TF.js' threaded wasm build starts its threads from the source text of its
 * own factory function (`factory.toString()` in a Blob). Minified, that
 * function reads the enclosing module's `_scriptDir` without the `typeof`
 * guard of the original, which throws in the thread ("e is not defined").
 * The two reads are not needed (we give every path through setWasmPaths),
 * so they are removed before minification.
 */
function wasmThreadsSelfContained(): Plugin {
  return {
    name: 'wasm-threads-self-contained',
    apply: 'build',
    transform(code, id) {
      if (!/tfjs-backend-wasm-threaded-simd\.js$/.test(id)) return null;
      const out = code
        .replace('if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', '')
        .replace('Module["mainScriptUrlOrBlob"]||_scriptDir', 'Module["mainScriptUrlOrBlob"]');
      if ((out.match(/_scriptDir/g) ?? []).length !== 3) this.error('tfjs-backend-wasm-threaded-simd.js changed: check wasmThreadsSelfContained');
      return { code: out, map: null };
    },
  };
}

/**
 * Equations written out in a lesson are rendered at build time, so that no
 * page loads KaTeX's JavaScript to show them (it is a large part of what a
 * lesson page would otherwise fetch before anything runs); <Tex/> loads KaTeX
 * only for equations a widget fills in.
 */
function prerenderTex(): Plugin {
  return {
    name: 'prerender-tex',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.svelte') || !code.includes('<Tex')) return null;
      const out = prerenderTexTags(code, (tex, display) => katex.renderToString(tex, texOptions(display)));
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Cross-origin isolation, so that the wasm backend can use threads
 * (SharedArrayBuffer). Only the dev and preview servers can send headers; the
 * built site on a plain static server runs wasm on one thread (see README).
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: resolve(root, 'site'),
  publicDir: resolve(root, 'site/public'),
  base: '/',
  plugins: [
    paraglideVitePlugin({ ...PARAGLIDE_OPTIONS, strategy: [...PARAGLIDE_OPTIONS.strategy] }),
    prerenderTex(),
    svelte({ configFile: resolve(root, 'svelte.config.js') }),
    lessonPages(),
    wasmThreadsSelfContained(),
    // Offline (issue 16): keep last, after lesson-pages.
    offlinePrecache(),
  ],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  server: { fs: { allow: [root] }, host: '127.0.0.1', headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  // Worker bundles do not run the main plugins: the model and training workers load wasm threads too.
  worker: { format: 'es', plugins: () => [wasmThreadsSelfContained()] },
  optimizeDeps: {
    // Pre-bundled: its threaded build imports a CommonJS file that the dev server cannot serve as ESM.
    include: ['@tensorflow/tfjs-backend-wasm'],
  },
});
