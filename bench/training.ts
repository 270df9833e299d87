/**
 * Training speed in the browser, per backend, on the built site's lesson 4 lab
 * (the worker, the real code path): ms per training step for the default
 * config (width 24, batch 64: the shipped architecture) and the tiny test
 * config (`?lab=tiny`: width 8, two levels, batch 4), the longest main-thread
 * task while it trains, and tf.memory() bytes in the worker.
 *
 * On SwiftShader (no GPU) the default config takes 30–130 s per step, so it
 * runs only `defaultSteps` (2) steps there and the first one includes shader
 * compilation: read its "median" with that in mind. `benchTraining(browser,
 * baseUrl)` returns rows; bench/run.ts prints them.
 */
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
  /** tf.memory().numBytes in the worker after the last step. */
  tfBytes: number;
  note?: string;
}

export interface TrainingBenchOptions {
  backends?: string[];
  configs?: ('default' | 'tiny')[];
  defaultSteps?: number;
  tinySteps?: number;
  /** Per case (ms). */
  timeout?: number;
}

export async function benchTraining(browser: Browser, baseUrl: string, o: TrainingBenchOptions = {}): Promise<TrainingBenchRow[]> {
  const rows: TrainingBenchRow[] = [];
  for (const config of o.configs ?? ['tiny', 'default']) {
    for (const backend of o.backends ?? ['webgpu', 'webgl', 'cpu']) {
      const steps = config === 'tiny' ? (o.tinySteps ?? 6) : (o.defaultSteps ?? 2);
      rows.push(await benchOne(browser, baseUrl, backend, config, steps, o.timeout ?? 600_000));
    }
  }
  return rows;
}

async function benchOne(browser: Browser, base: string, backend: string, config: 'default' | 'tiny', steps: number, timeout: number): Promise<TrainingBenchRow> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const batch = config === 'tiny' ? 4 : 64;
  try {
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${base}/lessons/denoiser-training/?backend=${backend}${config === 'tiny' ? '&lab=tiny' : ''}`);
    await page.waitForSelector('[data-testid="training-lab"][data-phase="idle"]', { timeout: 180_000 });
    await page.getByTestId('one-step-mse').waitFor({ timeout: 300_000 });
    await page.evaluate(() => {
      const g = window as unknown as { __long: number[]; __ms: Map<number, number> };
      g.__long = [];
      g.__ms = new Map();
      new PerformanceObserver((l) => l.getEntries().forEach((e) => g.__long.push(e.duration))).observe({ type: 'longtask' });
      const lab = document.querySelector('[data-testid="training-lab"]')!;
      new MutationObserver(() => {
        const s = Number(lab.getAttribute('data-step'));
        if (s > 0 && !g.__ms.has(s)) g.__ms.set(s, Number(lab.getAttribute('data-ms')));
      }).observe(lab, { attributes: true });
    });
    await page.getByTestId('lab-start').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="training-lab"]')?.getAttribute('data-step')) >= n, steps, { timeout, polling: 250 });
    await page.getByTestId('lab-pause').click();
    const r = await page.evaluate(() => {
      const g = window as unknown as { __long: number[]; __ms: Map<number, number> };
      const lab = document.querySelector('[data-testid="training-lab"]')!;
      return { ms: [...g.__ms.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]), long: Math.max(0, ...g.__long), bytes: Number(lab.getAttribute('data-bytes')), active: lab.getAttribute('data-backend') };
    });
    const rest = r.ms.slice(1).sort((a, b) => a - b);
    const median = rest.length ? rest[Math.floor(rest.length / 2)] : r.ms[0];
    return {
      backend: r.active === backend ? backend : `${backend} (fell back to ${r.active})`,
      config,
      batch,
      steps: r.ms.length,
      firstStepMs: r.ms[0],
      medianMs: median,
      longestTaskMs: r.long,
      tfBytes: r.bytes,
      note: rest.length ? undefined : 'one step only: includes shader compilation',
    };
  } catch (e) {
    return { backend, config, batch, steps: 0, firstStepMs: NaN, medianMs: NaN, longestTaskMs: NaN, tfBytes: NaN, note: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  } finally {
    await context.close();
  }
}

/** Markdown table rows for bench/run.ts. */
export function formatTrainingRows(rows: TrainingBenchRow[]): string[] {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  return [
    '| backend | config | batch | steps | first step ms | median ms/step | longest main-thread task ms | tf.memory bytes | note |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.backend} | ${r.config} | ${r.batch} | ${r.steps} | ${f(r.firstStepMs)} | ${f(r.medianMs)} | ${f(r.longestTaskMs)} | ${Number.isFinite(r.tfBytes) ? (r.tfBytes / 2 ** 20).toFixed(1) + ' MB' : '—'} | ${r.note ?? ''} |`),
  ];
}
