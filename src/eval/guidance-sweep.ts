/**
 * Lesson 7's trade-off, measured: digit-in-cell accuracy (adherence) and
 * feature diversity of a text model's samples against the guidance scale.
 *
 *   npm run eval -- --model trained-models/text-scenes --guidance-sweep 0,1,2,3,5,7.5,10 \
 *                   --prompts 10 --seeds 6 --steps 20 --json trained-models/text-scenes/guidance-sweep.json
 *
 * Prompts are the captions of the first `prompts` held-out scenes (split
 * 'eval', MNIST test digits, `--scene-seed`). Each prompt is sampled `seeds`
 * times, and every scale reuses the same starting noise for sample i (the
 * pool's streams depend only on --seed and the sample's index, and DDIM with
 * η = 0 adds no step noise), so the scales differ in the scale alone.
 *
 * Definitions (the lesson states them):
 *  - adherence: of the digits the prompts ask for, the share the digit
 *    classifier reads correctly in the asked-for cell (scene-quality.ts);
 *  - diversity of a prompt: for each cell it names, the mean pairwise
 *    Euclidean distance between the classifier's penultimate features of
 *    that cell's crops (cellTo28) across the prompt's seeds, averaged over
 *    its cells; the figure is the mean over prompts.
 * The same meter runs on real scenes with the same specs (S different MNIST
 * test digits per cell) as a reference.
 */
import { fromSigned } from '../data/digits';
import { digitSource, makeSceneBatch, renderScene, SCENE_PIXELS } from '../data/scenes';
import { type Cell, type SceneSpec } from '../data/captions';
import { createRng, deriveSeed } from '../diffusion/rng';
import type { ClassifierConfig } from '../model/classifier';
import type { Weights } from '../model/params';
import type { SamplerName } from '../diffusion/sampler-choice';
import type { ClassifierOutputs } from './digit-meter';
import { CLASSIFIER_SIZE, cellTo28, emptyScore, rates, scoreScene } from './scene-meter';

/** One scale's figures. Rates are 0..1; diversity is in feature units. */
export interface SweepPoint {
  guidance: number;
  digitInCell: number;
  emptyCell: number;
  diversity: number;
  /** Raw counts behind digitInCell. */
  correct: number;
  total: number;
  genSeconds?: number;
}

/** What the JSON file holds (src/widgets/text/guidance-sweep-data.ts reads it). */
export interface SweepFile {
  kind: 'guidance-sweep';
  command: string;
  model: string;
  prompts: number;
  seeds: number;
  steps: number;
  sampler: string;
  seed: number;
  sceneSeed: number;
  captions: string[];
  points: SweepPoint[];
  real: { digitInCell: number; diversity: number };
}

/** "0,1,2,3,5,7.5,10" → [0, 1, 2, 3, 5, 7.5, 10]; rejects anything not a finite number ≥ 0, and repeats. */
export function parseScales(text: string): number[] {
  const parts = String(text).split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) throw new Error(`--guidance-sweep needs comma-separated scales, e.g. 0,1,3,7.5; got "${text}"`);
  const out = parts.map((p) => {
    const v = Number(p);
    if (!Number.isFinite(v) || v < 0) throw new Error(`guidance scale "${p}" is not a number ≥ 0`);
    return v;
  });
  if (new Set(out).size !== out.length) throw new Error(`--guidance-sweep repeats a scale: ${text}`);
  return out;
}

/** Each prompt's L ids repeated `seeds` times: sample p·seeds + s is prompt p with its s-th noise. */
export function repeatPrompts(tokens: Int32Array, L: number, seeds: number): Int32Array {
  const prompts = tokens.length / L;
  if (!Number.isInteger(prompts) || !Number.isInteger(seeds) || seeds < 1) throw new RangeError('repeatPrompts: whole prompts and seeds ≥ 1');
  const out = new Int32Array(prompts * seeds * L);
  for (let p = 0; p < prompts; p++) for (let s = 0; s < seeds; s++) out.set(tokens.subarray(p * L, (p + 1) * L), (p * seeds + s) * L);
  return out;
}

/** Mean Euclidean distance over all pairs of the given feature rows; NaN with fewer than two rows. */
export function meanPairwiseDistance(features: ArrayLike<number>, dim: number, rows: readonly number[]): number {
  if (rows.length < 2) return NaN;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      let d2 = 0;
      const ia = rows[a] * dim, ib = rows[b] * dim;
      for (let k = 0; k < dim; k++) {
        const d = features[ia + k] - features[ib + k];
        d2 += d * d;
      }
      sum += Math.sqrt(d2);
      pairs++;
    }
  }
  return sum / pairs;
}

/** Where each named cell's crop of each sample goes in the classifier batch. */
export interface CropPlan {
  /** For each crop: sample index and cell. */
  crops: { sample: number; cell: Cell }[];
  /** rowOf[sample] maps a named cell to its crop's row. */
  rowOf: Map<Cell, number>[];
}

export function planCrops(specs: readonly SceneSpec[], seeds: number): CropPlan {
  const crops: CropPlan['crops'] = [];
  const rowOf: Map<Cell, number>[] = [];
  specs.forEach((spec, p) => {
    for (let s = 0; s < seeds; s++) {
      const sample = p * seeds + s;
      const m = new Map<Cell, number>();
      for (const d of spec.digits) {
        m.set(d.cell, crops.length);
        crops.push({ sample, cell: d.cell });
      }
      rowOf[sample] = m;
    }
  });
  return { crops, rowOf };
}

/** Mean over prompts of (mean over the prompt's named cells of the across-seed pairwise feature distance). */
export function sweepDiversity(specs: readonly SceneSpec[], seeds: number, plan: CropPlan, features: ArrayLike<number>, dim: number): number {
  let sum = 0;
  let n = 0;
  specs.forEach((spec, p) => {
    let cellSum = 0;
    let cells = 0;
    for (const d of spec.digits) {
      const rows = Array.from({ length: seeds }, (_, s) => plan.rowOf[p * seeds + s].get(d.cell)!);
      const v = meanPairwiseDistance(features, dim, rows);
      if (Number.isFinite(v)) (cellSum += v, cells++);
    }
    // A prompt with no digits (unconditional) has no cell to compare: it is left out.
    if (cells > 0) (sum += cellSum / cells, n++);
  });
  return n > 0 ? sum / n : NaN;
}

export type Classify = (images: Uint8Array, count: number) => Promise<Pick<ClassifierOutputs, 'predictions' | 'features' | 'featureDim'>>;

/** Adherence, empty-cell rate and diversity of prompts × seeds uint8 scenes (sample p·seeds + s). */
export async function scoreSweepImages(images: Uint8Array, specs: readonly SceneSpec[], seeds: number, classify: Classify): Promise<Omit<SweepPoint, 'guidance'>> {
  const n = specs.length * seeds;
  if (images.length !== n * SCENE_PIXELS) throw new RangeError(`${images.length} pixels are not ${n} scenes`);
  const plan = planCrops(specs, seeds);
  const px = CLASSIFIER_SIZE * CLASSIFIER_SIZE;
  const batch = new Uint8Array(plan.crops.length * px);
  plan.crops.forEach((c, i) => cellTo28(images.subarray(c.sample * SCENE_PIXELS, (c.sample + 1) * SCENE_PIXELS), c.cell, batch.subarray(i * px, (i + 1) * px)));
  const out = plan.crops.length ? await classify(batch, plan.crops.length) : { predictions: new Int32Array(0), features: new Float32Array(0), featureDim: 1 };
  const acc = emptyScore();
  for (let i = 0; i < n; i++) {
    const rows = plan.rowOf[i];
    scoreScene(images.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS), specs[Math.floor(i / seeds)], (c) => out.predictions[rows.get(c)!], acc);
  }
  const r = rates(acc);
  return {
    digitInCell: r.digitInCell,
    emptyCell: r.emptyCell,
    diversity: sweepDiversity(specs, seeds, plan, out.features, out.featureDim),
    correct: acc.digitInCell.correct,
    total: acc.digitInCell.total,
  };
}

export interface SweepOptions {
  scales: readonly number[];
  specs: readonly SceneSpec[];
  seeds: number;
  /** prompts·seeds samples at one scale, x₀ in [−1, 1] (sample p·seeds + s). */
  sample: (guidance: number) => Promise<ArrayLike<number>>;
  classify: Classify;
  log?: (line: string) => void;
}

/** One point per scale, in the order given. */
export async function runGuidanceSweep(o: SweepOptions): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const w of o.scales) {
    const t0 = performance.now();
    const x0 = await o.sample(w);
    const genSeconds = (performance.now() - t0) / 1000;
    const images = new Uint8Array(fromSigned(x0).buffer);
    const p = { guidance: w, ...(await scoreSweepImages(images, o.specs, o.seeds, o.classify)), genSeconds };
    o.log?.(`w = ${w}: digit-in-cell ${(p.digitInCell * 100).toFixed(1)}%, diversity ${p.diversity.toFixed(3)}, ${genSeconds.toFixed(0)} s`);
    points.push(p);
  }
  return points;
}

/** Real scenes with the same specs: `seeds` renderings per prompt, each with other MNIST test digits and jitter. */
export function realSweepScenes(specs: readonly SceneSpec[], seeds: number, source: Parameters<typeof renderScene>[1], seed: number): Uint8Array {
  const out = new Uint8Array(specs.length * seeds * SCENE_PIXELS);
  specs.forEach((spec, p) => {
    for (let s = 0; s < seeds; s++) {
      const i = p * seeds + s;
      renderScene(spec, source, createRng(deriveSeed(seed, i)), out.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS));
    }
  });
  return out;
}
