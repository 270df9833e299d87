/**
 * Observable Plot, loaded when the first chart draws instead of with the
 * page: it is a large part of what a lesson page would otherwise fetch before
 * anything runs. A widget builds its chart's options with the mark functions
 * here, which only record their arguments; PlotView (or `loadPlot`) turns
 * them into Plot's marks once Plot is there. Same names and types as Plot's.
 */
import type * as PlotNS from '@observablehq/plot';

export type PlotOptions = PlotNS.PlotOptions;
export type Markish = PlotNS.Markish;

const DEFERRED = Symbol('deferred mark');
type MarkName = 'line' | 'dot' | 'text' | 'ruleX' | 'ruleY' | 'link' | 'rect';
interface Deferred {
  [DEFERRED]: MarkName;
  args: unknown[];
}

function deferred<N extends MarkName>(name: N): (typeof PlotNS)[N] {
  return ((...args: unknown[]) => ({ [DEFERRED]: name, args }) as Deferred) as unknown as (typeof PlotNS)[N];
}

export const line = deferred('line');
export const dot = deferred('dot');
export const text = deferred('text');
export const ruleX = deferred('ruleX');
export const ruleY = deferred('ruleY');
export const link = deferred('link');
export const rect = deferred('rect');

let plot: Promise<typeof PlotNS> | null = null;

/** Plot itself, fetched once. */
export function loadPlot(): Promise<typeof PlotNS> {
  plot ??= import('@observablehq/plot');
  return plot;
}

function resolveMark(P: typeof PlotNS, m: unknown): unknown {
  if (Array.isArray(m)) return m.map((x) => resolveMark(P, x));
  if (m && typeof m === 'object' && DEFERRED in m) {
    const d = m as Deferred;
    return (P[d[DEFERRED]] as (...a: unknown[]) => unknown)(...d.args);
  }
  return m;
}

/**
 * The smallest text a chart draws, in CSS px: Plot's own default is 10 px,
 * which is too small to read on a phone, where charts are drawn at the
 * screen's width rather than scaled down.
 */
export const CHART_FONT_PX = 12;

/** The options with every recorded mark made by Plot, and the chart's text at least CHART_FONT_PX. */
export function resolveOptions(P: typeof PlotNS, options: PlotOptions): PlotOptions {
  const style = options.style === undefined ? { fontSize: `${CHART_FONT_PX}px` } : options.style;
  return { ...options, style, ...(options.marks ? { marks: resolveMark(P, options.marks) as PlotNS.Markish[] } : {}) };
}
