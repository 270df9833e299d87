/**
 * The maths of "Diffusion, demystified": plain TypeScript over typed arrays,
 * no TF.js, no DOM. Conventions (arrays indexed by timestep 0..T−1 as in
 * openai/improved-diffusion, pixels in [−1, 1]) are explained in schedule.ts.
 */
export { ScheduleError, type ScheduleErrorCode } from './errors';
export { portableLog } from './portable-log';
export { createRng, deriveSeed, type Rng } from './rng';
export {
  DEFAULT_BETA_RANGE,
  DEFAULT_COSINE_S,
  MAX_BETA,
  MAX_T,
  REFERENCE_T,
  SCHEDULE_KINDS,
  SCHEDULE_LABELS,
  type ResolvedScheduleOptions,
  type ScheduleKind,
  type ScheduleOptions,
} from './beta-schedules';
export { makeSchedule, type Schedule } from './schedule';
export { respaceSchedule } from './respace';
export { qSample, qStep } from './forward';
export * from './chain';
export { posteriorMean, posteriorVariance } from './posterior';
export { predictEpsFromX0, predictX0FromEps } from './predict';
export { guideEps } from './guidance';
export { minSnrWeight } from './weighting';
export { selectTimesteps, TIMESTEP_SPACINGS, type TimestepSpacing } from './timesteps';
export {
  runSampler,
  runSamplerSync,
  sample,
  sampleSync,
  type EpsPredictor,
  type EpsPredictorSync,
  type RunSamplerOptions,
  type Sampler,
  type SamplerFrame,
  type SamplerStepResult,
} from './sampler';
export {
  createDdimSampler,
  ddimStep,
  ddimStepDetailed,
  type DdimSamplerOptions,
  type DdimStepOptions,
  type DdimStepResult,
} from './ddim';
export {
  createDdpmSampler,
  DDPM_VARIANCE_LABELS,
  ddpmStep,
  type DdpmSampler,
  type DdpmSamplerOptions,
  type DdpmStepOptions,
  type DdpmStepResult,
  type DdpmVariance,
} from './ddpm';
export { evenTimes, noisedAt, signalAt } from './frames';
export {
  createSampler,
  SAMPLER_KINDS,
  SAMPLER_NAMES,
  samplerKindOf,
  type SamplerChoice,
  type SamplerKind,
  type SamplerName,
} from './sampler-choice';
