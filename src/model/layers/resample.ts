import * as tf from '@tensorflow/tfjs';
import { backendHas } from './optional-kernels';

/**
 * Name of an optional fused kernel for nearest 2× upsampling, and of its
 * gradient. The wasm training path registers both (src/backends/wasm-kernels.ts):
 * one pass over the heap each way instead of a broadcast add and a
 * five-dimensional Sum. Elsewhere upsample2x uses plain ops.
 */
export const FUSED_UPSAMPLE = 'DDUpsample2x';
export const FUSED_UPSAMPLE_GRAD = 'DDUpsample2xGrad';

if (!tf.getGradient(FUSED_UPSAMPLE)) {
  tf.registerGradient({
    kernelName: FUSED_UPSAMPLE,
    gradFunc: (dy) => ({ x: () => tf.engine().runKernel(FUSED_UPSAMPLE_GRAD, { dy: dy as tf.Tensor }) as tf.Tensor }),
  });
}

/**
 * Nearest-neighbour 2× upsampling. Without the fused kernel: reshape +
 * broadcasting add of zeros. It is exact, and its gradient is a plain sum, so
 * it avoids ResizeNearestNeighborGrad (wrong on the cpu backend for batch > 1
 * in TF.js 4.22) and tf.broadcastTo (a Tile, whose gradient stops at rank 4).
 */
export function upsample2x(x: tf.Tensor4D): tf.Tensor4D {
  if (backendHas(FUSED_UPSAMPLE, FUSED_UPSAMPLE_GRAD)) return tf.engine().runKernel(FUSED_UPSAMPLE, { x }) as tf.Tensor4D;
  const [b, h, w, c] = x.shape;
  const y = tf.add(x.reshape([b * h, 1, w, 1, c]), tf.zeros([1, 2, 1, 2, 1]));
  return y.reshape([b, 2 * h, 2 * w, c]);
}

/** out[b, 2i+di, 2j+dj, c] = x[b, i, j, c] for NHWC x of shape [b, h, w, c]. */
export function upsample2xArrays(x: Float32Array, shape: readonly number[], out: Float32Array): void {
  const [b, h, w, c] = shape;
  const row = 2 * w * c; // one output row
  let xi = 0;
  for (let bi = 0; bi < b * h; bi++) {
    const o0 = bi * 2 * row;
    for (let j = 0; j < w; j++) {
      const o = o0 + 2 * j * c;
      for (let k = 0; k < c; k++, xi++) {
        const v = x[xi];
        out[o + k] = v;
        out[o + c + k] = v;
        out[o + row + k] = v;
        out[o + row + c + k] = v;
      }
    }
  }
}

/** The gradient: dx[b, i, j, c] = the sum of dy over the 2×2 block that x[b, i, j, c] was copied to. */
export function upsample2xGradArrays(dy: Float32Array, shape: readonly number[], dx: Float32Array): void {
  const [b, h, w, c] = shape; // of dx
  const row = 2 * w * c;
  let xi = 0;
  for (let bi = 0; bi < b * h; bi++) {
    const o0 = bi * 2 * row;
    for (let j = 0; j < w; j++) {
      const o = o0 + 2 * j * c;
      for (let k = 0; k < c; k++, xi++) dx[xi] = dy[o + k] + dy[o + c + k] + dy[o + row + k] + dy[o + row + c + k];
    }
  }
}
