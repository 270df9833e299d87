/**
 * DDIM (Song, Meng & Ermon 2021, eq. 12): from x_t, predict x̂_0, then jump to
 * any earlier t' along
 *   x_{t'} = √ᾱ_{t'} x̂_0 + √(1 − ᾱ_{t'} − σ²) ε̂ + σ z,
 *   σ(η) = η √((1 − ᾱ_{t'})/(1 − ᾱ_t)) √(1 − ᾱ_t/ᾱ_{t'}).
 * η = 0 is deterministic (the same x_T always gives the same image, and few
 * steps suffice); η = 1 with adjacent steps has σ² = β̃_t, the DDPM posterior
 * variance. t' = −1 is the final jump to the data (ᾱ_{−1} = 1, so σ = 0).
 */
import { checkLength, checkTimestep, outArray } from './checks';
import { predictEpsFromX0, predictX0FromEps } from './predict';
import { checkStepIndex, type Sampler, type SamplerStepResult } from './sampler';
import type { Schedule } from './schedule';
import { selectTimesteps, type TimestepSpacing } from './timesteps';

export interface DdimStepOptions {
  /** 0 (deterministic, default) to 1 (DDPM-like). */
  eta?: number;
  /** z ~ N(0, I); omitted means z = 0 (the step's mean). Unused when η = 0. */
  noise?: ArrayLike<number>;
  /** Clamp x̂_0 to the pixel range [−1, 1] and recompute ε̂ from it (improved-diffusion's ddim_sample). */
  clipX0?: boolean;
  /** Where to write x_{t'}. */
  out?: Float64Array;
}

export interface DdimStepResult {
  xPrev: Float64Array;
  x0: Float64Array;
  /** The σ used (standard deviation of the added noise). */
  sigma: number;
}

export function ddimStepDetailed(
  schedule: Schedule,
  xt: ArrayLike<number>,
  t: number,
  tPrev: number,
  eps: ArrayLike<number>,
  options: DdimStepOptions = {},
): DdimStepResult {
  const { eta = 0, noise, clipX0 = false } = options;
  checkTimestep(schedule, t);
  if (!Number.isInteger(tPrev) || tPrev < -1 || tPrev >= t) {
    throw new RangeError(`tPrev must be an integer in [-1, ${t - 1}] (below t=${t}), got ${String(tPrev)}`);
  }
  if (!(eta >= 0 && eta <= 1)) throw new RangeError(`eta must be in [0, 1], got ${String(eta)}`);
  checkLength(xt, eps, 'xt', 'eps');
  if (noise !== undefined) checkLength(xt, noise, 'xt', 'noise');

  const x0 = predictX0FromEps(schedule, xt, t, eps);
  let e: ArrayLike<number> = eps;
  if (clipX0) {
    for (let i = 0; i < x0.length; i++) x0[i] = x0[i] < -1 ? -1 : x0[i] > 1 ? 1 : x0[i];
    e = predictEpsFromX0(schedule, xt, t, x0);
  }

  const ab = schedule.alphaBar[t];
  const abPrev = tPrev >= 0 ? schedule.alphaBar[tPrev] : 1;
  // 1 − ᾱ_t > 0 always; ᾱ_{t'} > 0 since only the last index can be 0 and t' < t.
  const sigma2 = eta * eta * ((1 - abPrev) / (1 - ab)) * (1 - ab / abPrev);
  const sigma = Math.sqrt(sigma2);
  const a = Math.sqrt(abPrev);
  const d = Math.sqrt(Math.max(0, 1 - abPrev - sigma2)); // max: rounding at η = 1 must not give NaN
  const xPrev = outArray(xt.length, options.out);
  for (let i = 0; i < xPrev.length; i++) {
    xPrev[i] = a * x0[i] + d * e[i] + (noise !== undefined && sigma > 0 ? sigma * noise[i] : 0);
  }
  return { xPrev, x0, sigma };
}

/** One DDIM step from t to tPrev (−1 = the data); returns x_{tPrev}. */
export function ddimStep(
  schedule: Schedule,
  xt: ArrayLike<number>,
  t: number,
  tPrev: number,
  eps: ArrayLike<number>,
  eta: number,
  noise?: ArrayLike<number>,
): Float64Array {
  return ddimStepDetailed(schedule, xt, t, tPrev, eps, { eta, noise }).xPrev;
}

export interface DdimSamplerOptions {
  schedule: Schedule;
  /** Number of network calls, 1..T. */
  steps: number;
  /** Default 0. */
  eta?: number;
  /** Default 'linspace'. */
  spacing?: TimestepSpacing;
  clipX0?: boolean;
}

export function createDdimSampler(options: DdimSamplerOptions): Sampler {
  const { schedule, steps, eta = 0, spacing = 'linspace', clipX0 = false } = options;
  if (!(eta >= 0 && eta <= 1)) throw new RangeError(`eta must be in [0, 1], got ${String(eta)}`);
  const timesteps = selectTimesteps(schedule.T, steps, spacing);
  return {
    name: 'ddim',
    schedule,
    timesteps,
    stochastic: eta > 0,
    step(i, xt, eps, noise): SamplerStepResult {
      checkStepIndex(timesteps, i);
      const t = timesteps[i];
      const tPrev = i + 1 < timesteps.length ? timesteps[i + 1] : -1;
      const r = ddimStepDetailed(schedule, xt, t, tPrev, eps, { eta, noise, clipX0 });
      return { t, tPrev, xPrev: r.xPrev, x0: r.x0 };
    },
  };
}
