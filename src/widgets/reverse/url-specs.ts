/**
 * The URL state of lesson 5's figures, one typed list per figure, in a plain
 * module so the property-based test drives exactly what the pages read.
 */
import { boolParam, enumParam, intParam, numParam } from '../../runtime/url-params';
import { TIMESTEP_SPACINGS, type TimestepSpacing } from '../../diffusion/timesteps';
import { SEED_MAX } from '../controls/seed';
import { imageSourceParams } from '../image-source';
import { SAMPLER_KINDS } from './trajectory';

export const DIGITS = ['none', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Digit = (typeof DIGITS)[number];

export const reverseStepperUrlSpec = () => ({
  digit: enumParam<Digit>('3', DIGITS),
  smp: enumParam('ddim', SAMPLER_KINDS),
  eta: numParam(0, 0, 1),
  steps: intParam(50, 10, 1000),
  sp: enumParam<TimestepSpacing>('linspace', TIMESTEP_SPACINGS),
  w: numParam(2, 0, 6),
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
  cw: numParam(2, 0, 6),
});

export const HINTS = ['none', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Hint = (typeof HINTS)[number];

export const sdEditUrlSpec = () => ({
  ...imageSourceParams({ cls: 2 }),
  hint: enumParam<Hint>('none', HINTS),
  sdseed: intParam(7, 0, 999_999),
});
