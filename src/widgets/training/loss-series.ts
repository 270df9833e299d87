/** Loss-curve helpers for the lab's chart: plain functions over arrays. */

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
