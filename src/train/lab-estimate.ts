/**
 * "About N minutes to readable digits here": the lab's time estimate, from
 * the speed measured on the reader's machine (ms per training step) and the
 * steps the lab's default architecture needed in a measured run: the shipped
 * model (the same U-Net, batch 64, min-SNR, Adam at 1e-3, EMA) read as the
 * digit asked for in 91.5% of its samples at step 854 (its model card).
 * Other settings have no such measurement, so they get no estimate.
 */
import { DEFAULT_SETTINGS, type LabSettings } from './lab-settings';

/** From trained-models/mnist-cond/README.md: 91.5% classifier accuracy at step 854. */
export const READABLE_STEPS = 854;

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
