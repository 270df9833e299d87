/** The loss chart's log-axis ticks, with d3's scales: only the chart (loaded with the chart) needs them. */
import { format, scaleLinear, scaleLog } from 'd3';

// Formatted through d3's default locale when called, so a French page's ticks read 0,5.
const tickLabel = (v: number) => format('~g')(v);

/**
 * Labelled ticks for a log axis over [lo, hi], at most about `count` of them.
 * d3's log tickFormat blanks labels by mantissa, so a loss range that straddles
 * 1 (say 0.7–1.3) or sits inside one decade could end up with one label or
 * none; here every tick returned has a label, and there are always two or more.
 */
export function logTicks(lo: number, hi: number, count = 6): { v: number; label: string }[] {
  if (!(lo > 0 && hi > lo && Number.isFinite(hi))) return [];
  const linear = () => scaleLinear().domain([lo, hi]).ticks(count);
  let vs: number[];
  if (Math.log10(hi / lo) < 1) {
    // Inside a decade a log axis is nearly straight: evenly spaced round values read best.
    vs = linear();
  } else {
    const all = scaleLog().domain([lo, hi]).ticks();
    const mantissa = (v: number) => Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
    vs = all;
    for (const keep of [[1, 2, 5], [1, 3], [1]]) {
      if (vs.length <= count + 1) break;
      vs = all.filter((v) => keep.includes(mantissa(v)));
    }
    // Many decades: every k-th power of ten.
    if (vs.length > count + 1) {
      const k = Math.ceil(vs.length / count);
      vs = vs.filter((_, i) => i % k === 0);
    }
    if (vs.length < 2) vs = linear();
  }
  return vs.map((v) => ({ v, label: tickLabel(v) }));
}
