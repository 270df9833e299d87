/**
 * One fused kernel for a parameter's whole update: global-norm clip scale,
 * Adam (Kingma & Ba 2015) with bias correction, and the EMA of the new
 * weight. On wasm (src/backends/wasm-kernels.ts) it is a single JS pass over the
 * heap instead of ~14 small kernel calls per tensor; elsewhere the same maths
 * runs as TF.js ops.
 */
import * as tf from '@tensorflow/tfjs';

export const FUSED_ADAM = 'DDAdamEma';

/**
 * Optional kernel: Σ x² over every element of every input (the gradients'
 * global norm, squared), as a scalar. The wasm engine registers it: one pass
 * instead of a Square and a Sum per parameter tensor and an AddN, kernel calls
 * whose fixed cost is most of their time on the many small tensors.
 */
export const SUM_OF_SQUARES = 'DDSumOfSquares';

/** Σ x² over all the tensors, as a scalar tensor. */
export function sumOfSquares(xs: tf.Tensor[]): tf.Scalar {
  if (tf.getKernel(SUM_OF_SQUARES, tf.getBackend())) {
    return tf.engine().runKernel(SUM_OF_SQUARES, Object.fromEntries(xs.map((x, i) => [`x${i}`, x]))) as tf.Scalar;
  }
  return tf.addN(xs.map((x) => tf.sum(tf.square(x)))) as tf.Scalar;
}

/** The same on plain arrays, accumulated in float64. */
export function sumOfSquaresArrays(xs: Float32Array[]): number {
  let s = 0;
  for (const x of xs) for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

export interface AdamEmaAttrs {
  /** lr / (1 − β₁ᵏ) */
  stepSize: number;
  beta1: number;
  beta2: number;
  /** 1 − β₂ᵏ */
  bc2: number;
  eps: number;
  emaDecay: number;
}

export interface AdamEmaResult {
  w: tf.Tensor;
  m: tf.Tensor;
  v: tf.Tensor;
  ema: tf.Tensor;
}

/** New (w, m, v, ema) from the gradient g scaled by `scale` (a scalar tensor). Call inside tf.tidy. */
export function adamEmaUpdate(w: tf.Tensor, g: tf.Tensor, m: tf.Tensor, v: tf.Tensor, ema: tf.Tensor, scale: tf.Scalar, a: AdamEmaAttrs): AdamEmaResult {
  if (tf.getKernel(FUSED_ADAM, tf.getBackend())) {
    const [w2, m2, v2, e2] = tf.engine().runKernel(FUSED_ADAM, { w, g, m, v, ema, scale }, a as unknown as tf.NamedAttrMap) as tf.Tensor[];
    return { w: w2, m: m2, v: v2, ema: e2 };
  }
  const gs = tf.mul(g, scale);
  const mNew = tf.add(tf.mul(m, a.beta1), tf.mul(gs, 1 - a.beta1));
  const vNew = tf.add(tf.mul(v, a.beta2), tf.mul(tf.square(gs), 1 - a.beta2));
  const wNew = tf.sub(w, tf.div(tf.mul(mNew, a.stepSize), tf.add(tf.sqrt(tf.div(vNew, a.bc2)), a.eps)));
  const eNew = tf.add(tf.mul(ema, a.emaDecay), tf.mul(wNew, 1 - a.emaDecay));
  return { w: wNew, m: mNew, v: vNew, ema: eNew };
}

/** The same update on plain arrays (written into the out arrays). */
export function adamEmaArrays(
  w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, ema: Float32Array, scale: number, a: AdamEmaAttrs,
  wOut: Float32Array, mOut: Float32Array, vOut: Float32Array, eOut: Float32Array,
): void {
  const { stepSize, beta1, beta2, bc2, eps, emaDecay } = a;
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  const ce = 1 - emaDecay;
  const ibc2 = 1 / bc2;
  for (let i = 0; i < w.length; i++) {
    const gi = g[i] * scale;
    const mi = m[i] * beta1 + gi * c1;
    const vi = v[i] * beta2 + gi * gi * c2;
    const wi = w[i] - (mi * stepSize) / (Math.sqrt(vi * ibc2) + eps);
    mOut[i] = mi;
    vOut[i] = vi;
    wOut[i] = wi;
    eOut[i] = ema[i] * emaDecay + wi * ce;
  }
}
