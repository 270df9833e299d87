import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../params';

/**
 * Sinusoidal features of the timestep (Vaswani et al. 2017, as in Ho et al.
 * 2020): [sin(t·f_i), cos(t·f_i)] with f_i = 10000^(-i/(half-1)).
 */
export function timestepFeatures(t: tf.Tensor1D, dim: number): tf.Tensor2D {
  const half = dim / 2;
  const freqs = new Float32Array(half);
  const denom = Math.max(1, half - 1);
  for (let i = 0; i < half; i++) freqs[i] = Math.exp((-Math.log(10000) * i) / denom);
  const args = tf.mul(tf.cast(t, 'float32').reshape([-1, 1]), tf.tensor2d(freqs, [1, half]));
  return tf.concat([tf.sin(args), tf.cos(args)], 1) as tf.Tensor2D;
}

/**
 * Looks up a label embedding as one-hot × table: same result as a gather, and
 * its gradient is a matmul (the wasm backend has no UnsortedSegmentSum for the
 * gather gradient).
 */
export function labelEmbedding(w: Weights, name: string, labels: tf.Tensor1D, numEntries: number): tf.Tensor2D {
  const oneHot = tf.oneHot(tf.cast(labels, 'int32'), numEntries).cast('float32') as tf.Tensor2D;
  return tf.matMul(oneHot, w[`${name}.table`] as tf.Tensor2D);
}
