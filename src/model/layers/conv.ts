import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../params';
import { backendHas } from './optional-kernels';

/*
 * On wasm the bias goes into the convolution or matmul itself (XNNPACK adds it
 * in the same pass), which saves a full read and write of the activation per
 * layer, ~1% of a training step. The fused ops' gradients are TF.js' own and
 * use the same kernels as the plain ops. Other backends keep the plain ops.
 */
const fuseBias = () => tf.getBackend() === 'wasm';

/**
 * Optional kernel: a conv's filter and bias gradients from one pass over dy
 * (the wasm engine registers it, src/backends/wasm-kernels.ts). Inputs x, dy;
 * attrs as Conv2DBackpropFilter's; outputs [dW, db].
 */
export const CONV_FILTER_BIAS_GRAD = 'DDConv2DFilterBiasGrad';

type Pad = [[number, number], [number, number], [number, number], [number, number]] | 'valid';

/** conv + bias whose gradient takes dW and db from one kernel, where the backend has it. */
function convBiasOneGrad(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor, stride: number, pad: Pad): tf.Tensor4D {
  const attrs = { strides: [stride, stride], pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
  const f = tf.customGrad((xx, ww, bb, save) => {
    (save as tf.GradSaveFunc)([xx as tf.Tensor, ww as tf.Tensor]);
    return {
      value: tf.fused.conv2d({ x: xx as tf.Tensor4D, filter: ww as tf.Tensor4D, strides: stride, pad, bias: bb as tf.Tensor }),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved;
        const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: sw }, { ...attrs, inputShape: sx.shape } as unknown as tf.NamedAttrMap) as tf.Tensor;
        const [dw, db] = tf.engine().runKernel(CONV_FILTER_BIAS_GRAD, { x: sx, dy }, { ...attrs, filterShape: sw.shape } as unknown as tf.NamedAttrMap) as tf.Tensor[];
        return [dx, dw, db];
      },
    };
  });
  return f(x, filter, bias) as tf.Tensor4D;
}

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
  const pad: Pad = p === 0 ? 'valid' : [[0, 0], [p, p], [p, p], [0, 0]];
  // The fused op's gradient always computes dx; a 1-channel input is the noisy image itself, whose dx nobody needs.
  if (fuseBias() && cin > 1) {
    if (backendHas(CONV_FILTER_BIAS_GRAD)) return convBiasOneGrad(x, kernel, bias, stride, pad);
    return tf.fused.conv2d({ x, filter: kernel, strides: stride, pad, bias });
  }
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
