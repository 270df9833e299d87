/**
 * `npm run bench`: prints figures, asserts nothing. Builds the site, serves
 * dist/ locally, and measures in Debian's headless Chromium (WebGPU on
 * SwiftShader here; on a machine with a GPU, on the GPU).
 */
import { build } from 'vite';
import { launch } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/static-server';
import { measureRedraw, REDRAW_CASES } from './redraw';

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function main() {
  if (!process.argv.includes('--no-build')) await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  const server = await serveStatic('dist');
  const browser = await launch();
  try {
    console.log(`\n# Redraw after a slider event (main-thread work; budget ≤ 4 ms)  [Chromium ${browser.version()}]`);
    console.log('| widget event | events | median | p95 | max | next-frame charts median / p95 |');
    console.log('|---|---|---|---|---|---|');
    for (const c of REDRAW_CASES) {
      const r = await measureRedraw(browser, server.url, c);
      const charts = r.chartMedian != null ? `${fmt(r.chartMedian)} / ${fmt(r.chartP95!)}` : '—';
      console.log(`| ${r.name} | ${r.n} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${charts} |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
