/**
 * Each lesson's URL state, as its scenes file declares it: the union of its
 * figures' typed parameter lists, the same objects the widgets read. Exercise
 * links are checked against it.
 */
import type { ParamSpec } from '../../src/page/url-params';
import whatIsDiffusion from '../scenes/what-is-diffusion';
import forwardProcess from '../scenes/forward-process';
import noiseSchedules from '../scenes/noise-schedules';
import denoiserTraining from '../scenes/denoiser-training';
import reverseProcess from '../scenes/reverse-process';
import textConditioning from '../scenes/text-conditioning';
import classifierFreeGuidance from '../scenes/classifier-free-guidance';
import dalleVsMidjourney from '../scenes/dalle-vs-midjourney';

export const lessonUrlSpecs: Readonly<Record<string, readonly ParamSpec[]>> = {
  'what-is-diffusion': [whatIsDiffusion.params],
  'forward-process': [forwardProcess.params],
  'noise-schedules': [noiseSchedules.params],
  'denoiser-training': [denoiserTraining.params],
  'reverse-process': [reverseProcess.params],
  'text-conditioning': [textConditioning.params],
  'classifier-free-guidance': [classifierFreeGuidance.params],
  'dalle-vs-midjourney': [dalleVsMidjourney.params],
};
