/**
 * The text encoder: the tiny stand-in for CLIP's text tower. Token ids
 * [B, L] → token embeddings [B, L, D] that the U-Net's cross-attention reads
 * as keys and values.
 *
 *   ids ─ one-hot × table ─ + position ─ [pre-LN transformer layer] × n ─ LN ─ context
 *
 * Unlike CLIP it is not pretrained: it learns jointly with the denoiser, from
 * our captions only. Padding is not masked: an all-[PAD] prompt is the "empty
 * caption" of classifier-free guidance, and the pixels are free to attend to
 * [PAD] positions as a "nothing here" sink (Stable Diffusion does the same
 * with CLIP's padded output).
 */
import * as tf from '@tensorflow/tfjs';
import { attend } from './layers/attention';
import { linear } from './layers/conv';
import { silu } from './layers/norm';
import type { Weights } from './params';

export { LAYER_NORM_EPS, describeTextEncoder, textEncoderProblems, type TextEncoderConfig } from './text-encoder-spec';
import { LAYER_NORM_EPS, type TextEncoderConfig } from './text-encoder-spec';

/** LayerNorm over the last axis (Ba et al. 2016). */
export function layerNorm(w: Weights, name: string, x: tf.Tensor3D): tf.Tensor3D {
  const { mean, variance } = tf.moments(x, -1, true);
  const normed = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, LAYER_NORM_EPS)));
  return tf.add(tf.mul(normed, w[`${name}.gamma`]), w[`${name}.beta`]) as tf.Tensor3D;
}

export type TextEncoding = {
  /** [B, L, D], the keys' and values' source for cross-attention. */
  context: tf.Tensor3D;
  /** Per layer, the encoder's own self-attention [B, heads, L, L] (how words read each other). */
  selfMaps: tf.Tensor4D[];
};

/** ids: [B, L] int32 (0 = [PAD]). Call inside tf.tidy. */
export function encodeText(w: Weights, tc: TextEncoderConfig, ids: tf.Tensor2D): TextEncoding {
  const [b, L] = ids.shape;
  if (L !== tc.maxTokens) throw new RangeError(`The text encoder reads ${tc.maxTokens} token positions, got ${L}.`);
  // One-hot × table instead of a gather: its gradient is a matmul, which the
  // wasm training path has (it lacks UnsortedSegmentSum).
  const oneHot = tf.oneHot(tf.cast(ids, 'int32').reshape([-1]), tc.vocabSize).cast('float32') as tf.Tensor2D;
  let x = tf.add(tf.matMul(oneHot, w['text.token'] as tf.Tensor2D).reshape([b, L, tc.dim]), w['text.position']) as tf.Tensor3D;
  const selfMaps: tf.Tensor4D[] = [];
  for (let i = 0; i < tc.layers; i++) {
    const p = `text.layer${i}`;
    const qkv = linear(w, `${p}.qkv`, layerNorm(w, `${p}.ln1`, x));
    const [q, k, v] = tf.split(qkv, 3, 2) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
    const a = attend(q, k, v, tc.heads);
    selfMaps.push(a.maps);
    x = tf.add(x, linear(w, `${p}.proj`, a.out));
    const hidden = silu(linear(w, `${p}.fc1`, layerNorm(w, `${p}.ln2`, x)));
    x = tf.add(x, linear(w, `${p}.fc2`, hidden));
  }
  return { context: layerNorm(w, 'text.lnFinal', x), selfMaps };
}
