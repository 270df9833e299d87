/**
 * The speed goals a reader feels, per backend: how long each model figure
 * takes from the moment it starts (its root's data-state turns "running",
 * DESIGN's hooks) to the moment it is done, and the longest main-thread task
 * meanwhile. Three figures, on the shipped models:
 *   - hero: lesson 1's generated digit (it starts by itself);
 *   - grid: lesson 5's sixteen digits, DDIM-50 at guidance 2 (its run button);
 *   - scene: lesson 6's default prompt with its attention maps (it starts by itself).
 *
 * "auto" rows load the page without ?backend=, so it chooses by itself, in the
 * Chromium the caller launched (bench/run.ts starts one without WebGPU and with
 * --disable-gpu: a reader with no GPU). Prints nothing; bench/run.ts prints.
 */
import type { Browser, Page } from 'playwright-core';
import { baseFor, longTasksDuring, pageBackend, recordLongTasks, stopTrace, traceMainThread, type BenchBackend, type BenchServers } from './step-timing';
import { threadsNote } from './sampling';

export type GoalFigure = 'hero' | 'grid' | 'scene';
export const GOAL_FIGURES: readonly GoalFigure[] = ['hero', 'grid', 'scene'];

/** The goals, in ms, from the issue that set them (a CPU-only reader on a 2-core machine). */
export const GOAL_MS: Record<GoalFigure, number> = { hero: 5_000, grid: 15_000, scene: 15_000 };

export const FIGURE_LABEL: Record<GoalFigure, string> = {
  hero: "lesson 1: the hero's generated digit",
  grid: 'lesson 5: 16 digits, DDIM-50, guidance 2',
  scene: "lesson 6: the default prompt's scene with its maps",
};

/** A backend to force, or 'auto' (the page's own choice) on the plain or the isolated server. */
export type GoalBackend = BenchBackend | 'auto' | 'auto-isolated';

export interface GoalRow {
  backend: GoalBackend;
  figure: GoalFigure;
  /** What the page says it ran on, e.g. "wasm, 2 threads". */
  ranOn: string;
  /** From data-state "running" to "done", ms; NaN if it never finished. */
  ms: number;
  /** From navigation to the figure being ready to start (model downloaded and loaded), ms. */
  loadMs: number;
  longestTaskMs: number;
  /** Main-thread CPU inside that task, from a Chromium trace (the rest of its wall time it waited for a core). */
  longestTaskCpuMs: number;
  longTasks: number;
  error?: string;
}

const FIGURES: Record<GoalFigure, { path: string; id: string; query: Record<string, string>; click?: string }> = {
  hero: { path: '/lessons/what-is-diffusion/', id: 'hero', query: {} },
  grid: { path: '/lessons/reverse-process/', id: 'sample-grid', query: { steps: '50', smp: 'ddim', digit: 'none', w: '2' }, click: '[data-testid="sample-grid"] [data-action="run"]' },
  scene: { path: '/lessons/text-conditioning/', id: 'attention-explorer', query: {} },
};

interface StateWindow {
  __states: { id: string; state: string; at: number }[];
}

/** Records every data-state change of every hooked root, with its time. */
async function recordStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as StateWindow;
    w.__states = [];
    const seen = new Map<Element, string>();
    const look = () => {
      for (const el of document.querySelectorAll('[data-testid][data-state]')) {
        const s = el.getAttribute('data-state') ?? '';
        if (seen.get(el) !== s) {
          seen.set(el, s);
          w.__states.push({ id: el.getAttribute('data-testid') ?? '', state: s, at: performance.now() });
        }
      }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

function urlFor(backend: GoalBackend, figure: GoalFigure, servers: BenchServers): string {
  const f = FIGURES[figure];
  const q = new URLSearchParams(f.query);
  const auto = backend === 'auto' || backend === 'auto-isolated';
  if (!auto) q.set('backend', pageBackend(backend));
  const base = backend === 'auto-isolated' ? servers.isolated! : auto ? servers.plain : baseFor(backend, servers);
  const qs = q.toString();
  return `${base}${f.path}${qs ? `?${qs}` : ''}`;
}

export async function benchFigureGoal(browser: Browser, servers: BenchServers, backend: GoalBackend, figure: GoalFigure, timeoutMs: number): Promise<GoalRow> {
  const row: GoalRow = { backend, figure, ranOn: '?', ms: NaN, loadMs: NaN, longestTaskMs: NaN, longestTaskCpuMs: NaN, longTasks: 0 };
  const f = FIGURES[figure];
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  try {
    await recordLongTasks(page);
    await recordStates(page);
    await traceMainThread(page);
    const nav = Date.now();
    await page.goto(urlFor(backend, figure, servers), { waitUntil: 'commit' });
    const root = page.locator(`figure[data-testid="${f.id}"], [data-testid="${f.id}"][data-state]`).first();
    await root.scrollIntoViewIfNeeded({ timeout: timeoutMs });
    if (f.click) {
      const button = page.locator(f.click);
      await page.waitForFunction((sel) => !(document.querySelector(sel) as HTMLButtonElement | null)?.disabled, f.click, { timeout: timeoutMs });
      row.loadMs = Date.now() - nav;
      // A real mouse click, through the browser's input pipeline, as a reader's. Playwright's
      // locator click first runs its own scripts in the page (is it visible, stable, on top?),
      // and that work landed in the run's first main-thread task: 15-30 ms of CPU not the page's.
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      if (!box) throw new Error(`${f.id}: its run button has no box on the page`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await page.evaluate((id) => (window as unknown as StateWindow).__states.filter((s) => s.id === id), f.id);
      const start = states.find((s) => s.state === 'running');
      const end = start && states.find((s) => s.at >= start.at && (s.state === 'done' || s.state === 'error'));
      if (end?.state === 'error') throw new Error(`${f.id} reported an error`);
      if (start && end) {
        row.ms = end.at - start.at;
        if (!f.click) row.loadMs = Date.now() - nav - row.ms;
        Object.assign(row, await longTasksDuring(page, start.at, end.at));
        // The trace's clock is not the page's: the long task is found in it by its wall time.
        const traced = (await stopTrace(page)) ?? [];
        const match = traced.filter((t) => Math.abs(t.wallMs - row.longestTaskMs) < 1.5).sort((a, b) => a.cpuMs - b.cpuMs);
        if (row.longestTaskMs > 0 && match.length) row.longestTaskCpuMs = match.at(-1)!.cpuMs;
        break;
      }
      if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs / 1000} s`);
      await page.waitForTimeout(100);
    }
    const badge = await page.getByTestId('backend').first().textContent().catch(() => null);
    row.ranOn = `${badge ?? '?'}${await threadsNote(page)}`;
  } catch (e) {
    row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    await stopTrace(page).catch(() => null); // a failed run must not leave the browser tracing
    await page.close();
  }
  return row;
}

function taskCell(r: GoalRow): string {
  if (!Number.isFinite(r.longestTaskMs)) return '—';
  if (r.longestTaskMs === 0) return 'none over 50 ms';
  return `${r.longestTaskMs.toFixed(0)} ms${Number.isFinite(r.longestTaskCpuMs) ? ` (CPU ${r.longestTaskCpuMs.toFixed(0)} ms)` : ''}`;
}

/** One table per backend: each figure's time next to its goal and the Node engine on the same work. */
export function formatGoalTables(rows: readonly GoalRow[], node: Partial<Record<GoalFigure, number>>, lab: Map<GoalBackend, string> = new Map()): string[] {
  const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');
  const out: string[] = [];
  for (const backend of [...new Set(rows.map((r) => r.backend))]) {
    const mine = rows.filter((r) => r.backend === backend);
    const ranOn = [...new Set(mine.map((r) => r.ranOn).filter((x) => x !== '?'))].join('; ') || '?';
    out.push('', `## ${backend === 'auto' ? 'the page chooses (plain server)' : backend === 'auto-isolated' ? 'the page chooses (cross-origin isolated server)' : backend}: ran on ${ranOn}`);
    out.push('| figure | time (running → done) | goal | met | Node baseline (same work) | longest main-thread task (its CPU) | tasks > 50 ms | load before it could start |');
    out.push('|---|---|---|---|---|---|---|---|');
    for (const r of mine) {
      const met = r.error ? r.error : r.ms <= GOAL_MS[r.figure] ? 'yes' : 'no';
      out.push(`| ${FIGURE_LABEL[r.figure]} | ${s(r.ms)} | ≤ ${s(GOAL_MS[r.figure])} | ${met} | ${s(node[r.figure] ?? NaN)} | ${taskCell(r)} | ${r.longTasks} | ${s(r.loadMs)} |`);
    }
    const l = lab.get(backend);
    if (l) out.push(`| lesson 4: the lab's time to 80 % | ${l} |`);
  }
  return out;
}
