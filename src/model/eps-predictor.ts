/**
 * The model seen from a sampler: an `EpsPredictor` (src/diffusion/sampler.ts)
 * that runs the U-Net on a flat batch in chunks, with classifier-free
 * guidance ε = ε_u + w(ε_c − ε_u) through the maths core's guideEps.
 * w = 1 is the plain conditional model, w = 0 the unconditional one.
 */
import * as tf from '@tensorflow/tfjs';
import { guideEps } from '../diffusion/guidance';
import type { EpsPredictor } from '../diffusion/sampler';
import type { UNetConfig } from './config';
import type { Weights } from './params';
import { unetForward } from './unet';

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
  const w = opts.guidance ?? 1;
  const chunk = opts.chunk ?? 128;
  const pix = config.imageSize * config.imageSize * config.inChannels;
  const noLabel = config.numClasses;
  return async (xt: Float32Array, t: number) => {
    const n = xt.length / pix;
    if (!Number.isInteger(n)) throw new RangeError(`x_t holds ${xt.length} values, not a whole number of ${pix}-value images`);
    const labels = opts.labels;
    if (labels && labels.length !== n) throw new RangeError(`${labels.length} labels for ${n} images`);
    const out = new Float32Array(xt.length);
    for (let s = 0; s < n; s += chunk) {
      const m = Math.min(chunk, n - s);
      const lab = new Int32Array(m);
      for (let i = 0; i < m; i++) lab[i] = labels ? Number(labels[s + i]) : noLabel;
      const guided = config.numClasses > 0 && w !== 1 && lab.some((l) => l !== noLabel);
      const result = tf.tidy(() => {
        const x = tf.tensor4d(xt.subarray(s * pix, (s + m) * pix), [m, config.imageSize, config.imageSize, config.inChannels]);
        if (!guided) {
          return unetForward(weights, config, x, tf.fill([m], t, 'int32') as tf.Tensor1D, tf.tensor1d(lab, 'int32')).eps;
        }
        const both = tf.concat([x, x], 0) as tf.Tensor4D;
        const labs = new Int32Array(2 * m);
        labs.set(lab, 0);
        labs.fill(noLabel, m);
        return unetForward(weights, config, both, tf.fill([2 * m], t, 'int32') as tf.Tensor1D, tf.tensor1d(labs, 'int32')).eps;
      });
      const data = (await result.data()) as Float32Array;
      result.dispose();
      if (!guided) out.set(data, s * pix);
      else out.set(guideEps(data.subarray(m * pix), data.subarray(0, m * pix), w), s * pix);
    }
    return out;
  };
}
