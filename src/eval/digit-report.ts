/**
 * What `npm run eval -- --json FILE` writes for a digit model, and the file
 * lesson 5's quality chart reads (many such reports, one per sampler and step
 * count). One type for the writer (scripts/eval.ts, scripts/quality-vs-steps.ts)
 * and the reader (widgets/reverse/quality-vs-steps.ts), so the two cannot drift apart.
 */
import { SAMPLER_NAMES, type SamplerName } from '../diffusion/sampler-choice';
import type { Accuracy } from './digit-meter';

/** The settings lesson 5's chart plans: both samplers at each step count. */
export const QUALITY_SAMPLERS: readonly SamplerName[] = SAMPLER_NAMES;
export const QUALITY_STEP_COUNTS = [10, 20, 50, 100, 1000] as const;

/** KID of real training digits at a report's sample count: its noise band. */
export interface KidFloorDraws {
  mean: number;
  sd: number;
  draws: number[];
}

export interface DigitEvalReport {
  count: number;
  accuracy: Accuracy;
  /** FID proxy of the samples against MNIST test (lower is better). */
  fid: number;
  /** FID proxy of 10,000 real training digits: the meter's floor with many samples. */
  floor: number;
  /** FID proxy of `count` real training digits with the samples' class mix: the floor at this count. */
  floorSameCount: number;
  kid: number;
  kidFloorSameCount: KidFloorDraws;
  perClassFid: number[];
  genSeconds: number;
  /** The training step of the weights measured, from their header. */
  modelStep?: number;
  /** The command line's options, as parsed. */
  args: Record<string, string | boolean>;
}

/** trained-models/mnist-cond/quality-vs-steps.json */
export interface QualityVsStepsFile {
  /** The command that produced the file, shown on the page. */
  command: string;
  count: number;
  guidance: number;
  clipX0: boolean;
  floorSameCount: number;
  floor: number;
  kidFloorSameCount: KidFloorDraws;
  modelStep?: number;
  runs: DigitEvalReport[];
}
