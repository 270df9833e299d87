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
import type { ParamSpec, Weights } from './params';

export interface TextEncoderConfig {
  vocabSize: number;
  /** Token positions read; longer prompts are cut by the tokenizer. */
  maxTokens: number;
  /** Width of the embeddings (= the U-Net's contextDim). */
  dim: number;
  layers: number;
  heads: number;
  /** Hidden width of each layer's MLP. */
  mlpDim: number;
}

export const LAYER_NORM_EPS = 1e-5;

/** The encoder's weights (names start with "text.") and multiply-accumulates per prompt. */
export function describeTextEncoder(tc: TextEncoderConfig): { specs: ParamSpec[]; macs: number } {
  const specs: ParamSpec[] = [];
  let macs = 0;
  const L = tc.maxTokens;
  const D = tc.dim;
  const lin = (name: string, din: number, dout: number, zero = false) => {
    specs.push({ name: `${name}.w`, shape: [din, dout], init: zero ? 'zeroFinal' : 'fanIn', fanIn: din });
    specs.push({ name: `${name}.b`, shape: [dout], init: 'zeros' });
    macs += L * din * dout;
  };
  const ln = (name: string) => {
    specs.push({ name: `${name}.gamma`, shape: [D], init: 'ones' });
    specs.push({ name: `${name}.beta`, shape: [D], init: 'zeros' });
  };
  // fanIn 1/3 makes the uniform init's variance 1, like nn.Embedding's N(0, 1).
  specs.push({ name: 'text.token', shape: [tc.vocabSize, D], init: 'fanIn', fanIn: 1 / 3 });
  specs.push({ name: 'text.position', shape: [L, D], init: 'fanIn', fanIn: 1 / 3 });
  for (let i = 0; i < tc.layers; i++) {
    const p = `text.layer${i}`;
    ln(`${p}.ln1`);
    lin(`${p}.qkv`, D, 3 * D);
    macs += 2 * L * L * D;
    lin(`${p}.proj`, D, D, true);
    ln(`${p}.ln2`);
    lin(`${p}.fc1`, D, tc.mlpDim);
    lin(`${p}.fc2`, tc.mlpDim, D, true);
  }
  ln('text.lnFinal');
  return { specs, macs };
}

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

export function textEncoderProblems(tc: TextEncoderConfig, contextDim: number): string[] {
  const p: string[] = [];
  for (const k of ['vocabSize', 'maxTokens', 'dim', 'layers', 'heads', 'mlpDim'] as const) {
    if (!Number.isInteger(tc[k]) || tc[k] <= 0) p.push(`text.${k} must be a positive integer`);
  }
  if (tc.dim !== contextDim) p.push(`text.dim (${tc.dim}) must equal contextDim (${contextDim})`);
  if (tc.dim % tc.heads !== 0) p.push(`text.dim ${tc.dim} does not split into ${tc.heads} heads`);
  return p;
}
