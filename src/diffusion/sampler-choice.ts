/**
 * Which sampler to run, by name, and the one factory that builds it. The
 * figures offer three kinds; the commands and the workers name two, where
 * "ddpm" is DDPM with the posterior variance σ² = β̃_t (Ho et al.'s choice
 * for their best likelihoods, and improved-diffusion's fixed small variance).
 */
import { createDdimSampler } from './ddim';
import { createDdpmSampler } from './ddpm';
import type { Sampler } from './sampler';
import type { Schedule } from './schedule';
import type { TimestepSpacing } from './timesteps';

export const SAMPLER_KINDS = ['ddpm-beta', 'ddpm-posterior', 'ddim'] as const;
export type SamplerKind = (typeof SAMPLER_KINDS)[number];

/** The short names of `npm run sample` / `npm run eval` and of the workers' messages. */
export const SAMPLER_NAMES = ['ddpm', 'ddim'] as const;
export type SamplerName = (typeof SAMPLER_NAMES)[number];

export interface SamplerChoice {
  kind: SamplerKind;
  /** Network calls, 1..T. */
  steps: number;
  spacing?: TimestepSpacing;
  /** DDIM only: 0 deterministic … 1 DDPM-like. */
  eta?: number;
  /**
   * Clamp x̂₀ to the pixel range [−1, 1] before the step uses it (DDIM then
   * recomputes ε̂ from the clamped x̂₀): improved-diffusion's clip_denoised and
   * diffusers' clip_sample. Default false.
   */
  clip?: boolean;
}

export function samplerKindOf(name: SamplerName): SamplerKind {
  if (name === 'ddim') return 'ddim';
  if (name === 'ddpm') return 'ddpm-posterior';
  throw new Error(`Unknown sampler "${String(name)}"; use ddim or ddpm.`);
}

export function createSampler(schedule: Schedule, c: SamplerChoice): Sampler {
  const { steps, spacing, clip: clipX0 = false } = c;
  if (c.kind === 'ddim') return createDdimSampler({ schedule, steps, eta: c.eta ?? 0, spacing, clipX0 });
  return createDdpmSampler({ schedule, steps, spacing, variance: c.kind === 'ddpm-beta' ? 'beta' : 'posterior', clipX0 });
}
