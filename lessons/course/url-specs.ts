/**
 * Each lesson's URL state: the union of its figures' typed parameter lists,
 * the same objects the widgets read. Exercise links are checked against it.
 */
import type { ParamSpec } from '../../src/runtime/url-params';
import { FORWARD_URL } from '../../src/widgets/forward/url';
import { scheduleParams } from '../../src/widgets/schedules/schedule-lab.svelte';
import { LAB_URL_SPEC } from '../../src/widgets/training/lab-url';
import { SDEDIT_URL, STEPPER_URL } from '../../src/widgets/reverse/url';
import { EXPLORER_URL, GRID_URL, PREDICTIONS_URL, PROMPTS_URL, STYLES_URL } from '../../src/widgets/text/url';

export const lessonUrlSpecs: Readonly<Record<string, readonly ParamSpec[]>> = {
  'what-is-diffusion': [],
  'forward-process': [FORWARD_URL],
  'noise-schedules': [scheduleParams],
  'denoiser-training': [LAB_URL_SPEC],
  'reverse-process': [STEPPER_URL, SDEDIT_URL],
  'text-conditioning': [EXPLORER_URL],
  'classifier-free-guidance': [PREDICTIONS_URL, GRID_URL],
  'dalle-vs-midjourney': [STYLES_URL, PROMPTS_URL],
};
