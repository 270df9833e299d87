/**
 * The forward (noising) process q.
 *
 * Index convention (see schedule.ts): index t is the state after step t, and the
 * clean data x_0 is "index −1". So qStep(t) takes the state at t−1 (the data
 * when t = 0) to the state at t, and applying qStep for t = 0, 1, …, k to x_0
 * gives a sample distributed exactly as qSample(x_0, k): both are Gaussian with
 * mean √ᾱ_k x_0 and variance 1 − ᾱ_k.
 */
import { checkLength, checkTimestep, outArray } from './checks';
import type { Schedule } from './schedule';

/**
 * Closed form q(x_t | x_0): x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε. Training writes
 * straight into its float32 batch through `out` (computed in float64, then
 * stored), so the lessons and the trainer share this one line.
 */
export function qSample<O extends Float64Array | Float32Array = Float64Array>(
  schedule: Schedule,
  x0: ArrayLike<number>,
  t: number,
  noise: ArrayLike<number>,
  out?: O,
): O {
  checkTimestep(schedule, t);
  checkLength(x0, noise, 'x0', 'noise');
  const y = outArray(x0.length, out);
  const a = schedule.sqrtAlphaBar[t];
  const b = schedule.sqrtOneMinusAlphaBar[t];
  for (let i = 0; i < y.length; i++) y[i] = a * x0[i] + b * noise[i];
  return y;
}

/** One Markov step q(x_t | x_{t−1}): x_t = √(1 − β_t) x_{t−1} + √β_t ε. */
export function qStep(
  schedule: Schedule,
  xPrev: ArrayLike<number>,
  t: number,
  noise: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkTimestep(schedule, t);
  checkLength(xPrev, noise, 'xPrev', 'noise');
  const y = outArray(xPrev.length, out);
  const a = Math.sqrt(schedule.alphas[t]);
  const b = Math.sqrt(schedule.betas[t]);
  for (let i = 0; i < y.length; i++) y[i] = a * xPrev[i] + b * noise[i];
  return y;
}
