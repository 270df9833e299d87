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
 * go through the U-Net as one batch of 2n (guided-batch.ts, as for labels).
 */
import * as tf from '@tensorflow/tfjs';
import type { UNetConfig } from './config';
import { PAD_ID } from '../text/vocabulary';
import { guidedBatch } from './guided-batch';
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
  const r = await guidedBatch({
    config,
    x: input.x,
    t: Int32Array.from(input.t),
    cond: input.tokens,
    none: PAD_ID,
    guidance: input.guidance ?? 1,
    parts: input.parts,
    forward: (x, t, ids, m) => {
      const out = unetForward(weights, config, x, t, null, { tokens: tf.tensor2d(ids, [m, L], 'int32'), returnAttention: !!input.attention });
      const maps: Record<string, tf.Tensor> = {};
      for (const [name, a] of Object.entries(out.attention ?? {})) {
        // Conditional half only, mean over heads: [n, HW, L].
        if (a.cross) maps[name] = tf.mean(a.cross.slice([0, 0, 0, 0], [n, -1, -1, -1]), 1);
      }
      return { eps: out.eps, extra: maps };
    },
  });
  const result: TextEpsResult = { eps: r.eps };
  if (r.epsU && r.epsC) Object.assign(result, { epsU: r.epsU, epsC: r.epsC });
  if (input.attention) {
    result.cross = Object.entries(r.extra).map(([block, a]) => ({ block, size: Math.round(Math.sqrt(a.shape[1]!)), maps: a.data }));
  }
  return result;
}
