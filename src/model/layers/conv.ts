import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../params';

/**
 * k×k convolution, NHWC, with PyTorch-style symmetric padding (k-1)/2 so that
 * a stride-2 conv maps 28→14→7 exactly as `nn.Conv2d(k, stride=2, padding=1)`.
 */
export function conv2d(w: Weights, name: string, x: tf.Tensor4D, stride = 1): tf.Tensor4D {
  const kernel = w[`${name}.w`] as tf.Tensor4D;
  const bias = w[`${name}.b`];
  const k = kernel.shape[0];
  const p = (k - 1) / 2;
  const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [p, p], [p, p], [0, 0]];
  const y = k === 1 && stride === 1 ? 
    // 1×1 conv as a matmul: same maths, cheaper kernels everywhere.
    tf.matMul(x.reshape([-1, kernel.shape[2]]), kernel.reshape([kernel.shape[2], kernel.shape[3]])).reshape([x.shape[0], x.shape[1], x.shape[2], kernel.shape[3]]) as tf.Tensor4D
    : tf.conv2d(x, kernel, stride, p === 0 ? 'valid' : pad);
  return tf.add(y, bias);
}

/** Dense layer over the last axis: [..., in] → [..., out]. */
export function linear<T extends tf.Tensor>(w: Weights, name: string, x: T): T {
  const W = w[`${name}.w`] as tf.Tensor2D;
  const b = w[`${name}.b`];
  const inDim = W.shape[0];
  const outDim = W.shape[1];
  const lead = x.shape.slice(0, -1);
  const y = tf.matMul(x.reshape([-1, inDim]) as tf.Tensor2D, W);
  return tf.add(y, b).reshape([...lead, outDim]) as T;
}
