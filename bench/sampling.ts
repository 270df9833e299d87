/**
 * Sampling speed of lesson 5's grid mode on the built site, per TF.js backend,
 * in headless Chromium: one DDIM-50 run of 16 digits (one per class plus six
 * unconditional, guidance 2, so each step is one network call on a batch of
 * 32) with the shipped model, and the longest main-thread task seen while it
 * ran (PerformanceObserver 'longtask', i.e. tasks over 50 ms).
 *
 * The network runs in a Web Worker (src/workers/model/worker.ts); `?backend=`
 * picks the page's backend, which the worker tries first.
 *
 * Called by bench/run.ts: `rows = await benchSampling(browser, baseUrl)`.
 * Prints nothing. On SwiftShader (no GPU) a step of the shipped model takes
 * seconds, so a run whose projected total passes `extrapolateOverMs` stops
 * after `minSteps` steps and extrapolates: the first step (which compiles the
 * kernels for the batch's shapes) plus the mean of the later ones times the
 * steps left (`extrapolated: true`, from `stepsDone` steps). A run that hits
 * the time limit first reports the steps it finished (`complete: false`).
 */
import type { Browser } from 'playwright-core';
import { baseFor, BENCH_BACKENDS, longTaskCell, pageBackend, recordLongTasks, traceMainThread, rowPerBackend, runNote, timeRun, totalCell, untimed, type BenchBackend, type BenchServers, type TimedRun } from './step-timing';

export interface SamplingRow extends TimedRun {
  backend: BenchBackend;
  /** Where the network actually ran, as the widget reports it, e.g. "worker (webgpu)". */
  ranOn: string;
  /** Time to load the model and run the step-through's first step, before the grid starts. */
  warmupMs: number;
}

export interface SamplingBenchOptions {
  backends?: BenchBackend[];
  steps?: number;
  /** Per backend, ms. Default 10 minutes. */
  timeoutMs?: number;
  /** 'tiny' runs the 8×8 random test model instead (a smoke run of the bench itself). */
  model?: 'shipped' | 'tiny';
  /** Stop and extrapolate once the projected total is above this (ms). Default: never. */
  extrapolateOverMs?: number;
  /** Steps to time before extrapolating (at least 2: the first is not typical). Default 3. */
  minSteps?: number;
}

export async function benchSampling(browser: Browser, servers: BenchServers, opts: SamplingBenchOptions = {}): Promise<SamplingRow[]> {
  const { backends = [...BENCH_BACKENDS], steps = 50, timeoutMs = 600_000, model = 'shipped', extrapolateOverMs = Infinity } = opts;
  const minSteps = Math.max(2, opts.minSteps ?? 3);
  return rowPerBackend(
    browser,
    backends,
    (backend): SamplingRow => ({ backend, ranOn: '?', ...untimed(steps), warmupMs: 0 }),
    async (page, row) => {
      const { backend } = row;
      await recordLongTasks(page);
      const q = new URLSearchParams({ backend: pageBackend(backend), steps: String(steps), smp: 'ddim', digit: 'none', w: '2' });
      const baseUrl = baseFor(backend, servers);
      if (model === 'tiny') q.set('model', 'tiny');
      const w0 = Date.now();
      await page.goto(`${baseUrl}/lessons/reverse-process/?${q}`, { waitUntil: 'commit' });
      await page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor({ timeout: timeoutMs });
      row.warmupMs = Date.now() - w0;
      row.ranOn = (await page.getByTestId('where').textContent().catch(() => null))?.replace(/^The model runs in a |\.$/g, '').trim() ?? '?';
      row.ranOn += await threadsNote(page);
      const t0 = await page.evaluate(() => performance.now());
      await traceMainThread(page);
      await page.getByTestId('grid-start').click();
      await timeRun(page, row, {
        t0,
        timeoutMs,
        extrapolateOverMs,
        minSteps,
        pollMs: 200,
        progress: async () => {
          const p = await page.evaluate(() => {
            const el = document.querySelector('[data-testid="grid-progress"]') as HTMLProgressElement | null;
            return el ? { value: el.value, max: el.max, now: performance.now() } : { value: 0, max: 1, now: performance.now() };
          });
          return { value: p.value, done: p.value >= p.max && p.max === steps, now: p.now };
        },
      });
    },
  );
}

/** The table bench/run.ts prints. */
export function formatSamplingRows(rows: readonly SamplingRow[]): string[] {
  const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(2)} ms` : '—');
  return [
    '| backend | ran on | steps timed | DDIM-50 × 16 digits | ms/step | longest main-thread task (its main-thread CPU) | tasks > 50 ms | most CPU in one task | warm-up | note |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.backend} | ${r.ranOn} | ${r.stepsDone}/${r.steps} | ${totalCell(r, fmt)} | ${fmt(r.msPerStep)} | ${longTaskCell(r, fmt)} | ${r.longTasks} | ${fmt(r.maxTaskCpuMs)} | ${fmt(r.warmupMs)} | ${runNote(r)} |`,
    ),
  ];
}

/** ", 2 threads" from the badge's details when the page runs wasm on several threads. */
export async function threadsNote(page: import('playwright-core').Page): Promise<string> {
  const text = (await page.getByTestId('backend-details').first().textContent().catch(() => null)) ?? '';
  const m = /with (\d+) threads/.exec(text);
  return m ? `, ${m[1]} threads` : /on one thread/.test(text) ? ', 1 thread' : '';
}
