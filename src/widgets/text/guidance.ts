/**
 * What lessons 7 and 8 ask of the text sampler, as plain functions: the
 * guidance panels' arrays, the batch specs (one run, several images that
 * share a seed), and the sweep file behind lesson 7's trade-off chart.
 */
import { guideEps } from '../../diffusion/guidance';
import type { TextSampleSpec } from '../../pipelines/text-sampling';
import { condensePrompt } from '../../text/condense';
import { promptView, type PromptView } from './prompt-view';
import type { SweepFile } from '../../eval/guidance-sweep';
import { textParam, type Param } from '../../page/url-params';

/** The scales of lesson 7's grid, the same as the measured sweep's. */
export const GRID_SCALES: readonly number[] = [0, 1, 2, 3, 5, 7.5, 10];

/** The sweep as the lead runs it; shown while the file is absent and compared with the file's own. */
export const SWEEP_COMMAND =
  'npm run eval -- --model trained-models/text-scenes --guidance-sweep 0,1,2,3,5,7.5,10 --prompts 10 --seeds 6 --steps 20 --json trained-models/text-scenes/guidance-sweep.json';

export interface GuidanceParts {
  /** w · (ε_c − ε_u): what guidance adds to the unconditional prediction. */
  scaled: Float32Array;
  /** ε_u + w · (ε_c − ε_u), via the one guideEps the sampler uses. */
  guided: Float64Array;
}

export function guidanceParts(epsU: ArrayLike<number>, epsC: ArrayLike<number>, w: number): GuidanceParts {
  const guided = guideEps(epsU, epsC, w);
  const scaled = new Float32Array(epsU.length);
  for (let i = 0; i < scaled.length; i++) scaled[i] = w * (epsC[i] - epsU[i]);
  return { scaled, guided };
}

/**
 * The range to draw w·(ε_c − ε_u) on at one step: what w = wMax would reach.
 * The difference is small next to ε itself (a few percent on our model), so
 * on ε's own ±3 it would be invisible; on this range it brightens as w grows
 * and fills the range at wMax.
 */
export function scaledRange(epsU: ArrayLike<number>, epsC: ArrayLike<number>, wMax = 10): [number, number] {
  let m = 0;
  for (let i = 0; i < epsU.length; i++) m = Math.max(m, Math.abs(epsC[i] - epsU[i]));
  const r = Math.max(m * wMax, 1e-6);
  return [-r, r];
}

/** Root mean square of an array: how strong a panel's signal is, printed under it. */
export function rms(a: ArrayLike<number>): number {
  if (a.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s / a.length);
}

/** Image i of a flat batch of n images. */
export function imageOf(batch: Float32Array | Float64Array, i: number, pixels: number): Float32Array | Float64Array {
  return batch.subarray(i * pixels, (i + 1) * pixels);
}

/**
 * One run whose images have their own prompt ids and scale but one seed, so
 * the starting noise is the same in every image (text-sampling.ts: x_T depends
 * on the seed alone) and any difference comes from prompt or scale.
 */
export function sharedSeedSpec(images: readonly { ids: Int32Array; guidance: number }[], seed: number, steps: number, extra: Partial<TextSampleSpec> = {}): TextSampleSpec {
  const L = images[0]?.ids.length ?? 0;
  const tokens = new Int32Array(images.length * L);
  images.forEach((im, i) => {
    if (im.ids.length !== L) throw new RangeError('every prompt must have the same number of token ids');
    tokens.set(im.ids, i * L);
  });
  return { tokens, guidance: images.map((im) => im.guidance), seeds: images.map(() => seed), steps, ...extra };
}

/**
 * Lesson 7's grid: one prompt, a row per seed and a column per scale, in one
 * run (image r·scales + c). Down a column the noise changes; along a row only
 * the scale does.
 */
export function gridSpec(ids: Int32Array, scales: readonly number[], seeds: readonly number[], steps: number): TextSampleSpec {
  const n = scales.length * seeds.length;
  const tokens = new Int32Array(n * ids.length);
  const guidance: number[] = [];
  const seedList: number[] = [];
  seeds.forEach((seed, r) =>
    scales.forEach((w, c) => {
      tokens.set(ids, (r * scales.length + c) * ids.length);
      guidance.push(w);
      seedList.push(seed);
    }),
  );
  return { tokens, guidance, seeds: seedList, steps };
}

/** The seeds of the grid's rows: the reader's seed, then the next ones (kept below SEED_MAX by wrapping). */
export function rowSeeds(seed: number, rows: number, max: number): number[] {
  return Array.from({ length: rows }, (_, r) => (seed + r) % (max + 1));
}

/** Lesson 8's long prompt, two ways: cut at the encoder's limit, or rewritten into the grammar first. */
export interface LongPromptViews {
  truncated: PromptView;
  condensed: string;
  notes: string[];
  condensedView: PromptView;
}

export function longPromptViews(text: string, maxTokens: number): LongPromptViews {
  const c = condensePrompt(text);
  return { truncated: promptView(text, maxTokens), condensed: c.condensed, notes: c.notes, condensedView: promptView(c.condensed, maxTokens) };
}

// ---- the sweep file (written by `npm run eval -- --guidance-sweep`, src/eval/guidance-sweep.ts)

export interface SweepRow {
  guidance: number;
  /** Percent. */
  adherence: number;
  diversity: number;
  emptyCell: number;
}

export interface SweepData {
  command: string;
  prompts?: number;
  seeds?: number;
  steps?: number;
  sampler?: string;
  rows: SweepRow[];
  real?: { adherence: number; diversity: number };
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The file as chart rows, sorted by scale; null when there is nothing measured (absent, malformed or empty). */
export function parseSweep(raw: unknown): SweepData | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const f = raw as Partial<Record<keyof SweepFile, unknown>>;
  if (f.kind !== 'guidance-sweep' || !Array.isArray(f.points)) return null;
  const byScale = new Map<number, SweepRow>();
  for (const p of f.points as unknown[]) {
    const o = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
    const w = num(o.guidance), a = num(o.digitInCell), d = num(o.diversity);
    if (w === undefined || a === undefined || d === undefined) continue;
    byScale.set(w, { guidance: w, adherence: a * 100, diversity: d, emptyCell: (num(o.emptyCell) ?? NaN) * 100 });
  }
  const rows = [...byScale.values()].sort((a, b) => a.guidance - b.guidance);
  if (!rows.length) return null;
  const r = (f.real && typeof f.real === 'object' ? f.real : {}) as Record<string, unknown>;
  const ra = num(r.digitInCell), rd = num(r.diversity);
  return {
    command: typeof f.command === 'string' ? f.command : '',
    prompts: num(f.prompts), seeds: num(f.seeds), steps: num(f.steps), sampler: typeof f.sampler === 'string' ? f.sampler : undefined,
    rows,
    real: ra !== undefined && rd !== undefined ? { adherence: ra * 100, diversity: rd } : undefined,
  };
}

/** A prompt in the URL: any text (the box shows what the tokenizer makes of it); '' is the unconditional prompt. */
export function promptParam(def: string, maxLength = PROMPT_MAX_CHARS): Param<string> {
  return textParam(def, maxLength);
}

/** The longest prompt a link keeps; the prompt boxes of lessons 7 and 8 take no more. */
export const PROMPT_MAX_CHARS = 2000;
