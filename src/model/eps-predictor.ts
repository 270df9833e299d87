/**
 * ε̂ from the U-Net, with classifier-free guidance ε = ε_u + w(ε_c − ε_u)
 * through the maths core's guideEps; w = 1 is the plain conditional model,
 * w = 0 the unconditional one, and label `numClasses` means "no label".
 *
 * `predictEpsBatch` batches labelled images: images that may sit at
 * different timesteps and carry different labels go through ONE network
 * call (guided-batch.ts doubles the batch inside it, as it does for
 * prompts), so a step of every image on a figure costs one call.
 * `createEpsPredictor` is the model seen from a sampler
 * (src/diffusion/sampler.ts): a flat batch at one timestep, in chunks.
 */
import * as tf from '@tensorflow/tfjs';
import type { EpsPredictor } from '../diffusion/sampler';
import type { UNetConfig } from './config';
import { guidedBatch } from './guided-batch';
import type { Weights } from './params';
import { unetForward } from './unet';

export interface BatchEpsInput {
  /** n images laid end to end, each imageSize² × inChannels values. */
  x: Float32Array;
  /** One timestep (0..T−1, the schedule's index) per image. */
  t: ArrayLike<number>;
  /** One label per image (numClasses = no label); omitted = all unconditional. */
  labels?: ArrayLike<number>;
  /** Guidance scale w, one for the whole batch (default 1). */
  guidance?: number;
}

export async function predictEpsBatch(weights: Weights, config: UNetConfig, input: BatchEpsInput): Promise<Float32Array> {
  const pix = config.imageSize * config.imageSize * config.inChannels;
  const n = input.x.length / pix;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`x holds ${input.x.length} values, not a whole number of ${pix}-value images`);
  if (input.t.length !== n) throw new RangeError(`${input.t.length} timesteps for ${n} images`);
  if (input.labels && input.labels.length !== n) throw new RangeError(`${input.labels.length} labels for ${n} images`);
  const w = input.guidance ?? 1;
  const noLabel = config.numClasses;
  const lab = new Int32Array(n);
  for (let i = 0; i < n; i++) lab[i] = input.labels ? Number(input.labels[i]) : noLabel;
  // Images without a label have ε_c = ε_u, so a batch with none to guide by is its plain pass.
  const guided = config.numClasses > 0 && lab.some((l) => l !== noLabel);
  const r = await guidedBatch({
    config,
    x: input.x,
    t: Int32Array.from(input.t),
    cond: lab,
    none: noLabel,
    guidance: guided ? w : 1,
    forward: (x, t, labels) => ({ eps: unetForward(weights, config, x, t, tf.tensor1d(labels, 'int32')).eps }),
  });
  return r.eps;
}

export interface EpsPredictorOptions {
  weights: Weights;
  config: UNetConfig;
  /** One label per image (0..numClasses-1, or numClasses = "no label"); omitted = all unconditional. */
  labels?: ArrayLike<number>;
  /** Guidance scale w (default 1). */
  guidance?: number;
  /** Images per network call (the guided pass doubles it). Default 128. */
  chunk?: number;
}

export function createEpsPredictor(opts: EpsPredictorOptions): EpsPredictor {
  const { weights, config } = opts;
  const chunk = opts.chunk ?? 128;
  const pix = config.imageSize * config.imageSize * config.inChannels;
  return async (xt: Float32Array, t: number) => {
    const n = xt.length / pix;
    if (!Number.isInteger(n)) throw new RangeError(`x_t holds ${xt.length} values, not a whole number of ${pix}-value images`);
    const labels = opts.labels;
    if (labels && labels.length !== n) throw new RangeError(`${labels.length} labels for ${n} images`);
    const out = new Float32Array(xt.length);
    for (let s = 0; s < n; s += chunk) {
      const m = Math.min(chunk, n - s);
      const x = xt.subarray(s * pix, (s + m) * pix);
      const part = labels ? Int32Array.from({ length: m }, (_, i) => Number(labels[s + i])) : undefined;
      out.set(await predictEpsBatch(weights, config, { x, t: new Int32Array(m).fill(t), labels: part, guidance: opts.guidance }), s * pix);
    }
    return out;
  };
}
