/**
 * Converting between the three views of one noisy sample: x_t = √ᾱ x_0 + √(1−ᾱ) ε.
 * Given x_t, knowing ε is the same as knowing x_0; these functions switch between them.
 *
 * Where ᾱ_t = 0 (the last step of a zero-terminal-SNR schedule) x_t is pure
 * noise, x_t = ε, and says nothing about x_0: the formula x_0 = (x_t − √(1−ᾱ) ε)/√ᾱ
 * is 0/0. predictX0FromEps then returns 0, the mean of the pixel prior in
 * [−1, 1], instead of NaN. A DDIM or DDPM step from that t then moves to
 * √(1−ᾱ_prev)-scaled noise, which is the right distribution for the next step
 * (diffusers avoids the question by asking for v-prediction there; an
 * ε-network has no better answer than the prior mean).
 */
import { checkLength, checkTimestep, outArray } from './checks';
import type { Schedule } from './schedule';

/** x̂_0 = x_t/√ᾱ_t − √(1/ᾱ_t − 1) ε (0 where ᾱ_t = 0; see above). */
export function predictX0FromEps(
  schedule: Schedule,
  xt: ArrayLike<number>,
  t: number,
  eps: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkTimestep(schedule, t);
  checkLength(xt, eps, 'xt', 'eps');
  const y = outArray(xt.length, out);
  if (schedule.alphaBar[t] === 0) return y.fill(0);
  const a = schedule.sqrtRecipAlphaBar[t];
  const b = schedule.sqrtRecipm1AlphaBar[t];
  for (let i = 0; i < y.length; i++) y[i] = a * xt[i] - b * eps[i];
  return y;
}

/** ε̂ = (x_t − √ᾱ_t x_0) / √(1 − ᾱ_t); equals x_t where ᾱ_t = 0. */
export function predictEpsFromX0(
  schedule: Schedule,
  xt: ArrayLike<number>,
  t: number,
  x0: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkTimestep(schedule, t);
  checkLength(xt, x0, 'xt', 'x0');
  const y = outArray(xt.length, out);
  // This form (not improved-diffusion's (x_t/√ᾱ − x_0)/√(1/ᾱ − 1)) stays finite at ᾱ = 0.
  const a = schedule.sqrtAlphaBar[t];
  const inv = 1 / schedule.sqrtOneMinusAlphaBar[t];
  for (let i = 0; i < y.length; i++) y[i] = (xt[i] - a * x0[i]) * inv;
  return y;
}
