/**
 * Soak: hours of use in minutes. On the built site in headless Chromium, the
 * lesson 4 lab trains its tiny preset (`?lab=tiny`) for many steps, then
 * lesson 5's grid samples 16 digits with the shipped model many times over,
 * and at intervals this reads, in the worker that does the work, TF.js'
 * tensor count and bytes and the worker's JS heap, and the page's JS heap
 * (CDP's Runtime.getHeapUsage, each after a forced garbage collection) and
 * its DOM nodes and event listeners (Memory.getDOMCounters): a widget that
 * adds a node or a listener per step shows there long before in the heap.
 *
 * Each series gets a verdict: its floor over the last third of the readings
 * against its floor over the first third (the reading before any work left
 * out, so kernels, optimiser state and caches exist in both); growth over 5%
 * reads as a leak. The floor, because a heap read while a training step is in
 * flight carries that step's garbage on top of what is kept: noise only adds,
 * and a leak raises the floor. Tensor counts should not move at all.
 *
 * Warm-up is what grows once and stops: the optimiser's state and TF.js'
 * kernels in the worker, and in the page V8's compiled code, which keeps
 * growing for the first minutes (functions run once per step or per chart
 * redraw reach the optimising tiers only after many calls; V8's
 * --trace-gc-verbose shows it in the code and trusted spaces, then flat).
 * The first third's floor takes all of it in once that third lasts longer
 * than the warm-up; a run of only a few minutes can read warm-up as growth,
 * so soak longer (more --steps) before calling a leak.
 * What the page keeps per step must itself be bounded (the lab's loss
 * curve is, see src/widgets/training/loss-series.ts).
 *
 * `npm run bench -- --only soak [--steps 1000] [--runs 50]`; bench/run.ts
 * prints what `benchSoak` logs.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { OFFLINE_PREF_KEY } from '../site/offline/offline-status';
import { baseFor, pageBackend, type BenchBackend, type BenchServers } from './step-timing';

export interface SoakOptions {
  backend: BenchBackend;
  /** Training steps of the tiny lab model. */
  steps: number;
  /** Sampling runs of lesson 5's grid. */
  runs: number;
  /** DDIM steps per sampling run. */
  samplerSteps: number;
  /** Readings per series, besides the first. */
  readings?: number;
  log: (line: string) => void;
}

export interface SoakReading {
  /** Training step, or sampling runs done. */
  at: number;
  tensors: number;
  tfBytes: number;
  workerHeap: number;
  pageHeap: number;
  domNodes: number;
  listeners: number;
}

/** Growth above this fraction of the first reading is called a leak. */
export const LEAK_TOLERANCE = 0.05;

export interface Verdict {
  first: number;
  last: number;
  growth: number;
  leak: boolean;
}

/**
 * The lowest value of the last third against the lowest of the first third
 * (thirds rounded up, so two readings compare one with the other). A series
 * that starts at 0 leaks as soon as it is above 0.
 */
export function verdict(values: number[], tolerance = LEAK_TOLERANCE): Verdict {
  if (values.length === 0) throw new Error('verdict of no readings');
  const third = Math.ceil(values.length / 3);
  const first = Math.min(...values.slice(0, third));
  const last = Math.min(...values.slice(-third));
  const growth = first === 0 ? (last > 0 ? Infinity : 0) : (last - first) / first;
  return { first, last, growth, leak: growth > tolerance };
}

const METRICS: { key: keyof Omit<SoakReading, 'at'>; label: string; fmt: (v: number) => string }[] = [
  { key: 'tensors', label: 'tensors', fmt: (v) => String(v) },
  { key: 'tfBytes', label: 'TF.js bytes', fmt: (v) => mb(v) },
  { key: 'workerHeap', label: 'worker JS heap', fmt: (v) => mb(v) },
  { key: 'pageHeap', label: 'page JS heap', fmt: (v) => mb(v) },
  { key: 'domNodes', label: 'page DOM nodes', fmt: (v) => String(v) },
  { key: 'listeners', label: 'page event listeners', fmt: (v) => String(v) },
];

function mb(v: number): string {
  return Number.isFinite(v) ? `${(v / 2 ** 20).toFixed(2)} MB` : '—';
}

/** Markdown rows: one verdict per metric of a series. */
export function verdictRows(series: string, readings: SoakReading[]): string[] {
  // The first reading is skipped when there are more: it is taken before any work.
  const rows = readings.length > 2 ? readings.slice(1) : readings;
  return METRICS.map((m) => {
    const values = rows.map((r) => r[m.key]);
    if (values.some((v) => !Number.isFinite(v))) return `| ${series} | ${m.label} | — | — | — | not measured |`;
    const v = verdict(values);
    const pct = Number.isFinite(v.growth) ? `${(v.growth * 100).toFixed(1)}%` : '∞';
    return `| ${series} | ${m.label} | ${m.fmt(v.first)} | ${m.fmt(v.last)} | ${pct} | ${v.leak ? `growth > ${LEAK_TOLERANCE * 100}%: leak` : 'flat'} |`;
  });
}

/**
 * CDP into the page's workers: Playwright does not hand out a worker's CDP
 * session, so a page session auto-attaches to them (non-flat) and talks to
 * each through Target.sendMessageToTarget.
 */
class Inspector {
  private workers = new Map<string, string>();
  private pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private id = 0;
  private constructor(readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      // Every TF.js worker runs the same script (src/workers/tf-worker.ts); its role is its name, which CDP gives as the title.
      if (e.targetInfo.type === 'worker') this.workers.set(e.sessionId, `${e.targetInfo.title} ${new URL(e.targetInfo.url).pathname}`);
    });
    cdp.on('Target.detachedFromTarget', (e) => this.workers.delete(e.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const p = m.id != null ? this.pending.get(m.id) : undefined;
      if (!p) return;
      this.pending.delete(m.id!);
      if (m.error) p.fail(new Error(m.error.message));
      else p.ok(m.result);
    });
  }
  static async attach(page: Page): Promise<Inspector> {
    const ins = new Inspector(await page.context().newCDPSession(page));
    await ins.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return ins;
  }
  private call<T>(sessionId: string, method: string, params: object = {}): Promise<T> {
    const id = ++this.id;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail);
    });
  }
  /** The session of the worker whose name (role) or script path matches. */
  worker(match: RegExp): string {
    for (const [s, what] of this.workers) if (match.test(what)) return s;
    throw new Error(`no worker matching ${match} (have: ${[...this.workers.values()].join(', ') || 'none'})`);
  }
  async workerHeap(session: string): Promise<number> {
    await this.call(session, 'HeapProfiler.collectGarbage');
    return (await this.call<{ usedSize: number }>(session, 'Runtime.getHeapUsage')).usedSize;
  }
  /** tf.memory() in the worker: TF.js keeps its engine on the global object. */
  async workerTf(session: string): Promise<{ numTensors: number; numBytes: number }> {
    const r = await this.call<{ result: { value?: { numTensors: number; numBytes: number } } }>(session, 'Runtime.evaluate', {
      expression: 'globalThis._tfengine ? (({numTensors, numBytes}) => ({numTensors, numBytes}))(globalThis._tfengine.memory()) : null',
      returnByValue: true,
    });
    return r.result.value ?? { numTensors: NaN, numBytes: NaN };
  }
  async pageHeap(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    return (await this.cdp.send('Runtime.getHeapUsage')).usedSize;
  }
  /** Nodes and listeners alive in the page (after pageHeap's collection, so detached ones are gone). */
  async pageDom(): Promise<{ domNodes: number; listeners: number }> {
    const c = await this.cdp.send('Memory.getDOMCounters');
    return { domNodes: c.nodes, listeners: c.jsEventListeners };
  }
}

const LAB = '[data-testid="training-lab"] [data-phase]';

async function soakTraining(page: Page, base: string, o: SoakOptions): Promise<SoakReading[]> {
  const ins = await Inspector.attach(page);
  await page.goto(`${base}/lessons/denoiser-training/?lab=tiny&backend=${pageBackend(o.backend)}`);
  await page.waitForSelector(`${LAB}[data-phase="idle"]`, { timeout: 180_000 });
  // The one-step panel samples with the shipped model first; let it finish.
  await page.getByTestId('one-step-mse').waitFor({ timeout: 300_000 });
  const worker = ins.worker(/^training /);
  const every = Math.max(1, Math.round(o.steps / (o.readings ?? 10)));
  const readings: SoakReading[] = [];
  const read = async (at: number, fromLab: boolean): Promise<SoakReading> => {
    // While it trains, the lab's own figures (taken right after a step, when
    // only the model, the optimiser and the data are alive) are steadier than
    // a reading in the middle of a step.
    const tf = fromLab
      ? {
          numTensors: Number(await page.getByTestId('lab-tensors').textContent()),
          numBytes: Number(await page.locator(LAB).first().getAttribute('data-bytes')),
        }
      : await ins.workerTf(worker);
    const r = { at, tensors: tf.numTensors, tfBytes: tf.numBytes, workerHeap: await ins.workerHeap(worker), pageHeap: await ins.pageHeap(), ...(await ins.pageDom()) };
    o.log(row('training', r));
    return r;
  };
  readings.push(await read(0, false));
  await page.getByTestId('lab-start').click();
  const limit = Math.max(600_000, o.steps * 5_000);
  for (let next = every; next <= o.steps; next += every) {
    await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel)?.getAttribute('data-step')) >= n, [LAB, next] as const, { timeout: limit, polling: 200 });
    const step = Number(await page.locator(LAB).first().getAttribute('data-step'));
    readings.push(await read(step, true));
  }
  await page.getByTestId('lab-pause').click();
  await page.waitForSelector(`${LAB}[data-phase="paused"]`, { timeout: 120_000 });
  return readings;
}

async function soakSampling(page: Page, base: string, o: SoakOptions): Promise<SoakReading[]> {
  const ins = await Inspector.attach(page);
  const q = new URLSearchParams({ backend: pageBackend(o.backend), steps: String(o.samplerSteps), smp: 'ddim', digit: 'none', w: '2' });
  await page.goto(`${base}/lessons/reverse-process/?${q}`, { waitUntil: 'commit' });
  await page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 300_000 });
  const worker = ins.worker(/^model /);
  // Counts the grid's runs from inside the page, so that a run too quick to
  // see from here is still counted.
  await page.evaluate(() => {
    const g = window as unknown as { __soakDone: number };
    g.__soakDone = 0;
    const grid = document.querySelector('[data-testid="sample-grid"]')!;
    let was = grid.getAttribute('data-state');
    new MutationObserver(() => {
      const now = grid.getAttribute('data-state');
      if (now === 'done' && was !== 'done') g.__soakDone++;
      was = now;
    }).observe(grid, { attributes: true, attributeFilter: ['data-state'] });
  });
  const every = Math.max(1, Math.round(o.runs / (o.readings ?? 10)));
  const readings: SoakReading[] = [];
  const read = async (at: number): Promise<SoakReading> => {
    const tf = await ins.workerTf(worker);
    const r = { at, tensors: tf.numTensors, tfBytes: tf.numBytes, workerHeap: await ins.workerHeap(worker), pageHeap: await ins.pageHeap(), ...(await ins.pageDom()) };
    o.log(row('sampling', r));
    return r;
  };
  readings.push(await read(0));
  const run = page.getByTestId('sample-grid').locator('[data-action="run"]');
  for (let i = 1; i <= o.runs; i++) {
    await run.click();
    await page.waitForFunction((n) => (window as unknown as { __soakDone: number }).__soakDone >= n, i, { timeout: 300_000, polling: 100 });
    if (i % every === 0 || i === o.runs) readings.push(await read(i));
  }
  return readings;
}

function row(series: string, r: SoakReading): string {
  return `| ${series} | ${r.at} | ${r.tensors} | ${mb(r.tfBytes)} | ${mb(r.workerHeap)} | ${mb(r.pageHeap)} | ${r.domNodes} | ${r.listeners} |`;
}

/** Runs both series in fresh contexts of `browser`; logs readings as they come, then the verdicts. */
export async function benchSoak(browser: Browser, servers: BenchServers, o: SoakOptions): Promise<{ training: SoakReading[]; sampling: SoakReading[] }> {
  const base = baseFor(o.backend, servers);
  const series = async (f: (page: Page, base: string, o: SoakOptions) => Promise<SoakReading[]>) => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    // The offline precache would download the whole site in the background.
    await context.addInitScript((key) => localStorage.setItem(key, 'off'), OFFLINE_PREF_KEY);
    await context.addInitScript('window.__name = (f) => f');
    try {
      return await f(await context.newPage(), base, o);
    } finally {
      await context.close();
    }
  };
  o.log('| series | step / runs | tensors | TF.js bytes | worker JS heap | page JS heap | page DOM nodes | page listeners |');
  o.log('|---|---|---|---|---|---|---|---|');
  const training = o.steps > 0 ? await series(soakTraining) : [];
  const sampling = o.runs > 0 ? await series(soakSampling) : [];
  o.log('');
  o.log(`| series | measure | first third | last third | growth | verdict (lowest of the last third of the readings vs lowest of the first third; leak above ${LEAK_TOLERANCE * 100}%) |`);
  o.log('|---|---|---|---|---|---|');
  if (training.length) for (const l of verdictRows(`training, ${o.steps} steps`, training)) o.log(l);
  if (sampling.length) for (const l of verdictRows(`sampling, ${o.runs} runs`, sampling)) o.log(l);
  return { training, sampling };
}
