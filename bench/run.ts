/**
 * `npm run bench`: prints figures, asserts nothing. Builds the site, serves
 * dist/ locally, and measures in Debian's headless Chromium (WebGPU on
 * SwiftShader here; on a machine with a GPU, on the GPU).
 *
 *   npm run bench                          everything: its goals, lab and redraw parts take about half an hour
 *                                          on 2 CPU cores; sampling, text and training give each slow backend
 *                                          (SwiftShader's WebGPU and WebGL, cpu) up to 7-15 minutes, so hours in all
 *   npm run bench -- --only redraw         some parts: goals, lab, redraw, bundle, node, sampling, text, training
 *   npm run bench -- --backends wasm,webgl  some backends: wasm (one thread), wasm-threads (the page served
 *                                          cross-origin isolated), webgl, webgpu, cpu
 *   npm run bench -- --quick               training: tiny models, one step of the default config; sampling: the shipped model, extrapolated past 2 min; short limits
 *   npm run bench -- --no-build            reuse dist/
 *   npm run bench -- --only soak [--steps 1000] [--runs 50] [--sampler-steps 10]
 *                                          leaks over long use (bench/soak.ts; not in the default set);
 *                                          on wasm unless --backends says otherwise
 *
 * Node training speed against PyTorch is a separate command: npm run bench:train.
 */
import { build } from 'vite';
import { launch } from '../tests/chromium';
import { serveStatic } from '../tests/e2e/static-server';
import { formatBundleRows, measureBundle } from './bundle';
import { nodeHero, nodeSampling, nodeText } from './node-baseline';
import { benchFigureGoal, formatGoalTables, GOAL_FIGURES, type GoalBackend, type GoalFigure, type GoalRow } from './figure-goals';
import { measureRedraw, REDRAW_CASES } from './redraw';
import { BENCH_BACKENDS, type BenchBackend } from './step-timing';
import { benchSampling, formatSamplingRows } from './sampling';
import { benchSoak } from './soak';
import { benchText, formatTextRows } from './text';
import { benchTraining, formatTrainingRows } from './browser-training';
import { benchLabGoal, formatLabGoalRows, type LabGoalRow } from './lab-goal';
import { DEFAULT_SETTINGS } from '../src/train/lab-settings';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const onlyArg = argv.find((a, i) => argv[i - 1] === '--only');
const parts = new Set((onlyArg ?? 'goals,lab,redraw,bundle,node,sampling,training,text').split(','));
const backendsArg = argv.find((a, i) => argv[i - 1] === '--backends');
const backends = (backendsArg ? backendsArg.split(',') : [...BENCH_BACKENDS]) as BenchBackend[];
for (const b of backends) if (!BENCH_BACKENDS.includes(b)) throw new Error(`unknown backend "${b}"; use ${BENCH_BACKENDS.join(', ')}`);
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const quick = flag('--quick');
const num = (name: string, dflt: number) => {
  const v = argv.find((a, i) => argv[i - 1] === name);
  return v === undefined ? dflt : Number(v);
};
const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(2)} ms` : '—');

async function main() {
  if (!flag('--no-build')) await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  if (parts.has('bundle')) {
    console.log('\n# JavaScript before TF.js, per page (gzip, from dist/; goal ≤ 150 kB)');
    for (const line of formatBundleRows(measureBundle('dist'))) console.log(line);
  }
  let nodeGrid: number | null = null;
  let nodeScene: number | null = null;
  let nodeHeroMs: number | null = null;
  const goals = parts.has('goals');
  if (parts.has('node') || parts.has('sampling') || parts.has('text') || goals) {
    // The baseline: the same work in Node on the project's wasm engine (one thread).
    const steps = 50;
    if (parts.has('node') || parts.has('sampling') || goals) nodeGrid = (await nodeSampling(steps)).ms;
    if (parts.has('node') || parts.has('text') || goals) nodeScene = (await nodeText(steps)).ms;
    if (parts.has('node') || goals) nodeHeroMs = (await nodeHero()).ms;
    console.log(
      `\n# Node baseline (wasm + our kernels, SIMD, 1 thread): 16 digits DDIM-${steps} w = 2: ${fmt(nodeGrid ?? NaN)}; ` +
        `one scene DDIM-${steps} w = 3 with maps: ${fmt(nodeScene ?? NaN)}; the hero's digit: ${fmt(nodeHeroMs ?? NaN)}`,
    );
  }
  const server = await serveStatic('dist');
  const isolated = await serveStatic('dist', 0, ISOLATION);
  const servers = { plain: server.url, isolated: isolated.url };
  const browser = await launch();
  try {
    console.log(`\nChromium ${browser.version()}, headless, --enable-unsafe-webgpu; backends: ${backends.join(', ')}`);
    if (goals) {
      // The goals are for a reader without a GPU: Chromium without WebGPU and with --disable-gpu,
      // the page choosing its backend by itself (on a plain static server, and cross-origin
      // isolated as the dev and preview servers are). Forced backends follow, in the suite's
      // usual Chromium (WebGPU on SwiftShader here), each figure cut off at the time limit.
      const limit = quick ? 60_000 : 300_000;
      const noGpu = await launch(['--disable-gpu'], { webgpu: false });
      const rows: GoalRow[] = [];
      try {
        for (const b of ['auto', 'auto-isolated'] as GoalBackend[]) for (const f of GOAL_FIGURES) rows.push(await benchFigureGoal(noGpu, servers, b, f, limit));
      } finally {
        await noGpu.close();
      }
      for (const b of backends) for (const f of GOAL_FIGURES) rows.push(await benchFigureGoal(browser, servers, b, f, limit));
      const node: Partial<Record<GoalFigure, number>> = { hero: nodeHeroMs ?? NaN, grid: nodeGrid ?? NaN, scene: nodeScene ?? NaN };
      console.log(`\n# Speed goals: each model figure from "running" to "done" (limit ${limit / 1000} s a figure), one table per backend`);
      for (const line of formatGoalTables(rows, node)) console.log(line);
    }
    if (parts.has('lab')) {
      // Lesson 4's lab with its defaults, as a reader without a GPU meets it: Start, then its own
      // meter read until 90% or the limit (5 minutes with --quick: the 80% goal only).
      const limit = quick ? 300_000 : 900_000;
      console.log(`\n# The lab's own meter after Start (defaults, Chromium without WebGPU and with --disable-gpu; limit ${limit / 60_000} min)`);
      const noGpu = await launch(['--disable-gpu'], { webgpu: false });
      const rows: LabGoalRow[] = [];
      try {
        for (const [where, url] of [['cross-origin isolated', servers.isolated], ['plain static server', servers.plain]] as const) {
          console.log(`${where}:`);
          rows.push(await benchLabGoal(noGpu, `${url}/lessons/denoiser-training/`, where, limit, (l) => console.log(l)));
        }
      } finally {
        await noGpu.close();
      }
      for (const line of formatLabGoalRows(rows)) console.log(line);
    }
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
      // Always the shipped model: the figure asked for is one DDIM-50 run of 16
      // digits. On SwiftShader that can take many minutes a backend, so a run
      // projected past the budget is timed for a few steps and extrapolated.
      const budget = quick ? 120_000 : 600_000;
      const limit = quick ? 300_000 : 900_000;
      console.log(
        `\n# Sampling: one DDIM-50 run of 16 digits (batch 32 with guidance 2), shipped model; ` +
          `runs projected past ${budget / 1000} s are timed for 3 steps and extrapolated (hard limit ${limit / 1000} s per backend)`,
      );
      const rows = await benchSampling(browser, servers, { backends, model: 'shipped', timeoutMs: limit, extrapolateOverMs: budget, minSteps: 3 });
      for (const line of formatSamplingRows(rows)) console.log(line);
      if (nodeGrid != null) console.log(`| Node (baseline) | wasm, 1 thread | 50/50 | ${fmt(nodeGrid)} | ${fmt(nodeGrid / 50)} | — | — | — | — | same work in Node |`);
    }
    if (parts.has('text')) {
      // Lesson 6's figure: one guided 50-step sample with every block's
      // cross-attention maps, in the text model's worker. SwiftShader WebGPU
      // is a CPU emulation: runs projected past the budget are timed for a
      // few steps and extrapolated, and the line says so.
      const budget = quick ? 60_000 : 120_000;
      const limit = quick ? 240_000 : 600_000;
      console.log(
        `\n# Text to image (lesson 6): one DDIM-50 sample, guidance 3 (batch 2), cross-attention maps of every block at every step, shipped text-scenes model; ` +
          `runs projected past ${budget / 1000} s are timed for 3 steps and extrapolated (hard limit ${limit / 1000} s per backend)`,
      );
      for (const line of formatTextRows(await benchText(browser, servers, { backends, timeoutMs: limit, extrapolateOverMs: budget, minSteps: 3 }))) console.log(line);
      if (nodeScene != null) console.log(`| Node (baseline) | wasm, 1 thread | 50/50 | ${fmt(nodeScene)} | ${fmt(nodeScene / 50)} | — | — | — | — | same work in Node |`);
    }
    if (parts.has('training')) {
      // --quick still times the default config, but one step only and under a
      // short limit: on SwiftShader one step can take minutes, and then the row
      // says it was skipped instead of holding the run up.
      const o = quick
        ? {
            tinySteps: 4,
            defaultSteps: 1,
            timeout: 120_000,
            defaultTimeout: 90_000,
            defaultBackends: ['wasm', 'wasm-threads'],
            skipReason: 'one default-config step takes minutes on an emulated GPU or plain JS; run without --quick',
          }
        : { tinySteps: 6, defaultSteps: 2, timeout: 420_000, defaultTimeout: 420_000 };
      console.log('\n# Training in the browser (Web Worker, lesson 4 lab): ms per step, and main-thread long tasks while it trains');
      console.log(
        `tiny: ?lab=tiny (width 8, two levels, batch 4), ${o.tinySteps} steps, limit ${o.timeout / 1000} s; ` +
          `default: width ${DEFAULT_SETTINGS.width}, batch ${DEFAULT_SETTINGS.batch} (the lab's defaults), ${o.defaultSteps} step(s), limit ${o.defaultTimeout / 1000} s`,
      );
      const rows = await benchTraining(() => launch(), servers, { configs: ['tiny', 'default'], backends, ...o });
      for (const line of formatTrainingRows(rows)) console.log(line);
      const measured = rows.filter((r) => Number.isFinite(r.longestTaskMs));
      if (measured.length) {
        const worst = Math.max(...measured.map((r) => r.longestTaskMs));
        const over = measured.reduce((n, r) => n + r.longTasks, 0);
        console.log(`\nLongest main-thread task while training, all runs: ${worst.toFixed(0)} ms; tasks over 50 ms: ${over} (the target is none).`);
      }
    }
    if (parts.has('soak')) {
      const o = { steps: num('--steps', 1000), runs: num('--runs', 50), samplerSteps: num('--sampler-steps', 10) };
      for (const backend of backendsArg ? backends : (['wasm'] as BenchBackend[])) {
        console.log(`\n# Soak (${backend}): ${o.steps} training steps of the tiny lab model, then ${o.runs} runs of lesson 5's grid (shipped model, DDIM-${o.samplerSteps}, 16 digits)`);
        await benchSoak(browser, servers, { backend, ...o, log: (l) => console.log(l) });
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await isolated.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
