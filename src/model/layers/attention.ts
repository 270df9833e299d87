import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../params';
import { linear } from './conv';
import { groupNorm } from './norm';

/**
 * Multi-head scaled dot-product attention over [B, N, C] queries and
 * [B, M, C] keys/values. Returns the output and the attention maps
 * [B, heads, N, M] (softmax over M).
 */
export function attend(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, heads: number): { out: tf.Tensor3D; maps: tf.Tensor4D } {
  const [b, n, c] = q.shape;
  const m = k.shape[1];
  const d = c / heads;
  const split = (x: tf.Tensor3D, len: number) => x.reshape([b, len, heads, d]).transpose([0, 2, 1, 3]) as tf.Tensor4D;
  const qh = split(q, n);
  const kh = split(k, m);
  const vh = split(v, m);
  const scores = tf.mul(tf.matMul(qh, kh, false, true), 1 / Math.sqrt(d));
  const maps = tf.softmax(scores) as tf.Tensor4D;
  const out = tf.matMul(maps, vh).transpose([0, 2, 1, 3]).reshape([b, n, c]) as tf.Tensor3D;
  return { out, maps };
}

export interface AttentionResult {
  y: tf.Tensor4D;
  /** Self-attention maps [B, heads, HW, HW] (when the block has self-attention). */
  selfMaps?: tf.Tensor4D;
  /** Cross-attention maps [B, heads, HW, L] when a context was given. */
  crossMaps?: tf.Tensor4D;
}

/**
 * Attention block: x + Proj(SelfAttn(GN(x))) when `self`, then, when `cross`,
 * x + Proj(CrossAttn(GN(x), context)). The cross part is where text
 * conditioning plugs in: queries from pixels, keys/values from the token
 * embeddings, and its maps say which token each pixel reads.
 */
export function attentionBlock(
  w: Weights,
  name: string,
  x: tf.Tensor4D,
  opts: { heads: number; groups: number; context?: tf.Tensor3D; self: boolean; cross: boolean; queryPositions?: boolean },
): AttentionResult {
  const [b, h, wd, c] = x.shape;
  const n = h * wd;
  let y = x;
  let selfMaps: tf.Tensor4D | undefined;
  if (opts.self) {
    const hn = groupNorm(w, `${name}.norm`, x, opts.groups).reshape([b, n, c]) as tf.Tensor3D;
    const qkv = linear(w, `${name}.qkv`, hn);
    const [q, k, v] = tf.split(qkv, 3, 2) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
    const self = attend(q, k, v, opts.heads);
    y = tf.add(x, linear(w, `${name}.proj`, self.out).reshape([b, h, wd, c])) as tf.Tensor4D;
    selfMaps = self.maps;
  }
  let crossMaps: tf.Tensor4D | undefined;
  if (opts.cross) {
    if (!opts.context) throw new Error(`${name}: this model has cross-attention and needs a context [B, L, D].`);
    let hn2 = groupNorm(w, `${name}.xnorm`, y, opts.groups).reshape([b, n, c]) as tf.Tensor3D;
    // Optional learnt per-pixel position (config.crossQueryPositions): [HW, C], broadcast over the batch.
    if (opts.queryPositions) hn2 = tf.add(hn2, w[`${name}.xpos`]) as tf.Tensor3D;
    const cq = linear(w, `${name}.xq`, hn2);
    const ckv = linear(w, `${name}.xkv`, opts.context);
    const [ck, cv] = tf.split(ckv, 2, 2) as [tf.Tensor3D, tf.Tensor3D];
    const cross = attend(cq, ck, cv, opts.heads);
    y = tf.add(y, linear(w, `${name}.xproj`, cross.out).reshape([b, h, wd, c])) as tf.Tensor4D;
    crossMaps = cross.maps;
  }
  return { y, selfMaps, crossMaps };
}
