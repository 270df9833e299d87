/**
 * Timing a figure's sampling run from outside the page, shared by the
 * sampling and text benches: progress polled from the DOM, a slow run's total
 * projected from its first steps, and the main thread's long tasks while it
 * ran (PerformanceObserver 'longtask', i.e. tasks over 50 ms). A long task's
 * wall time includes any time the OS gave the main thread's core to someone
 * else (the model's worker, SwiftShader's threads, another process), so a
 * Chromium trace of the run also gives each task's main-thread CPU time: the
 * part our page's code and rendering actually cost.
 */
import type { Browser, Page } from 'playwright-core';

/** 'wasm-threads' is wasm on a cross-origin isolated page (several threads); 'wasm' on a plain static server (one). */
export type BenchBackend = 'webgpu' | 'webgl' | 'wasm' | 'wasm-threads' | 'cpu';

export const BENCH_BACKENDS: readonly BenchBackend[] = ['wasm', 'wasm-threads', 'webgl', 'webgpu', 'cpu'];

/** The `?backend=` value a bench backend is forced with. */
export function pageBackend(b: BenchBackend): string {
  return b === 'wasm-threads' ? 'wasm' : b;
}

/** Where a bench backend's page is served from: the isolated server for threads. */
export interface BenchServers {
  plain: string;
  isolated?: string;
}

export function baseFor(b: BenchBackend, servers: BenchServers): string {
  if (b !== 'wasm-threads') return servers.plain;
  if (!servers.isolated) throw new Error('wasm-threads needs the cross-origin isolated server');
  return servers.isolated;
}

/** What a bench row reports about one timed run. */
export interface TimedRun {
  steps: number;
  stepsDone: number;
  complete: boolean;
  /** Wall time from the start to the last step (or to the time limit). */
  totalMs: number;
  msPerStep: number;
  /** True when `totalMs` is a projection of the whole run from the first `stepsDone` steps. */
  extrapolated: boolean;
  /** Longest main-thread task during the run, ms (0 = none over 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  /** Main-thread CPU time inside the longest task, ms (NaN without a trace). */
  longestTaskCpuMs: number;
  /** The most main-thread CPU time any single task took during the run, ms (NaN without a trace). */
  maxTaskCpuMs: number;
  error?: string;
}

/** A row before anything is timed. */
export function untimed(steps: number): TimedRun {
  return { steps, stepsDone: 0, complete: false, totalMs: 0, msPerStep: NaN, extrapolated: false, longestTaskMs: 0, longTasks: 0, longestTaskCpuMs: NaN, maxTaskCpuMs: NaN };
}

/**
 * Measures each backend in turn on a fresh page. A backend that fails gets
 * its message as the row's `error` and the next one still runs; its page is
 * closed either way, so one stuck backend cannot slow the next.
 */
export async function rowPerBackend<R extends TimedRun & { backend: BenchBackend }>(
  browser: Browser,
  backends: readonly BenchBackend[],
  blank: (backend: BenchBackend) => R,
  measure: (page: Page, row: R) => Promise<void>,
): Promise<R[]> {
  const rows: R[] = [];
  for (const backend of backends) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const row = blank(backend);
    try {
      await measure(page, row);
    } catch (e) {
      row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      await page.close();
    }
    rows.push(row);
  }
  return rows;
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

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts?: number; dur?: number; tdur?: number; args?: { name?: string } }

const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Wall and CPU time (ms) of each task the page's main thread ran, from a
 * Chromium trace: the outermost task events on CrRendererMain ('toplevel'
 * names them ThreadControllerImpl::RunTask; the devtools category adds a
 * RunTask around each).
 */
export function mainThreadTasks(events: readonly TraceEvent[]): { wallMs: number; cpuMs: number }[] {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && main.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const out: { wallMs: number; cpuMs: number }[] = [];
  let end = -Infinity;
  for (const e of tasks) {
    const ts = e.ts ?? 0;
    if (ts < end) continue; // nested inside the task before it
    end = ts + (e.dur ?? 0);
    out.push({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? NaN) / 1000 });
  }
  return out;
}

const tracing = new WeakSet<Page>();

/** Starts tracing the page's main thread; call just before the run starts, and timeRun reads the trace. */
export async function traceMainThread(page: Page): Promise<void> {
  const browser = page.context().browser();
  if (!browser) return;
  await browser.startTracing(page, { categories: ['toplevel'] });
  tracing.add(page);
}

/** The main thread's tasks since traceMainThread, or null when it was not tracing. */
export async function stopTrace(page: Page): Promise<{ wallMs: number; cpuMs: number }[] | null> {
  if (!tracing.has(page)) return null;
  tracing.delete(page);
  const buf = await page.context().browser()!.stopTracing();
  return mainThreadTasks((JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents);
}

type LongTaskWindow = Window & { __longTasks: { start: number; duration: number }[] };

/** The long tasks (recordLongTasks) that overlap [from, to] in the page's clock: how many, and the longest (ms). */
export async function longTasksDuring(page: Page, from: number, to: number): Promise<{ longTasks: number; longestTaskMs: number }> {
  const tasks = await page.evaluate(
    ([a, b]) => (window as unknown as LongTaskWindow).__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b),
    [from, to] as const,
  );
  return { longTasks: tasks.length, longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0) };
}

/** Records the page's long tasks from its first script on: call before `goto`. */
export async function recordLongTasks(page: Page): Promise<void> {
  // tsx compiles with keepNames, which wraps functions in __name(); the page has none.
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(() => {
    const w = window as unknown as LongTaskWindow;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export interface StepProgress {
  /** Steps finished. */
  value: number;
  /** The run has finished every step. */
  done: boolean;
  /** performance.now() in the page. */
  now: number;
}

export interface TimeRunOptions {
  /** performance.now() in the page when the run was started. */
  t0: number;
  timeoutMs: number;
  /** Stop and extrapolate once the projected total is above this (ms). */
  extrapolateOverMs: number;
  /** Steps to time before extrapolating (at least 2: the first is not typical). */
  minSteps: number;
  pollMs: number;
  progress: () => Promise<StepProgress>;
}

/**
 * Follows a started run until it finishes, passes the time limit, or is
 * projected past `extrapolateOverMs` after `minSteps` steps, writing what it
 * sees into `row` as it goes (so a row whose page fails midway keeps the
 * steps it got to); then counts the long tasks of the timed span.
 */
export async function timeRun(page: Page, row: TimedRun, o: TimeRunOptions): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  let firstStepMs = NaN;
  let lastDone = 0;
  let lastDoneMs = 0;
  for (;;) {
    const p = await o.progress();
    row.stepsDone = p.value;
    row.totalMs = p.now - o.t0;
    if (p.value > lastDone) {
      lastDone = p.value;
      lastDoneMs = row.totalMs;
      // A poll can miss step 1; then the steps seen share its cost evenly.
      if (!Number.isFinite(firstStepMs)) firstStepMs = row.totalMs / p.value;
    }
    if (p.done) {
      row.complete = true;
      break;
    }
    const projected = Number.isFinite(firstStepMs) ? projectTotal(firstStepMs, lastDoneMs, lastDone, row.steps) : null;
    const late = Date.now() > deadline;
    if (projected !== null && ((lastDone >= o.minSteps && projected > o.extrapolateOverMs) || late)) {
      row.stepsDone = lastDone;
      row.totalMs = projected;
      row.extrapolated = true;
      break;
    }
    if (late) break;
    await page.waitForTimeout(o.pollMs);
  }
  row.msPerStep = row.extrapolated ? row.totalMs / row.steps : row.stepsDone ? row.totalMs / row.stepsDone : NaN;
  Object.assign(row, await longTasksDuring(page, o.t0, o.t0 + (row.extrapolated ? lastDoneMs : row.totalMs)));
  const runTasks = await stopTrace(page);
  if (runTasks) {
    const longest = runTasks.reduce((a, t) => (t.wallMs > a.wallMs ? t : a), { wallMs: 0, cpuMs: 0 });
    row.longestTaskCpuMs = longest.cpuMs;
    row.maxTaskCpuMs = runTasks.reduce((m, t) => Math.max(m, Number.isFinite(t.cpuMs) ? t.cpuMs : 0), 0);
  }
}

/** The long-task cell: the longest task's wall time, and the main-thread CPU time inside it. */
export function longTaskCell(r: TimedRun, fmt: (ms: number) => string): string {
  if (!r.longestTaskMs) return '0 (none over 50 ms)';
  return Number.isFinite(r.longestTaskCpuMs) ? `${fmt(r.longestTaskMs)} (CPU ${fmt(r.longestTaskCpuMs)})` : fmt(r.longestTaskMs);
}

/** The total column of a bench table: measured, or marked as a projection. */
export function totalCell(r: TimedRun, fmt: (ms: number) => string): string {
  return r.extrapolated ? `≈ ${fmt(r.totalMs)} (extrapolated)` : fmt(r.totalMs);
}

/** The note column: how the total was got, or why the row has none. */
export function runNote(r: TimedRun): string {
  return (
    r.error ??
    (r.complete
      ? 'measured over the whole run'
      : r.extrapolated
        ? `EXTRAPOLATED from ${r.stepsDone} of ${r.steps} steps: step 1 + mean of steps 2–${r.stepsDone} × ${r.steps - 1}`
        : 'time limit reached before 2 steps; nothing to extrapolate from')
  );
}
