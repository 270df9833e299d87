/**
 * What a figure needs to show an image at the paper's time t, where t runs
 * 0..T with t = 0 the data itself (DESIGN.md's on-screen convention). The
 * schedule's arrays are indexed 0..T−1 by the step that produced the state, so
 * paper t ≥ 1 reads index t − 1.
 */
import { qSample } from './forward';
import type { Schedule } from './schedule';

/** n times from 0 to T inclusive, evenly spaced and rounded, without repeats (T = 1 gives [0, 1]). */
export function evenTimes(T: number, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const t = Math.round((k * T) / Math.max(1, n - 1));
    if (out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

/** x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε at paper time t (x_0 itself at t = 0). */
export function noisedAt(
  schedule: Schedule,
  x0: ArrayLike<number>,
  t: number,
  noise: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  if (!Number.isInteger(t) || t < 0 || t > schedule.T) {
    throw new RangeError(`t must be an integer in [0, ${schedule.T}], got ${t}`);
  }
  if (t === 0) {
    const y = out ?? new Float64Array(x0.length);
    for (let i = 0; i < y.length; i++) y[i] = x0[i];
    return y;
  }
  return qSample(schedule, x0, t - 1, noise, out);
}

/** √ᾱ at paper time t: 1 at t = 0. */
export function signalAt(schedule: Schedule, t: number): number {
  return t === 0 ? 1 : schedule.sqrtAlphaBar[t - 1];
}
