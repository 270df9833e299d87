/**
 * `npm run bench`: prints figures, asserts nothing. Builds the site, serves
 * dist/ locally, and measures in Debian's headless Chromium (WebGPU on
 * SwiftShader here; on a machine with a GPU, on the GPU).
 *
 *   npm run bench                          everything (about 20-30 minutes on 2 CPU cores)
 *   npm run bench -- --only redraw         one part: redraw, sampling, training
 *   npm run bench -- --quick               tiny models only, short time limits (a smoke run)
 *   npm run bench -- --no-build            reuse dist/
 *
 * Node training speed against PyTorch is a separate command: npm run bench:train.
 */
import { build } from 'vite';
import { launch } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/static-server';
import { measureRedraw, REDRAW_CASES } from './redraw';
import { benchSampling } from './sampling';
import { benchTraining, formatTrainingRows } from './training';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const onlyArg = argv.find((a, i) => argv[i - 1] === '--only');
const parts = new Set((onlyArg ?? 'redraw,sampling,training').split(','));
const quick = flag('--quick');
const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(2)} ms` : '—');

async function main() {
  if (!flag('--no-build')) await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  const server = await serveStatic('dist');
  const browser = await launch();
  try {
    console.log(`Chromium ${browser.version()}, headless, --enable-unsafe-webgpu`);
    if (parts.has('redraw')) {
      console.log('\n# Redraw after a slider event (main-thread work; budget ≤ 4 ms)');
      console.log('| widget event | events | median | p95 | max | next-frame charts median / p95 |');
      console.log('|---|---|---|---|---|---|');
      for (const c of REDRAW_CASES) {
        const r = await measureRedraw(browser, server.url, c);
        const charts = r.chartMedian != null ? `${fmt(r.chartMedian)} / ${fmt(r.chartP95!)}` : '—';
        console.log(`| ${r.name} | ${r.n} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${charts} |`);
      }
    }
    if (parts.has('sampling')) {
      const model = quick ? 'tiny' : 'shipped';
      const limit = quick ? 60_000 : 240_000;
      console.log(`\n# Sampling: one DDIM-50 run of 16 digits, guidance 2, ${model} model (stops after ${limit / 1000} s per backend)`);
      console.log('| backend | ran on | steps done | total | ms/step | longest main-thread task | tasks > 50 ms | warm-up | note |');
      console.log('|---|---|---|---|---|---|---|---|---|');
      for (const r of await benchSampling(browser, server.url, { model, timeoutMs: limit })) {
        const note = r.error ?? (r.complete ? '' : 'time limit reached; ms/step from the steps done');
        console.log(
          `| ${r.backend} | ${r.ranOn} | ${r.stepsDone}/${r.steps} | ${fmt(r.totalMs)} | ${fmt(r.msPerStep)} | ${fmt(r.longestTaskMs)} | ${r.longTasks} | ${fmt(r.warmupMs)} | ${note} |`,
        );
      }
    }
    if (parts.has('training')) {
      console.log('\n# Training in the browser (Web Worker): ms per step');
      const rows = await benchTraining(browser, server.url, {
        configs: quick ? ['tiny'] : ['tiny', 'default'],
        timeout: quick ? 120_000 : 420_000,
      });
      for (const line of formatTrainingRows(rows)) console.log(line);
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
