/**
 * When the offline precache may start. It downloads and stores the whole site
 * (pages, data sets, weights) on a reader's first visit, and on a machine with
 * few cores and no GPU that work took the CPU from the figure the reader was
 * watching: the lesson's first model runs slowed down and their frames
 * stuttered. So it waits until no figure on the page has been running for a
 * moment, then for an idle period of the browser.
 */

/** Whether any figure on the page is running (figures carry data-state, see the figure hooks). */
export const figureRunning = (): boolean => document.querySelector('[data-state="running"]') !== null;

export interface QuietOptions {
  /** Whether the page is busy now. */
  busy: () => boolean;
  /** How long the page must have stayed quiet, in ms. */
  quietMs: number;
  /** How often to look, in ms. */
  everyMs: number;
  /** The latest start, whatever the page does (a figure stuck running must not keep the site from going offline). */
  maxMs: number;
}

export const PRECACHE_QUIET: QuietOptions = { busy: figureRunning, quietMs: 5_000, everyMs: 500, maxMs: 300_000 };

/**
 * Calls `start` once, when `busy` has been false at every look for `quietMs`,
 * or after `maxMs`. Returns a function that cancels the wait.
 */
export function whenQuiet(start: () => void, o: QuietOptions): () => void {
  let waited = 0;
  let quietFor = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = () => {
    waited += o.everyMs;
    quietFor = o.busy() ? 0 : quietFor + o.everyMs;
    if (quietFor >= o.quietMs || waited >= o.maxMs) start();
    else timer = setTimeout(look, o.everyMs);
  };
  timer = setTimeout(look, o.everyMs);
  return () => clearTimeout(timer);
}

/** Runs `fn` in the browser's next idle period (at the latest after `timeoutMs`), or soon where idle callbacks are missing. */
export function whenIdle(fn: () => void, timeoutMs = 5_000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: timeoutMs });
  else setTimeout(fn, 0);
}
