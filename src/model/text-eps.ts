/**
 * ε̂ for a text-conditioned model, with what lessons 6–8 show next to it:
 * the cross-attention maps of every block (which token each pixel reads)
 * and the two predictions that classifier-free guidance blends.
 *
 * Guidance as everywhere in the project (src/diffusion/guidance.ts):
 * ε = ε_u + w(ε_c − ε_u), w = 1 the plain conditional model, w = 0 the
 * unconditional one. The unconditional prompt is all [PAD] (the empty
 * caption the trainer drops captions to), so an empty prompt is exactly ε_u.
 *
 * One network call per request: the conditional and unconditional halves
 * go through the U-Net as one batch of 2n.
 */
import * as tf from '@tensorflow/tfjs';
import { guideEps } from '../diffusion/guidance';
import type { UNetConfig } from './config';
import type { Weights } from './params';
import { unetForward } from './unet';

export interface TextEpsInput {
  /** n images laid end to end, imageSize² × inChannels values each. */
  x: Float32Array;
  /** One timestep (schedule index 0..T−1) per image. */
  t: ArrayLike<number>;
  /** n × maxTokens token ids, row-major; a row of zeros ([PAD]) is "no prompt". */
  tokens: Int32Array;
  /** Guidance scale w (default 1). */
  guidance?: number;
  /** Return the conditional pass's cross-attention maps, averaged over heads. */
  attention?: boolean;
  /** Return ε_u and ε_c as well (runs the unconditional half even at w = 1). */
  parts?: boolean;
}

/** One block's cross-attention, averaged over heads. */
export interface CrossAttentionMap {
  /** Block name, e.g. "down1.attn0", "mid.attn". */
  block: string;
  /** The block's spatial size: maps are over size × size pixels. */
  size: number;
  /** n × size² × L, row-major: for image i and pixel p, a distribution over the L tokens (sums to 1). */
  maps: Float32Array;
}

export interface TextEpsResult {
  eps: Float32Array;
  epsU?: Float32Array;
  epsC?: Float32Array;
  cross?: CrossAttentionMap[];
}

export function textMaxTokens(config: UNetConfig): number {
  if (!config.text) throw new Error('This model does not read text (its config has no text encoder).');
  return config.text.maxTokens;
}

export async function predictTextEps(weights: Weights, config: UNetConfig, input: TextEpsInput): Promise<TextEpsResult> {
  const L = textMaxTokens(config);
  const pix = config.imageSize * config.imageSize * config.inChannels;
  const n = input.x.length / pix;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`x holds ${input.x.length} values, not a whole number of ${pix}-value images`);
  if (input.t.length !== n) throw new RangeError(`${input.t.length} timesteps for ${n} images`);
  if (input.tokens.length !== n * L) throw new RangeError(`${input.tokens.length} token ids for ${n} prompts of ${L} positions`);
  const w = input.guidance ?? 1;
  const both = w !== 1 || !!input.parts;
  const m = both ? 2 * n : n;
  const s = config.imageSize;
  const ts = new Int32Array(m);
  ts.set(Int32Array.from(input.t), 0);
  if (both) ts.set(Int32Array.from(input.t), n);
  const ids = new Int32Array(m * L);
  ids.set(input.tokens, 0); // second half stays all-[PAD]: the unconditional prompt
  const { eps, cross } = tf.tidy(() => {
    const x = tf.tensor4d(input.x, [n, s, s, config.inChannels]);
    const xx = both ? (tf.concat([x, x], 0) as tf.Tensor4D) : x;
    const r = unetForward(weights, config, xx, tf.tensor1d(ts, 'int32'), null, {
      tokens: tf.tensor2d(ids, [m, L], 'int32'),
      returnAttention: !!input.attention,
    });
    const maps: Record<string, tf.Tensor> = {};
    for (const [name, a] of Object.entries(r.attention ?? {})) {
      // Conditional half only, mean over heads: [n, HW, L].
      if (a.cross) maps[name] = tf.mean(a.cross.slice([0, 0, 0, 0], [n, -1, -1, -1]), 1);
    }
    return { eps: r.eps, cross: maps };
  });
  try {
    const data = (await eps.data()) as Float32Array;
    const crossOut: CrossAttentionMap[] = [];
    for (const [block, t] of Object.entries(cross)) {
      crossOut.push({ block, size: Math.round(Math.sqrt(t.shape[1]!)), maps: (await t.data()) as Float32Array });
    }
    const out: TextEpsResult = { eps: data };
    if (both) {
      const epsC = data.slice(0, n * pix);
      const epsU = data.slice(n * pix);
      out.eps = Float32Array.from(guideEps(epsU, epsC, w));
      if (input.parts) Object.assign(out, { epsU, epsC });
    }
    if (input.attention) out.cross = crossOut;
    return out;
  } finally {
    eps.dispose();
    tf.dispose(Object.values(cross));
  }
}
