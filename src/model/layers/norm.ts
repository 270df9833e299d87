import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../params';

export const GROUP_NORM_EPS = 1e-5;

/**
 * Name of an optional fused kernel: GroupNorm, then (if attrs.silu) SiLU.
 * Backends that register it (the wasm training path, see
 * src/train/wasm-kernels.ts) run one pass instead of ~35 small ops per
 * norm; elsewhere the same maths runs as plain TF.js ops. It has three
 * outputs: the result; sigmoid(y) of the normalised y when attrs.silu (a
 * one-element placeholder otherwise); and the per-(image, channel) 1/σ and
 * μ/σ, [B, C, 2]. The gradient reuses the last two instead of recomputing the
 * forward pass.
 */
export const FUSED_GROUP_NORM = 'DDGroupNormAct';
export const FUSED_GROUP_NORM_GRAD = 'DDGroupNormActGrad';

if (!tf.getGradient(FUSED_GROUP_NORM)) {
  tf.registerGradient({
    kernelName: FUSED_GROUP_NORM,
    inputsToSave: ['x', 'gamma', 'beta'],
    outputsToSave: [false, true, true],
    gradFunc: (dys, saved, attrs) => {
      const [x, gamma, beta, sig, stats] = saved;
      const dy = (Array.isArray(dys) ? dys[0] : dys) as tf.Tensor;
      const [dx, dgamma, dbeta] = tf.engine().runKernel(FUSED_GROUP_NORM_GRAD, { dy, x, gamma, beta, sig, stats }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
      return { x: () => dx, gamma: () => dgamma, beta: () => dbeta };
    },
  });
}

function fusedAvailable(): boolean {
  const be = tf.getBackend();
  return !!tf.getKernel(FUSED_GROUP_NORM, be) && !!tf.getKernel(FUSED_GROUP_NORM_GRAD, be);
}

/** GroupNorm (Wu & He 2018) over NHWC with a learnt per-channel scale and shift, optionally followed by SiLU. */
export function groupNorm(w: Weights, name: string, x: tf.Tensor4D, groups: number, act: 'none' | 'silu' = 'none'): tf.Tensor4D {
  const gamma = w[`${name}.gamma`];
  const beta = w[`${name}.beta`];
  const g = Math.min(groups, x.shape[3]);
  if (fusedAvailable()) {
    const [y, sig, stats] = tf.engine().runKernel(FUSED_GROUP_NORM, { x, gamma, beta }, { groups: g, silu: act === 'silu', eps: GROUP_NORM_EPS }) as tf.Tensor[];
    // The tape keeps its own references when recording; nobody else needs them.
    tf.dispose([sig, stats]);
    return y as tf.Tensor4D;
  }
  const [b, h, wd, c] = x.shape;
  const xg = x.reshape([b, h * wd, g, c / g]);
  const { mean, variance } = tf.moments(xg, [1, 3], true);
  const normed = tf.mul(tf.sub(xg, mean), tf.rsqrt(tf.add(variance, GROUP_NORM_EPS))).reshape([b, h, wd, c]);
  const y = tf.add(tf.mul(normed, gamma), beta) as tf.Tensor4D;
  return act === 'silu' ? silu(y) : y;
}

export function silu<T extends tf.Tensor>(x: T): T {
  return tf.mul(x, tf.sigmoid(x));
}

/*
 * The loops below run channel-outer within each image (stride C): the
 * accumulators stay in registers instead of per-channel arrays, which is ~3×
 * faster in V8; one image (≤ 200 KB) stays in cache across the C passes.
 */

/** Per-(image, group) 1/std (rs) and mean/std (mr), spread to per-channel arrays. */
function channelStats(x: Float32Array, base: number, N: number, C: number, groups: number, eps: number, rs: Float64Array, mr: Float64Array, c1: Float64Array, c2: Float64Array) {
  const cg = C / groups;
  const end = base + N * C;
  for (let c = 0; c < C; c++) {
    let a = 0;
    let q = 0;
    for (let i = base + c; i < end; i += C) {
      const v = x[i];
      a += v;
      q += v * v;
    }
    c1[c] = a;
    c2[c] = q;
  }
  const M = N * cg;
  for (let g = 0; g < groups; g++) {
    let a = 0;
    let q = 0;
    for (let c = g * cg; c < (g + 1) * cg; c++) {
      a += c1[c];
      q += c2[c];
    }
    const mean = a / M;
    const r = 1 / Math.sqrt(Math.max(0, q / M - mean * mean) + eps);
    for (let c = g * cg; c < (g + 1) * cg; c++) {
      rs[c] = r;
      mr[c] = mean * r;
    }
  }
}

/**
 * Forward of the fused kernel's normalisation on plain arrays (NHWC, groups of
 * consecutive channels): y = γ·(x − μ)/σ + β. The SiLU, when wanted, is
 * applied by the caller with the backend's vectorised Sigmoid (a JS Math.exp
 * per element costs more than the whole normalisation).
 */
export function groupNormForward(
  x: Float32Array, shape: number[], gamma: Float32Array, beta: Float32Array, groups: number, eps: number, out: Float32Array,
  stats?: Float32Array,
): void {
  const [B, H, W, C] = shape;
  const N = H * W;
  const rs = new Float64Array(C);
  const mr = new Float64Array(C);
  const c1 = new Float64Array(C);
  const c2 = new Float64Array(C);
  for (let b = 0; b < B; b++) {
    const base = b * N * C;
    const end = base + N * C;
    channelStats(x, base, N, C, groups, eps, rs, mr, c1, c2);
    if (stats) for (let c = 0; c < C; c++) {
      stats[(b * C + c) * 2] = rs[c];
      stats[(b * C + c) * 2 + 1] = mr[c];
    }
    for (let c = 0; c < C; c++) {
      const A = rs[c] * gamma[c];
      const S = beta[c] - mr[c] * gamma[c];
      for (let i = base + c; i < end; i += C) out[i] = x[i] * A + S;
    }
  }
}

/**
 * Backward of the fused kernel: dx, dγ, dβ from dy (same layout as the
 * forward). `sig` = sigmoid(y) of the forward's normalised output when the
 * kernel ended in SiLU, null when it did not. `stats` = the forward's
 * [B, C, 2] 1/σ and μ/σ, recomputed from x when absent.
 */
export function groupNormActBackward(
  dy: Float32Array, x: Float32Array, shape: number[], gamma: Float32Array, beta: Float32Array, groups: number, sig: Float32Array | null, eps: number,
  dx: Float32Array, dgamma: Float32Array, dbeta: Float32Array, stats?: Float32Array | null,
): void {
  const [B, H, W, C] = shape;
  const N = H * W;
  const cg = C / groups;
  const M = N * cg;
  const rs = new Float64Array(C);
  const mr = new Float64Array(C);
  const c1 = new Float64Array(C);
  const c2 = new Float64Array(C);
  const dg = new Float64Array(C);
  const db = new Float64Array(C);
  for (let b = 0; b < B; b++) {
    const base = b * N * C;
    const end = base + N * C;
    if (stats) for (let c = 0; c < C; c++) {
      rs[c] = stats[(b * C + c) * 2];
      mr[c] = stats[(b * C + c) * 2 + 1];
    }
    else channelStats(x, base, N, C, groups, eps, rs, mr, c1, c2);
    // Pass 1, per channel: dL/d(normed) through the activation; γ/β grads; Σg and Σg·x̂
    // (into c1, c2); dx holds g = dL/dx̂ for now.
    for (let c = 0; c < C; c++) {
      const r = rs[c];
      const m = mr[c];
      const ga = gamma[c];
      const be = beta[c];
      let adg = 0;
      let adb = 0;
      let ag = 0;
      let agx = 0;
      if (sig) {
        for (let i = base + c; i < end; i += C) {
          const xhat = x[i] * r - m;
          const y = xhat * ga + be;
          const s = sig[i];
          const d = dy[i] * s * (1 + y * (1 - s));
          adg += d * xhat;
          adb += d;
          const gv = d * ga;
          ag += gv;
          agx += gv * xhat;
          dx[i] = gv;
        }
      } else {
        for (let i = base + c; i < end; i += C) {
          const xhat = x[i] * r - m;
          const d = dy[i];
          adg += d * xhat;
          adb += d;
          const gv = d * ga;
          ag += gv;
          agx += gv * xhat;
          dx[i] = gv;
        }
      }
      dg[c] += adg;
      db[c] += adb;
      c1[c] = ag;
      c2[c] = agx;
    }
    // dx = rstd · (g − mean_group(g) − x̂ · mean_group(g·x̂)) = g·P + x·Q + R per channel.
    for (let gi = 0; gi < groups; gi++) {
      let sg = 0;
      let sgx = 0;
      for (let c = gi * cg; c < (gi + 1) * cg; c++) {
        sg += c1[c];
        sgx += c2[c];
      }
      sg /= M;
      sgx /= M;
      for (let c = gi * cg; c < (gi + 1) * cg; c++) {
        const P = rs[c];
        const Q = -rs[c] * rs[c] * sgx;
        const R = -rs[c] * sg + mr[c] * rs[c] * sgx;
        for (let i = base + c; i < end; i += C) dx[i] = dx[i] * P + x[i] * Q + R;
      }
    }
  }
  for (let c = 0; c < C; c++) {
    dgamma[c] = dg[c];
    dbeta[c] = db[c];
  }
}
