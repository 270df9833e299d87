import * as tf from '@tensorflow/tfjs';

/**
 * Nearest-neighbour 2× upsampling by reshape + broadcasting add of zeros. It
 * is exact, and its gradient is a plain sum, so it avoids
 * ResizeNearestNeighborGrad (wrong on the cpu backend for batch > 1 in TF.js
 * 4.22) and tf.broadcastTo (a Tile, whose gradient stops at rank 4).
 */
export function upsample2x(x: tf.Tensor4D): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const y = tf.add(x.reshape([b * h, 1, w, 1, c]), tf.zeros([1, 2, 1, 2, 1]));
  return y.reshape([b, 2 * h, 2 * w, c]);
}
