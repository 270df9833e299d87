/**
 * Main-thread cost of a slider event in the lessons' widgets, in headless
 * Chromium on the built site. For each event we time, in the page, from the
 * input event to the end of everything it set off on the main thread before
 * the next task: Svelte's update, the maths, the canvas draws, and a forced
 * style + layout. Charts (Observable Plot) draw on the next animation frame;
 * their cost is measured separately.
 */
import type { Browser } from 'playwright-core';

export interface RedrawCase {
  name: string;
  path: string;
  /** data-testid of an <input type=range>. */
  slider: string;
  /** Wait for this test id before measuring. */
  ready: string;
  /** And for this test id to disappear (e.g. a precomputation status). */
  gone?: string;
  /** Values to step through, in slider units. */
  values: number[];
  /** Also time the chart frame that follows (lesson 3). */
  charts?: boolean;
}

export interface RedrawResult {
  name: string;
  n: number;
  median: number;
  p95: number;
  max: number;
  chartMedian?: number;
  chartP95?: number;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export async function measureRedraw(browser: Browser, base: string, c: RedrawCase): Promise<RedrawResult> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  try {
    // tsx compiles with keepNames, which wraps functions in __name(); the page has none.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${base}${c.path}`);
    await page.getByTestId(c.ready).waitFor();
    if (c.gone) await page.getByTestId(c.gone).waitFor({ state: 'detached', timeout: 120_000 });
    await page.waitForTimeout(500);
    const { sync, frame } = await page.evaluate(
      async ({ slider, values, charts }) => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid="${slider}"]`)!;
        const nextTask = () =>
          new Promise<void>((r) => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => r();
            ch.port2.postMessage(0);
          });
        const idle = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const sync: number[] = [];
        const frame: number[] = [];
        for (const v of values) {
          await idle();
          const t0 = performance.now();
          input.value = String(v);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await nextTask(); // every microtask the event queued has run
          void document.body.offsetHeight; // style + layout
          sync.push(performance.now() - t0);
          if (charts) {
            // The chart redraw runs in the next animation frame callback.
            const t1 = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
            await new Promise<void>((r) => requestAnimationFrame(() => r()));
            frame.push(performance.now() - t1);
          }
        }
        return { sync, frame };
      },
      { slider: c.slider, values: c.values, charts: !!c.charts },
    );
    return {
      name: c.name,
      n: sync.length,
      median: quantile(sync, 0.5),
      p95: quantile(sync, 0.95),
      max: Math.max(...sync),
      ...(c.charts ? { chartMedian: quantile(frame, 0.5), chartP95: quantile(frame, 0.95) } : {}),
    };
  } finally {
    await page.close();
  }
}

const sweep = (from: number, to: number, n: number) => Array.from({ length: n }, (_, k) => Math.round(from + ((to - from) * k) / (n - 1)));

export const REDRAW_CASES: RedrawCase[] = [
  {
    name: 'lesson 2 · t slider → chain + closed form images, stats, histogram',
    path: '/lessons/forward-process/',
    slider: 't-slider',
    ready: 'panel-jump',
    gone: 'chain-status',
    values: [...sweep(0, 1000, 60), ...sweep(1000, 0, 60)],
  },
  {
    name: 'lesson 3 · t slider → 2 images',
    path: '/lessons/noise-schedules/',
    slider: 't',
    ready: 'now-a',
    values: [...sweep(0, 1000, 60), ...sweep(1000, 0, 60)],
  },
  {
    name: 'lesson 3 · T slider → 2 schedules rebuilt + 2 images + 16-frame strips',
    path: '/lessons/noise-schedules/',
    slider: 'T',
    ready: 'now-a',
    // LogSlider positions 0..400; stay in the T ≥ 8 range where the strip has 8 frames.
    values: [...sweep(120, 400, 40), ...sweep(400, 120, 40)],
    charts: true,
  },
];
