/**
 * DDPM ancestral sampling (Ho et al. 2020, Algorithm 2): predict x̂_0 from ε̂,
 * take the posterior mean μ̃_t(x̂_0, x_t), add σ_t z. Written through x̂_0 (as
 * improved-diffusion does) so the x̂_0 shown on screen is the one used, and so
 * clipping x̂_0 is possible; unclipped, μ equals Ho's
 * (x_t − β_t/√(1−ᾱ_t) ε̂)/√α_t.
 *
 * σ²: 'beta' (σ² = β_t) or 'posterior' (σ² = β̃_t); Ho et al. found both give
 * similar samples at T = 1000; β̃ is much better with few respaced steps.
 */
import { checkLength, outArray } from './checks';
import { posteriorMean } from './posterior';
import { predictX0FromEps } from './predict';
import { respaceSchedule } from './respace';
import { checkStepIndex, type Sampler, type SamplerStepResult } from './sampler';
import type { Schedule } from './schedule';
import { selectTimesteps, type TimestepSpacing } from './timesteps';

export type DdpmVariance = 'beta' | 'posterior';

export const DDPM_VARIANCE_LABELS: Readonly<Record<DdpmVariance, string>> = {
  beta: 'σ² = β_t (upper bound)',
  posterior: 'σ² = β̃_t (posterior, lower bound)',
};

export interface DdpmStepOptions {
  /** Default 'posterior' (diffusers' fixed_small). */
  variance?: DdpmVariance;
  /** z ~ N(0, I); omitted means z = 0, i.e. x_{t−1} = μ. Never used at t = 0. */
  noise?: ArrayLike<number>;
  /** Clamp x̂_0 to the pixel range [−1, 1] before taking the mean. */
  clipX0?: boolean;
  out?: Float64Array;
}

export interface DdpmStepResult {
  xPrev: Float64Array;
  x0: Float64Array;
  mean: Float64Array;
  /** The variance of x_{t−1} given x_t as sampled: σ² (0 at t = 0, where no noise is added). */
  variance: number;
}

export function ddpmStep(
  schedule: Schedule,
  xt: ArrayLike<number>,
  t: number,
  eps: ArrayLike<number>,
  options: DdpmStepOptions = {},
): DdpmStepResult {
  const { variance = 'posterior', noise, clipX0 = false } = options;
  if (variance !== 'beta' && variance !== 'posterior') {
    throw new RangeError(`variance must be 'beta' or 'posterior', got ${String(variance)}`);
  }
  const x0 = predictX0FromEps(schedule, xt, t, eps); // checks t and lengths
  if (noise !== undefined) checkLength(xt, noise, 'xt', 'noise');
  if (clipX0) for (let i = 0; i < x0.length; i++) x0[i] = x0[i] < -1 ? -1 : x0[i] > 1 ? 1 : x0[i];
  const mean = posteriorMean(schedule, x0, xt, t);
  // At t = 0 the step lands on the data: return the mean, as Algorithm 2 does.
  const v = t === 0 ? 0 : variance === 'beta' ? schedule.betas[t] : schedule.posteriorVariance[t];
  const sd = Math.sqrt(v);
  const xPrev = outArray(xt.length, options.out);
  for (let i = 0; i < xPrev.length; i++) {
    xPrev[i] = mean[i] + (noise !== undefined && sd > 0 ? sd * noise[i] : 0);
  }
  return { xPrev, x0, mean, variance: v };
}

export interface DdpmSamplerOptions {
  schedule: Schedule;
  /** Network calls, 1..T; default T (the full chain). Fewer steps respace the schedule. */
  steps?: number;
  /** Which steps to keep when steps < T; default 'linspace'. */
  spacing?: TimestepSpacing;
  variance?: DdpmVariance;
  clipX0?: boolean;
}

export interface DdpmSampler extends Sampler {
  /** The chain actually walked: the schedule respaced to `timesteps` (the schedule itself when steps = T). */
  readonly respaced: Schedule;
}

export function createDdpmSampler(options: DdpmSamplerOptions): DdpmSampler {
  const { schedule, steps = schedule.T, spacing = 'linspace', variance = 'posterior', clipX0 = false } = options;
  if (variance !== 'beta' && variance !== 'posterior') {
    throw new RangeError(`variance must be 'beta' or 'posterior', got ${String(variance)}`);
  }
  const timesteps = selectTimesteps(schedule.T, steps, spacing);
  const respaced = respaceSchedule(schedule, timesteps);
  const n = timesteps.length;
  return {
    name: 'ddpm',
    schedule,
    timesteps,
    respaced,
    stochastic: true,
    step(i, xt, eps, noise): SamplerStepResult {
      checkStepIndex(timesteps, i);
      const r = ddpmStep(respaced, xt, n - 1 - i, eps, { variance, noise, clipX0 });
      return { t: timesteps[i], tPrev: i + 1 < n ? timesteps[i + 1] : -1, xPrev: r.xPrev, x0: r.x0 };
    },
  };
}
