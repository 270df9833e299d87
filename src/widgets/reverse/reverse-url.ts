/**
 * Lesson 5's URL state, one list per widget: the step-through sampler and
 * SDEdit. Plain data, so the lesson's scenes and their tests can read it.
 */
import { TIMESTEP_SPACINGS, type TimestepSpacing } from '../../diffusion/timesteps';
import { GUIDANCE_DEFAULT, GUIDANCE_MAX } from '../controls/guidance';
import { boolParam, enumParam, intParam, numParam } from '../../page/url-params';
import { SEED_MAX } from '../controls/seed';
import { imageSourceParams } from '../image-source';
import { SAMPLER_KINDS } from '../../diffusion/sampler-choice';

export const DIGITS = ['none', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Digit = (typeof DIGITS)[number];

export const stepperParams = {
  digit: enumParam<Digit>('3', DIGITS),
  smp: enumParam('ddim', SAMPLER_KINDS),
  eta: numParam(0, 0, 1),
  steps: intParam(50, 10, 1000),
  sp: enumParam<TimestepSpacing>('linspace', TIMESTEP_SPACINGS),
  w: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
  seed: intParam(1, 0, SEED_MAX),
  lock: boolParam(true),
  clip: boolParam(true),
  k: intParam(0, 0, 1000),
  speed: numParam(10, 1, 60),
  cmp: boolParam(false),
  csmp: enumParam('ddpm-posterior', SAMPLER_KINDS),
  ceta: numParam(0, 0, 1),
  csteps: intParam(50, 10, 1000),
  csp: enumParam<TimestepSpacing>('linspace', TIMESTEP_SPACINGS),
  cw: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
};

export const HINTS = DIGITS;
export type Hint = Digit;

export const sdeditParams = {
  ...imageSourceParams({ cls: 2 }),
  hint: enumParam<Hint>('none', HINTS),
  sdseed: intParam(7, 0, 999_999),
};
