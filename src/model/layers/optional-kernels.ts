import * as tf from '@tensorflow/tfjs';

/**
 * Whether the current backend registers every one of these kernels: the
 * layers use a fused kernel (and its gradient) only where a backend provides
 * both, and plain TF.js ops elsewhere.
 */
export function backendHas(...kernelNames: string[]): boolean {
  const be = tf.getBackend();
  return kernelNames.every((k) => !!tf.getKernel(k, be));
}
