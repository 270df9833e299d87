/**
 * Classifier-free guidance's one network call, for every conditioned model:
 * the conditional half and the unconditional half (the same images under the
 * model's "nothing" condition) go through the U-Net as ONE batch of 2n, and
 * the halves are blended with the maths core's guideEps,
 * ε = ε_u + w(ε_c − ε_u). Class labels (eps-predictor.ts) and prompts
 * (text-eps.ts) differ only in what a condition is and in their "nothing":
 * the "no label" class, an all-[PAD] prompt.
 */
import * as tf from '@tensorflow/tfjs';
import { guideEps } from '../diffusion/guidance';
import type { UNetConfig } from './config';

export interface GuidedBatchInput {
  config: UNetConfig;
  /** n images laid end to end, imageSize² × inChannels values each. */
  x: Float32Array;
  /** One timestep (schedule index) per image. */
  t: Int32Array;
  /** n rows of condition ids end to end: one label per image, or a prompt's maxTokens token ids. */
  cond: Int32Array;
  /** The id that fills every row of the unconditional half: the "no label" class, or [PAD]. */
  none: number;
  /** Guidance scale w; at 1 (the plain conditional model) the unconditional half is not run unless `parts` asks for it. */
  guidance: number;
  /** Also return ε_u and ε_c, n images each. */
  parts?: boolean;
  /**
   * The network on m images (n, or 2n with the conditional half first), run
   * inside tf.tidy; `cond` then holds m rows. Other tensors it returns (the
   * attention maps) are read out under their names.
   */
  forward(x: tf.Tensor4D, t: tf.Tensor1D, cond: Int32Array, m: number): { eps: tf.Tensor; extra?: Record<string, tf.Tensor> };
}

export interface GuidedBatchResult {
  eps: Float32Array;
  epsU?: Float32Array;
  epsC?: Float32Array;
  extra: Record<string, { data: Float32Array; shape: number[] }>;
}

export async function guidedBatch(input: GuidedBatchInput): Promise<GuidedBatchResult> {
  const { config } = input;
  const n = input.t.length;
  const pix = config.imageSize * config.imageSize * config.inChannels;
  const w = input.guidance;
  const doubled = w !== 1 || !!input.parts;
  const m = doubled ? 2 * n : n;
  const ts = new Int32Array(m);
  ts.set(input.t, 0);
  if (doubled) ts.set(input.t, n);
  let cond = input.cond;
  if (doubled) {
    cond = new Int32Array(2 * input.cond.length).fill(input.none);
    cond.set(input.cond, 0);
  }
  const s = config.imageSize;
  const { eps, extra } = tf.tidy(() => {
    const x = tf.tensor4d(input.x, [n, s, s, config.inChannels]);
    const r = input.forward(doubled ? (tf.concat([x, x], 0) as tf.Tensor4D) : x, tf.tensor1d(ts, 'int32'), cond, m);
    return { eps: r.eps, extra: r.extra ?? {} };
  });
  try {
    const data = (await eps.data()) as Float32Array;
    const out: GuidedBatchResult = { eps: data, extra: {} };
    for (const [name, t] of Object.entries(extra)) out.extra[name] = { data: (await t.data()) as Float32Array, shape: t.shape };
    if (!doubled) return out;
    const epsC = data.subarray(0, n * pix);
    const epsU = data.subarray(n * pix);
    out.eps = Float32Array.from(guideEps(epsU, epsC, w));
    // Copies, not views into the doubled batch: the text worker posts each to the page, and a view would carry the whole batch.
    if (input.parts) Object.assign(out, { epsU: epsU.slice(), epsC: epsC.slice() });
    return out;
  } finally {
    eps.dispose();
    tf.dispose(Object.values(extra));
  }
}
