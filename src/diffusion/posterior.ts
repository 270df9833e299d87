/**
 * The forward-process posterior q(x_{t−1} | x_t, x_0) = N(μ̃_t, β̃_t). It is what
 * the reverse process imitates: DDPM plugs a predicted x_0 into μ̃_t.
 * At t = 0, x_{t−1} is the data itself, so μ̃_0 = x_0 and β̃_0 = 0.
 */
import { checkLength, checkTimestep, outArray } from './checks';
import type { Schedule } from './schedule';

/** μ̃_t = β_t √ᾱ_{t−1}/(1 − ᾱ_t) · x_0 + (1 − ᾱ_{t−1}) √α_t/(1 − ᾱ_t) · x_t. */
export function posteriorMean(
  schedule: Schedule,
  x0: ArrayLike<number>,
  xt: ArrayLike<number>,
  t: number,
  out?: Float64Array,
): Float64Array {
  checkTimestep(schedule, t);
  checkLength(x0, xt, 'x0', 'xt');
  const y = outArray(x0.length, out);
  const c1 = schedule.posteriorMeanCoef1[t];
  const c2 = schedule.posteriorMeanCoef2[t];
  for (let i = 0; i < y.length; i++) y[i] = c1 * x0[i] + c2 * xt[i];
  return y;
}

/** β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t). */
export function posteriorVariance(schedule: Schedule, t: number): number {
  checkTimestep(schedule, t);
  return schedule.posteriorVariance[t];
}
