/**
 * Training speed in the browser, per backend, on the built site's lesson 4 lab
 * (the worker, the real code path): ms per training step for the default
 * config (the lab's defaults, src/train/lab-settings.ts) and the tiny test
 * config (`?lab=tiny`: width 8, two levels, batch 4), the longest main-thread
 * task while it trains, and tf.memory() bytes in the worker.
 *
 * On SwiftShader (no GPU) the default config takes 30–130 s per step, so it
 * runs only `defaultSteps` (2) steps there and the first one includes shader
 * compilation: read its "median" with that in mind. A case that finishes no
 * step within its time limit is reported as skipped, with the limit, rather
 * than as a failure. `benchTraining(browser, baseUrl)` returns rows;
 * bench/run.ts prints them.
 */
import { READABLE_STEPS } from '../src/train/lab-estimate';
import { DEFAULT_SETTINGS } from '../src/train/lab-settings';
import { baseFor, BENCH_BACKENDS, pageBackend, type BenchBackend, type BenchServers } from './step-timing';
import type { Browser } from 'playwright-core';

export interface TrainingBenchRow {
  backend: string;
  config: 'default' | 'tiny';
  batch: number;
  /** Steps timed (the first, with shader compilation, is reported apart). */
  steps: number;
  firstStepMs: number;
  /** Median of the steps after the first (the first, if only one ran). */
  medianMs: number;
  longestTaskMs: number;
  /** Main-thread tasks over 50 ms while it trained. */
  longTasks: number;
  /** tf.memory().numBytes in the worker after the last step. */
  tfBytes: number;
  note?: string;
}

export interface TrainingBenchOptions {
  backends?: string[];
  configs?: ('default' | 'tiny')[];
  defaultSteps?: number;
  tinySteps?: number;
  /** Per case, from the click on Start (ms). */
  timeout?: number;
  /** Per default-config case, when it should differ from `timeout` (ms). */
  defaultTimeout?: number;
  /** Backends to time the default config on (default: all); the others get a row that says why not. */
  defaultBackends?: string[];
  skipReason?: string;
}

/** A browser, or a way to start one per case (see benchTraining). */
export type BrowserSource = Browser | (() => Promise<Browser>);

/**
 * Pass a launcher rather than a browser to start a fresh browser per case: a
 * step cut off at its time limit keeps SwiftShader's GPU process busy for
 * minutes after its page is closed, and the next case in the same browser then
 * cannot even start TF.js.
 */
export async function benchTraining(source: BrowserSource, servers: BenchServers, o: TrainingBenchOptions = {}): Promise<TrainingBenchRow[]> {
  const rows: TrainingBenchRow[] = [];
  for (const config of o.configs ?? ['tiny', 'default']) {
    for (const backend of o.backends ?? [...BENCH_BACKENDS]) {
      const batch = config === 'tiny' ? 4 : DEFAULT_SETTINGS.batch;
      if (config === 'default' && o.defaultBackends && !o.defaultBackends.includes(backend)) {
        rows.push({ backend, config, batch, steps: 0, firstStepMs: NaN, medianMs: NaN, longestTaskMs: NaN, longTasks: NaN, tfBytes: NaN, note: `skipped: ${o.skipReason ?? 'not asked for'}` });
        continue;
      }
      const steps = config === 'tiny' ? (o.tinySteps ?? 6) : (o.defaultSteps ?? 2);
      const timeout = config === 'default' ? (o.defaultTimeout ?? o.timeout ?? 600_000) : (o.timeout ?? 600_000);
      const browser = typeof source === 'function' ? await source() : source;
      try {
        rows.push(await benchOne(browser, baseFor(backend as BenchBackend, servers), backend, config, steps, timeout));
      } finally {
        if (typeof source === 'function') await browser.close();
      }
    }
  }
  return rows;
}

async function benchOne(browser: Browser, base: string, backend: string, config: 'default' | 'tiny', steps: number, timeout: number): Promise<TrainingBenchRow> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const batch = config === 'tiny' ? 4 : DEFAULT_SETTINGS.batch;
  try {
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${base}/lessons/denoiser-training/?backend=${pageBackend(backend as BenchBackend)}${config === 'tiny' ? '&lab=tiny' : ''}`);
    await page.waitForSelector('[data-testid="training-lab"] [data-phase="idle"]', { timeout: 180_000 });
    await page.getByTestId('one-step-mse').waitFor({ timeout: 300_000 });
    await page.evaluate(() => {
      const g = window as unknown as { __long: number[]; __ms: Map<number, number> };
      g.__long = [];
      g.__ms = new Map();
      new PerformanceObserver((l) => l.getEntries().forEach((e) => g.__long.push(e.duration))).observe({ type: 'longtask' });
      const lab = document.querySelector('[data-testid="training-lab"] [data-phase]')!;
      new MutationObserver(() => {
        const s = Number(lab.getAttribute('data-step'));
        if (s > 0 && !g.__ms.has(s)) g.__ms.set(s, Number(lab.getAttribute('data-ms')));
      }).observe(lab, { attributes: true });
    });
    await page.getByTestId('lab-start').click();
    let timedOut = false;
    try {
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-step')) >= n, steps, { timeout, polling: 250 });
      await page.getByTestId('lab-pause').click();
    } catch (e) {
      if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
      timedOut = true;
    }
    const r = await page.evaluate(() => {
      const g = window as unknown as { __long: number[]; __ms: Map<number, number> };
      const lab = document.querySelector('[data-testid="training-lab"] [data-phase]')!;
      return {
        ms: [...g.__ms.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]),
        long: Math.max(0, ...g.__long),
        longCount: g.__long.filter((d) => d > 50).length,
        bytes: Number(lab.getAttribute('data-bytes')),
        active: lab.getAttribute('data-backend'),
      };
    });
    const ranOn = r.active === pageBackend(backend as BenchBackend) ? backend : `${backend} (fell back to ${r.active})`;
    const limit = `${Math.round(timeout / 1000)} s`;
    if (r.ms.length === 0) {
      return { backend: ranOn, config, batch, steps: 0, firstStepMs: NaN, medianMs: NaN, longestTaskMs: r.long, longTasks: r.longCount, tfBytes: NaN, note: `skipped: no step finished within ${limit} (software GPU?)` };
    }
    const rest = r.ms.slice(1).sort((a, b) => a - b);
    const median = rest.length ? rest[Math.floor(rest.length / 2)] : r.ms[0];
    return {
      backend: ranOn,
      config,
      batch,
      steps: r.ms.length,
      firstStepMs: r.ms[0],
      medianMs: median,
      longestTaskMs: r.long,
      longTasks: r.longCount,
      tfBytes: r.bytes,
      note: [rest.length ? '' : 'one step only: includes shader compilation', timedOut ? `stopped at the ${limit} limit` : ''].filter(Boolean).join('; ') || undefined,
    };
  } catch (e) {
    return { backend, config, batch, steps: 0, firstStepMs: NaN, medianMs: NaN, longestTaskMs: NaN, longTasks: NaN, tfBytes: NaN, note: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  } finally {
    await context.close();
  }
}

/** Markdown table rows for bench/run.ts. */
/**
 * The lab's time to readable digits on the default config, extrapolated from
 * the measured ms per step and the steps the same recipe needed in its
 * measured run (src/train/lab-estimate.ts: the lab's own estimate).
 */
export function toReadableCell(r: Pick<TrainingBenchRow, 'config' | 'medianMs'>): string {
  if (r.config !== 'default' || !Number.isFinite(r.medianMs) || !(r.medianMs > 0)) return '—';
  return `≈ ${((r.medianMs * READABLE_STEPS) / 60_000).toFixed(1)} min (extrapolated)`;
}

export function formatTrainingRows(rows: TrainingBenchRow[]): string[] {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  return [
    `| backend | config | batch | steps | first step ms | median ms/step | to readable digits (${READABLE_STEPS} steps) | longest main-thread task ms | tasks > 50 ms | tf.memory | note |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.backend} | ${r.config} | ${r.batch} | ${r.steps} | ${f(r.firstStepMs)} | ${f(r.medianMs)} | ${toReadableCell(r)} | ${f(r.longestTaskMs)} | ${f(r.longTasks)} | ${Number.isFinite(r.tfBytes) ? (r.tfBytes / 2 ** 20).toFixed(1) + ' MB' : '—'} | ${r.note ?? ''} |`),
  ];
}
