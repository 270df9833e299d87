import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../params';

/*
 * On wasm the bias goes into the convolution or matmul itself (XNNPACK adds it
 * in the same pass), which saves a full read and write of the activation per
 * layer, ~1% of a training step. The fused ops' gradients are TF.js' own and
 * use the same kernels as the plain ops. Other backends keep the plain ops.
 */
const fuseBias = () => tf.getBackend() === 'wasm';

/**
 * k×k convolution, NHWC, with PyTorch-style symmetric padding (k-1)/2 so that
 * a stride-2 conv maps 28→14→7 exactly as `nn.Conv2d(k, stride=2, padding=1)`.
 */
export function conv2d(w: Weights, name: string, x: tf.Tensor4D, stride = 1): tf.Tensor4D {
  const kernel = w[`${name}.w`] as tf.Tensor4D;
  const bias = w[`${name}.b`];
  const k = kernel.shape[0];
  const p = (k - 1) / 2;
  const [cin, cout] = [kernel.shape[2], kernel.shape[3]];
  if (k === 1 && stride === 1) {
    // 1×1 conv as a matmul: same maths, cheaper kernels everywhere.
    const flat = x.reshape([-1, cin]) as tf.Tensor2D;
    const kk = kernel.reshape([cin, cout]) as tf.Tensor2D;
    const y = fuseBias() ? tf.fused.matMul({ a: flat, b: kk, bias }) : tf.add(tf.matMul(flat, kk), bias);
    return y.reshape([x.shape[0], x.shape[1], x.shape[2], cout]);
  }
  const pad: [[number, number], [number, number], [number, number], [number, number]] | 'valid' = p === 0 ? 'valid' : [[0, 0], [p, p], [p, p], [0, 0]];
  // The fused op's gradient always computes dx; a 1-channel input is the noisy image itself, whose dx nobody needs.
  if (fuseBias() && cin > 1) return tf.fused.conv2d({ x, filter: kernel, strides: stride, pad, bias });
  return tf.add(tf.conv2d(x, kernel, stride, pad), bias);
}

/** Dense layer over the last axis: [..., in] → [..., out]. */
export function linear<T extends tf.Tensor>(w: Weights, name: string, x: T): T {
  const W = w[`${name}.w`] as tf.Tensor2D;
  const b = w[`${name}.b`];
  const inDim = W.shape[0];
  const outDim = W.shape[1];
  const lead = x.shape.slice(0, -1);
  const flat = x.reshape([-1, inDim]) as tf.Tensor2D;
  const y = fuseBias() ? tf.fused.matMul({ a: flat, b: W, bias: b }) : tf.add(tf.matMul(flat, W), b);
  return y.reshape([...lead, outDim]) as T;
}
