/**
 * Batch generation: a maths-core sampler (DDPM or DDIM) driven by the U-Net
 * through the guided ε-predictor. Used by scripts/sample.ts, scripts/eval.ts
 * and the browser's sample grid.
 */
import type { Rng } from '../diffusion/rng';
import { runSampler, type Sampler } from '../diffusion/sampler';
import type { Schedule } from '../diffusion/schedule';
import { createSampler, samplerKindOf, type SamplerName } from '../diffusion/sampler-choice';
import type { UNetConfig } from '../model/config';
import { createEpsPredictor } from '../model/eps-predictor';
import type { Weights } from '../model/params';

/** What every batch generator takes besides its conditioning. */
export interface BatchSamplingOptions {
  weights: Weights;
  config: UNetConfig;
  schedule: Schedule;
  sampler: SamplerName;
  steps: number;
  guidance: number;
  eta?: number;
  /** x_T = rng.fork(0)'s normals; step noise from rng.fork(1) (see runSampler). */
  rng: Rng;
  chunk?: number;
  /** Clip x̂_0 to [-1, 1] at each step (improved-diffusion's clip_denoised). Default true. */
  clipX0?: boolean;
  onStep?: (i: number, n: number) => void;
}

export interface GenerateOptions extends BatchSamplingOptions {
  /** One label per sample (numClasses = unconditional). */
  labels: Int32Array;
}

export function makeSampler(name: SamplerName, schedule: Schedule, steps: number, eta = 0, clipX0 = true): Sampler {
  return createSampler(schedule, { kind: samplerKindOf(name), steps, eta, clip: clipX0 });
}

/** Returns the final x_0 of every sample, flat, in [-1, 1] (not clipped). */
export async function generateSamples(o: GenerateOptions): Promise<Float64Array> {
  const pix = o.config.imageSize * o.config.imageSize * o.config.inChannels;
  const sampler = makeSampler(o.sampler, o.schedule, o.steps, o.eta, o.clipX0 ?? true);
  const xT = o.rng.fork(0).fillNormal(new Float32Array(o.labels.length * pix));
  const predictEps = createEpsPredictor({ weights: o.weights, config: o.config, labels: o.labels, guidance: o.guidance, chunk: o.chunk });
  const it = runSampler(sampler, { xT, predictEps, rng: o.rng.fork(1) });
  const n = sampler.timesteps.length;
  for (let i = 0; ; i++) {
    const r = await it.next();
    if (r.done) return r.value;
    o.onStep?.(i, n);
  }
}

/** Labels for a batch: one class, "all" (count/numClasses of each class, in class order) or "none" (unconditional). */
export function labelsFor(label: string, count: number, numClasses: number): Int32Array {
  const out = new Int32Array(count);
  if (label === 'none' || numClasses === 0) return out.fill(numClasses);
  if (label === 'all') {
    const per = Math.ceil(count / numClasses);
    for (let i = 0; i < count; i++) out[i] = Math.floor(i / per);
    return out;
  }
  const l = Number(label);
  if (!Number.isInteger(l) || l < 0 || l >= numClasses) throw new Error(`--label must be 0..${numClasses - 1}, "all" or "none".`);
  return out.fill(l);
}
