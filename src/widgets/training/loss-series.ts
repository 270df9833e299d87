/** Loss-curve helpers for the lab's chart: plain functions over arrays. */
import { format, scaleLinear, scaleLog } from 'd3';

/** Exponential moving average with bias correction (as in Adam), so early values are not pulled to 0. */
export function smoothLosses(losses: readonly number[], beta = 0.95): number[] {
  const out = new Array<number>(losses.length);
  let m = 0;
  let k = 0;
  for (let i = 0; i < losses.length; i++) {
    const v = losses[i];
    if (!Number.isFinite(v)) {
      out[i] = NaN;
      continue;
    }
    k++;
    m = beta * m + (1 - beta) * v;
    out[i] = m / (1 - beta ** k);
  }
  return out;
}

/** At most `max` evenly spaced items, always keeping the last. */
export function thin<T>(xs: readonly T[], max: number): T[] {
  if (xs.length <= max) return [...xs];
  const stride = xs.length / max;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(xs[Math.floor(i * stride)]);
  out[out.length - 1] = xs[xs.length - 1];
  return out;
}

export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}

const tickLabel = format('~g');

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
