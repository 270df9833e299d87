/**
 * The plan of lesson 1's opening figure: a real digit dissolving into noise
 * (the forward process's closed form at evenly spaced t), then a new digit
 * coming out of noise through the shipped model (DDIM from seeded x_T).
 * Plain data and maths; the component only plays it.
 */
import { evenTimes, noisedAt } from '../../diffusion/frames';
import { createRng } from '../../diffusion/rng';
import type { Schedule } from '../../diffusion/schedule';

export const HERO = {
  /** The MNIST test image that dissolves (index 0 of the test split is a 7). */
  testIndex: 0,
  /** The digit the model is asked for, and how. */
  label: 3,
  guidance: 2,
  steps: 25,
  seed: 2024,
  /** Frames of the dissolve. */
  forwardFrames: 25,
  /** Playback: ms per frame. */
  frameMs: 90,
} as const;

export interface HeroFrame {
  t: number;
  x: ArrayLike<number>;
  size: number;
}

/** x_t of the real digit at evenly spaced t from 0 to T, all with the same ε. */
export function dissolveFrames(schedule: Schedule, x0: ArrayLike<number>, size: number, n: number, seed: number): HeroFrame[] {
  const noise = createRng(seed).fork(7).fillNormal(new Float64Array(x0.length));
  return evenTimes(schedule.T, n).map((t) => ({ t, x: noisedAt(schedule, x0, t, noise), size }));
}

/**
 * The still strip: the real digit at these t (of T = 1000) going forward, then
 * the new digit at the same t coming back, so one row reads real digit →
 * static → new digit. Early t are close together because that is where a
 * digit changes most under the linear schedule.
 */
export const STRIP_TIMES = [0, 50, 150, 300, 600, 1000] as const;

/** x_t of the real digit at the given t (0 = the digit itself), all with the same ε as the dissolve. */
export function framesAt(schedule: Schedule, x0: ArrayLike<number>, size: number, times: readonly number[], seed: number): HeroFrame[] {
  const noise = createRng(seed).fork(7).fillNormal(new Float64Array(x0.length));
  return times.map((t) => ({ t, x: noisedAt(schedule, x0, t, noise), size }));
}

/**
 * For each target t (descending), the first reverse frame at or below it: the
 * state the sampler had reached by then. null while the sampler has not got
 * that far, so the strip can show the frame as not drawn yet.
 */
export function reverseAt(reverse: readonly HeroFrame[], targets: readonly number[]): (HeroFrame | null)[] {
  return targets.map((target) => reverse.find((f) => f.t <= target) ?? null);
}

/** Indices of `count` evenly spread items of a list of length n (first and last included). */
export function spread(n: number, count: number): number[] {
  if (n <= 0) return [];
  if (count >= n) return [...Array(n).keys()];
  return Array.from({ length: count }, (_, i) => Math.round((i * (n - 1)) / Math.max(1, count - 1)));
}
