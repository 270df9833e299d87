/**
 * "About N minutes to readable digits here": the lab's time estimate, from
 * the speed measured on the reader's machine (ms per training step) and the
 * steps the lab's defaults needed in a measured run (`npm run lab:curve`, the
 * same session code in Node): the step from which the meter read at least 80%
 * of 100 samples as the digit asked for, at the lab's guidance.
 * Other settings have no such measurement, so they get no estimate.
 */
import { DEFAULT_SETTINGS, type LabSettings } from './lab-settings';

/** `npm run lab:curve` on the defaults: the meter at 80% of 100 samples from this step on (README, "The training lab"). */
export const READABLE_STEPS = 700;
/** The same run: 90% from this step on. */
export const GOOD_STEPS = 900;

const SAME: readonly (keyof LabSettings)[] = ['preset', 'dataset', 'width', 'schedule', 'T', 'weighting', 'batch', 'lr'];

/** True when the estimate's measured run applies: the default architecture and recipe, on all ten digits. */
export function estimateApplies(s: LabSettings): boolean {
  return SAME.every((k) => s[k] === DEFAULT_SETTINGS[k]) && s.classes.length === 10;
}

/** Minutes from `step` to READABLE_STEPS at `msPerStep`, rounded up; null when unknown or already there. */
export function minutesToReadable(msPerStep: number, s: LabSettings, step = 0): number | null {
  if (!estimateApplies(s) || !(msPerStep > 0) || !Number.isFinite(msPerStep)) return null;
  const left = READABLE_STEPS - step;
  if (left <= 0) return null;
  return Math.max(1, Math.ceil((left * msPerStep) / 60_000));
}

/** Steps a run must have timed before the estimate speaks: the first ones pay for compiling kernels. */
export const WARM_STEPS = 3;
/** Recent steps the speed is read from. */
export const RECENT_STEPS = 25;

/**
 * The typical time of one step (ms) from a run's step times in order: the
 * median of the recent ones, once the warm-up steps are past and a few more
 * are in. 0 while it cannot tell: the first steps of a run are several times
 * slower, and one slow step (a save, a sample refresh nearby) must not make
 * the estimate jump.
 */
export function typicalStepMs(stepMs: readonly number[]): number {
  const warm = stepMs.slice(WARM_STEPS).filter((v) => Number.isFinite(v) && v > 0);
  if (warm.length < 5) return 0;
  const recent = warm.slice(-RECENT_STEPS).sort((a, b) => a - b);
  const mid = recent.length >> 1;
  return recent.length % 2 ? recent[mid] : (recent[mid - 1] + recent[mid]) / 2;
}
