/**
 * Sampling speed of lesson 5's grid mode on the built site, per TF.js backend,
 * in headless Chromium: one DDIM-50 run of 16 digits (one per class plus six
 * unconditional, guidance 2, so each step is one network call on a batch of
 * 32) with the shipped model, and the longest main-thread task seen while it
 * ran (PerformanceObserver 'longtask', i.e. tasks over 50 ms).
 *
 * The network runs in a Web Worker (src/model/browser-worker.ts); `?backend=`
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

export type BenchBackend = 'webgpu' | 'webgl' | 'cpu';

export interface SamplingRow {
  backend: BenchBackend;
  /** Where the network actually ran, as the widget reports it, e.g. "worker (webgpu)". */
  ranOn: string;
  steps: number;
  stepsDone: number;
  complete: boolean;
  /** Wall time from the click to the last step (or to the time limit). */
  totalMs: number;
  msPerStep: number;
  /** True when `totalMs` is a projection of the whole run from the first `stepsDone` steps. */
  extrapolated: boolean;
  /** Longest main-thread task during sampling, ms (0 = none over 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  /** Time to load the model and run the step-through's first step, before the grid starts. */
  warmupMs: number;
  error?: string;
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

/**
 * The whole run's time from the first steps: step 1 as it was (it pays for
 * kernel compilation), then the later steps' mean for each step left. Null
 * with fewer than two steps.
 */
export function projectTotal(firstStepMs: number, doneMs: number, done: number, steps: number): number | null {
  if (done < 2) return null;
  return firstStepMs + ((doneMs - firstStepMs) / (done - 1)) * (steps - 1);
}

export async function benchSampling(browser: Browser, baseUrl: string, opts: SamplingBenchOptions = {}): Promise<SamplingRow[]> {
  const { backends = ['webgpu', 'webgl', 'cpu'], steps = 50, timeoutMs = 600_000, model = 'shipped', extrapolateOverMs = Infinity } = opts;
  const minSteps = Math.max(2, opts.minSteps ?? 3);
  const rows: SamplingRow[] = [];
  for (const backend of backends) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const row: SamplingRow = { backend, ranOn: '?', steps, stepsDone: 0, complete: false, totalMs: 0, msPerStep: NaN, extrapolated: false, longestTaskMs: 0, longTasks: 0, warmupMs: 0 };
    try {
      await page.addInitScript('window.__name = (f) => f');
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      const q = new URLSearchParams({ backend, steps: String(steps), smp: 'ddim', digit: 'none', w: '2' });
      if (model === 'tiny') q.set('model', 'tiny');
      const w0 = Date.now();
      await page.goto(`${baseUrl}/lessons/reverse-process/?${q}`, { waitUntil: 'commit' });
      await page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor({ timeout: timeoutMs });
      row.warmupMs = Date.now() - w0;
      row.ranOn = (await page.getByTestId('where').textContent().catch(() => null))?.replace(/^The model runs in a |\.$/g, '').trim() ?? '?';
      const t0 = await page.evaluate(() => performance.now());
      await page.getByTestId('grid-start').click();
      const deadline = Date.now() + timeoutMs;
      let firstStepMs = NaN;
      let lastDone = 0;
      let lastDoneMs = 0;
      for (;;) {
        const p = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="grid-progress"]') as HTMLProgressElement | null;
          return el ? { value: el.value, max: el.max, now: performance.now() } : { value: 0, max: 1, now: performance.now() };
        });
        row.stepsDone = p.value;
        row.totalMs = p.now - t0;
        if (p.value > lastDone) {
          lastDone = p.value;
          lastDoneMs = row.totalMs;
          if (p.value === 1) firstStepMs = row.totalMs;
        }
        if (p.value >= p.max && p.max === steps) {
          row.complete = true;
          break;
        }
        const projected = Number.isFinite(firstStepMs) ? projectTotal(firstStepMs, lastDoneMs, lastDone, steps) : null;
        const late = Date.now() > deadline;
        if (projected !== null && ((lastDone >= minSteps && projected > extrapolateOverMs) || late)) {
          row.stepsDone = lastDone;
          row.totalMs = projected;
          row.extrapolated = true;
          break;
        }
        if (late) break;
        await page.waitForTimeout(200);
      }
      row.msPerStep = row.extrapolated ? row.totalMs / steps : row.stepsDone ? row.totalMs / row.stepsDone : NaN;
      const tasks = await page.evaluate(
        ([a, b]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b),
        [t0, t0 + (row.extrapolated ? lastDoneMs : row.totalMs)] as const,
      );
      row.longTasks = tasks.length;
      row.longestTaskMs = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    } catch (e) {
      row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      await page.close();
    }
    rows.push(row);
  }
  return rows;
}
