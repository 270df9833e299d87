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
import { baseFor, BENCH_BACKENDS, longTaskCell, pageBackend, recordLongTasks, traceMainThread, rowPerBackend, runNote, timeRun, totalCell, untimed, type BenchBackend, type BenchServers, type TimedRun } from './step-timing';
import { threadsNote } from './sampling';

export interface TextBenchRow extends TimedRun {
  backend: BenchBackend;
  /** Where the model ran, as the figure says, e.g. "worker (webgpu)". */
  ranOn: string;
  /** From navigation to the model being loaded in its worker. */
  loadMs: number;
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

export async function benchText(browser: Browser, servers: BenchServers, opts: TextBenchOptions = {}): Promise<TextBenchRow[]> {
  const { backends = [...BENCH_BACKENDS], steps = 50, timeoutMs = 600_000, extrapolateOverMs = Infinity, model = 'shipped' } = opts;
  const minSteps = Math.max(2, opts.minSteps ?? 3);
  return rowPerBackend(
    browser,
    backends,
    (backend): TextBenchRow => ({ backend, ranOn: '?', ...untimed(steps), loadMs: 0 }),
    async (page, row) => {
      const { backend } = row;
      await recordLongTasks(page);
      const q = new URLSearchParams({ backend: pageBackend(backend), steps: String(steps), w: '3', seed: '1', p: TEXT_BENCH_PROMPT });
      const baseUrl = baseFor(backend, servers);
      if (model === 'tiny') q.set('model', 'tiny');
      const w0 = Date.now();
      await page.goto(`${baseUrl}/lessons/text-conditioning/?${q}`, { waitUntil: 'commit' });
      const where = page.getByTestId('text-where');
      await where.waitFor({ timeout: timeoutMs });
      row.loadMs = Date.now() - w0;
      row.ranOn = ((await where.textContent())?.replace(/^The model runs in a |\.$/g, '').trim() ?? '?') + (await threadsNote(page));
      // The figure starts a run as soon as the model loads; Restart begins a
      // fresh one at a known time (the first step still pays kernel compilation
      // unless the auto run got there first, which makes the figure optimistic
      // by at most one compile).
      const t0 = await page.evaluate(() => performance.now());
      await traceMainThread(page);
      await page.getByTestId('generate').click();
      await timeRun(page, row, {
        t0,
        timeoutMs,
        extrapolateOverMs,
        minSteps,
        pollMs: 100,
        progress: async () => {
          const p = await page.evaluate(() => {
            const el = document.querySelector('[data-testid="text-progress"]') as HTMLProgressElement | null;
            const done = document.querySelector('[data-testid="text-status"]')?.textContent?.startsWith('Done') ?? false;
            return { value: el?.value ?? 0, done, now: performance.now() };
          });
          return { value: p.value, done: p.done && p.value === steps, now: p.now };
        },
      });
      if (!row.complete) {
        // Stop the worker before closing the page: on SwiftShader a run left
        // going kept the shared GPU process busy and stalled the next backend's page.
        await page.getByTestId('cancel').click();
        // The page says "Cancelled" at once; the worker stops after the step it is in.
        await page.waitForTimeout(Math.min(30_000, 1.5 * (Number.isFinite(row.msPerStep) ? row.msPerStep : 5_000)));
      }
    },
  );
}

/** The table bench/run.ts prints. */
export function formatTextRows(rows: readonly TextBenchRow[]): string[] {
  const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : '—');
  const out = [
    '| backend | ran on | steps timed | DDIM-50, w = 3, with maps | ms/step | longest main-thread task (its main-thread CPU) | tasks > 50 ms | most CPU in one task | model load | note |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    out.push(`| ${r.backend} | ${r.ranOn} | ${r.stepsDone}/${r.steps} | ${totalCell(r, fmt)} | ${fmt(r.msPerStep)} | ${longTaskCell(r, fmt)} | ${r.longTasks} | ${fmt(r.maxTaskCpuMs)} | ${fmt(r.loadMs)} | ${runNote(r)} |`);
  }
  return out;
}
