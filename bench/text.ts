/**
 * Text-to-image speed of lesson 6's figure on the built site, per TF.js
 * backend, in headless Chromium: one DDIM-50 sample of the shipped
 * text-scenes model at guidance 3 (each step one network call on a batch of
 * 2: the prompt and the empty prompt) with the cross-attention maps of every
 * block returned at every step, which is exactly what the figure asks the
 * worker for. Also the longest main-thread task while it runs.
 *
 * Called by bench/run.ts (`--only text`). Prints nothing. On SwiftShader
 * WebGPU (a CPU emulation) a run can take minutes, so a run whose projected
 * total passes `extrapolateOverMs` stops after `minSteps` steps and reports
 * step 1 + the mean of the later steps × the steps left (`extrapolated`).
 */
import type { Browser } from 'playwright-core';
import { projectTotal, type BenchBackend } from './sampling';

export interface TextBenchRow {
  backend: BenchBackend;
  /** Where the model ran, as the figure says, e.g. "worker (webgpu)". */
  ranOn: string;
  steps: number;
  stepsDone: number;
  complete: boolean;
  totalMs: number;
  msPerStep: number;
  extrapolated: boolean;
  longestTaskMs: number;
  longTasks: number;
  /** From navigation to the model being loaded in its worker. */
  loadMs: number;
  error?: string;
}

export interface TextBenchOptions {
  backends?: BenchBackend[];
  steps?: number;
  timeoutMs?: number;
  extrapolateOverMs?: number;
  minSteps?: number;
  /** 'tiny' runs the 8×8 random test model (a smoke run of the bench itself). */
  model?: 'shipped' | 'tiny';
}

export const TEXT_BENCH_PROMPT = 'a seven in the top left and 2 bottom right';

export async function benchText(browser: Browser, baseUrl: string, opts: TextBenchOptions = {}): Promise<TextBenchRow[]> {
  const { backends = ['webgpu', 'webgl', 'cpu'], steps = 50, timeoutMs = 600_000, extrapolateOverMs = Infinity, model = 'shipped' } = opts;
  const minSteps = Math.max(2, opts.minSteps ?? 3);
  const rows: TextBenchRow[] = [];
  for (const backend of backends) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const row: TextBenchRow = { backend, ranOn: '?', steps, stepsDone: 0, complete: false, totalMs: 0, msPerStep: NaN, extrapolated: false, longestTaskMs: 0, longTasks: 0, loadMs: 0 };
    try {
      await page.addInitScript('window.__name = (f) => f');
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      const q = new URLSearchParams({ backend, steps: String(steps), w: '3', seed: '1', p: TEXT_BENCH_PROMPT });
      if (model === 'tiny') q.set('model', 'tiny');
      const w0 = Date.now();
      await page.goto(`${baseUrl}/lessons/text-conditioning/?${q}`, { waitUntil: 'commit' });
      const where = page.getByTestId('text-where');
      await where.waitFor({ timeout: timeoutMs });
      row.loadMs = Date.now() - w0;
      row.ranOn = (await where.textContent())?.replace(/^The model runs in a |\.$/g, '').trim() ?? '?';
      // The figure starts a run as soon as the model loads; Restart begins a
      // fresh one at a known time (the first step still pays kernel compilation
      // unless the auto run got there first, which makes the figure optimistic
      // by at most one compile).
      const t0 = await page.evaluate(() => performance.now());
      await page.getByTestId('generate').click();
      const deadline = Date.now() + timeoutMs;
      let firstStepMs = NaN;
      let lastDone = 0;
      let lastDoneMs = 0;
      for (;;) {
        const p = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="text-progress"]') as HTMLProgressElement | null;
          const done = document.querySelector('[data-testid="text-status"]')?.textContent?.startsWith('Done') ?? false;
          return { value: el?.value ?? 0, done, now: performance.now() };
        });
        row.stepsDone = p.value;
        row.totalMs = p.now - t0;
        if (p.value > lastDone) {
          lastDone = p.value;
          lastDoneMs = row.totalMs;
          if (!Number.isFinite(firstStepMs)) firstStepMs = row.totalMs / p.value;
        }
        if (p.done && p.value === steps) {
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
        await page.waitForTimeout(100);
      }
      row.msPerStep = row.extrapolated ? row.totalMs / steps : row.stepsDone ? row.totalMs / row.stepsDone : NaN;
      const tasks = await page.evaluate(
        ([a, b]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b),
        [t0, t0 + (row.extrapolated ? lastDoneMs : row.totalMs)] as const,
      );
      row.longTasks = tasks.length;
      row.longestTaskMs = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
      if (!row.complete) {
        // Stop the worker before closing the page: on SwiftShader a run left
        // going kept the shared GPU process busy and stalled the next backend's page.
        await page.getByTestId('cancel').click();
        // The page says "Cancelled" at once; the worker stops after the step it is in.
        await page.waitForTimeout(Math.min(30_000, 1.5 * (Number.isFinite(row.msPerStep) ? row.msPerStep : 5_000)));
      }
    } catch (e) {
      row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      await page.close();
    }
    rows.push(row);
  }
  return rows;
}

/** The table bench/run.ts prints. */
export function formatTextRows(rows: readonly TextBenchRow[]): string[] {
  const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : '—');
  const out = [
    '| backend | ran on | steps timed | DDIM-50, w = 3, with maps | ms/step | longest main-thread task | tasks > 50 ms | model load | note |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const total = r.extrapolated ? `≈ ${fmt(r.totalMs)} (extrapolated)` : fmt(r.totalMs);
    const note =
      r.error ??
      (r.complete
        ? 'measured over the whole run'
        : r.extrapolated
          ? `EXTRAPOLATED from ${r.stepsDone} of ${r.steps} steps: step 1 + mean of steps 2–${r.stepsDone} × ${r.steps - 1}`
          : 'time limit reached before 2 steps; nothing to extrapolate from');
    out.push(`| ${r.backend} | ${r.ranOn} | ${r.stepsDone}/${r.steps} | ${total} | ${fmt(r.msPerStep)} | ${fmt(r.longestTaskMs)} | ${r.longTasks} | ${fmt(r.loadMs)} | ${note} |`);
  }
  return out;
}
