/**
 * Gradients on the wasm backend with our kernels (src/backends/wasm-kernels.ts)
 * must match the stock cpu backend, for the conv ops alone and for the loss
 * of a whole small U-Net. The U-Net upsamples by reshape + broadcast, so the
 * cpu's wrong ResizeNearestNeighborGrad (batch > 1) is not involved and batch 3
 * is a fair test.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { unetConfig } from '../../../src/model/config';
import { describeUNet, unetForward } from '../../../src/model/unet';
import { initValues } from '../../../src/model/params';
import { registerWasmTrainingKernels, setWasmKernelMethods, wasmKernelMethods } from '../../../src/backends/wasm-kernels';
import { CONV_FILTER_BIAS_GRAD } from '../../../src/model/layers/conv';

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  await tf.ready();
});

const seq = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));
const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

/** max |a − b| / max |b|: a scale-free error that a float32 sum order cannot push past ~1e-5. */
function relErr(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return m === 0 ? d : d / m;
}

async function onBackend<T>(name: string, f: () => Promise<T>): Promise<T> {
  const prev = tf.getBackend();
  await tf.setBackend(name);
  try {
    return await f();
  } finally {
    await tf.setBackend(prev);
  }
}

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
const sym: Pad = [[0, 0], [1, 1], [1, 1], [0, 0]];
const cases: { x: number[]; w: number[]; stride: number; pad: Pad }[] = [
  { x: [2, 8, 8, 3], w: [3, 3, 3, 5], stride: 1, pad: sym },
  { x: [2, 8, 8, 3], w: [3, 3, 3, 5], stride: 2, pad: sym },
  { x: [3, 7, 7, 4], w: [3, 3, 4, 2], stride: 2, pad: sym },
  { x: [2, 8, 8, 3], w: [3, 3, 3, 5], stride: 1, pad: 'same' },
  { x: [2, 8, 8, 3], w: [3, 3, 3, 5], stride: 2, pad: 'same' },
  { x: [2, 9, 9, 3], w: [3, 3, 3, 5], stride: 2, pad: 'valid' },
  { x: [2, 8, 8, 3], w: [1, 1, 3, 5], stride: 1, pad: 'valid' },
  { x: [1, 6, 6, 1], w: [3, 3, 1, 4], stride: 1, pad: sym },
  // Phases of a strided input gradient: stride 3, a 1×1 kernel that skips rows, a non-square kernel on an odd size.
  { x: [2, 10, 10, 3], w: [3, 3, 3, 2], stride: 3, pad: 'same' },
  { x: [2, 8, 8, 3], w: [1, 1, 3, 2], stride: 2, pad: 'valid' },
  { x: [1, 9, 8, 2], w: [5, 3, 2, 3], stride: 2, pad: 'same' },
];

async function convGrads(c: (typeof cases)[number]) {
  return tf.tidy(() => {
    const x = tf.tensor4d(seq(size(c.x), (i) => Math.sin(i * 1.3)), c.x as [number, number, number, number]);
    const w = tf.tensor4d(seq(size(c.w), (i) => Math.cos(i * 0.7)), c.w as [number, number, number, number]);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad).square().sum());
    return g([x, w]);
  });
}

describe('conv2d gradients: wasm + our kernels vs stock cpu', () => {
  for (const c of cases) {
    for (const method of ['dilated-conv', 'im2col'] as const) {
      it(`x${JSON.stringify(c.x)} w${JSON.stringify(c.w)} stride ${c.stride} pad ${JSON.stringify(c.pad)} (${method})`, async () => {
        const [cx, cw] = await onBackend('cpu', async () => {
          const [gx, gw] = await convGrads(c);
          const out = [(await gx.data()) as Float32Array, (await gw.data()) as Float32Array];
          tf.dispose([gx, gw]);
          return out;
        });
        setWasmKernelMethods({ filterGrad: method });
        const [gx, gw] = await convGrads(c);
        setWasmKernelMethods({ filterGrad: 'dilated-conv' });
        expect(relErr((await gx.data()) as Float32Array, cx)).toBeLessThan(1e-5);
        expect(relErr((await gw.data()) as Float32Array, cw)).toBeLessThan(1e-5);
        tf.dispose([gx, gw]);
      });
    }
  }

  for (const c of cases) {
    it(`filter and bias gradients from one conv: x${JSON.stringify(c.x)} w${JSON.stringify(c.w)} stride ${c.stride} pad ${JSON.stringify(c.pad)}`, async () => {
      const [gw, gb, ref, refB] = tf.tidy(() => {
        const x = tf.tensor4d(seq(size(c.x), (i) => Math.sin(i * 1.3)), c.x as [number, number, number, number]);
        const w = tf.tensor4d(seq(size(c.w), (i) => Math.cos(i * 0.7)), c.w as [number, number, number, number]);
        const dy = tf.conv2d(x, w, c.stride, c.pad).mul(0.5).sin();
        const attrs = { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC', filterShape: c.w } as unknown as tf.NamedAttrMap;
        const [dw, db] = tf.engine().runKernel(CONV_FILTER_BIAS_GRAD, { x, dy }, attrs) as tf.Tensor[];
        return [dw, db, tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor, dy.sum([0, 1, 2])];
      });
      expect(gw.shape).toEqual(c.w);
      expect(relErr((await gw.data()) as Float32Array, (await ref.data()) as Float32Array)).toBeLessThan(1e-6);
      expect(relErr((await gb.data()) as Float32Array, (await refB.data()) as Float32Array)).toBeLessThan(1e-5);
      tf.dispose([gw, gb, ref, refB]);
    });
  }

  it('filter and bias gradients summed over chunks of images match the whole batch at once and the cpu', async () => {
    const saved = wasmKernelMethods().filterChunkFloats;
    // Batch 9 in chunks of 4, 4 and 1: stride 1, stride 2, and a one-channel input.
    for (const c of [cases[0], cases[2], cases[7]]) {
      const xs = [9, ...c.x.slice(1)] as [number, number, number, number];
      const attrs = { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC', filterShape: c.w } as unknown as tf.NamedAttrMap;
      const inputs = () =>
        tf.tidy(() => {
          const x = tf.tensor4d(seq(size(xs), (i) => Math.sin(i * 1.3)), xs);
          const w = tf.tensor4d(seq(size(c.w), (i) => Math.cos(i * 0.7)), c.w as [number, number, number, number]);
          return { x, dy: tf.conv2d(x, w, c.stride, c.pad).mul(0.5).sin() };
        });
      const grads = (chunk: number) => {
        setWasmKernelMethods({ filterChunkFloats: chunk });
        const { x, dy } = inputs();
        const out = [...(tf.engine().runKernel(CONV_FILTER_BIAS_GRAD, { x, dy }, attrs) as tf.Tensor[]), tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor];
        tf.dispose([x, dy]);
        return out;
      };
      const probe = inputs();
      const perImage = size(probe.dy.shape.slice(1));
      tf.dispose([probe.x, probe.dy]);
      const whole = grads(Infinity);
      const chunked = grads(4 * perImage);
      setWasmKernelMethods({ filterChunkFloats: saved });
      const ref = await onBackend('cpu', async () => {
        const { x, dy } = inputs();
        const r = [tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor, dy.sum([0, 1, 2])];
        const out = await Promise.all(r.map(async (t) => (await t.data()) as Float32Array));
        tf.dispose([x, dy, ...r]);
        return out;
      });
      // Only the order of the float32 sums differs.
      for (let i = 0; i < 3; i++) expect(relErr((await chunked[i].data()) as Float32Array, (await whole[i].data()) as Float32Array)).toBeLessThan(1e-5);
      expect(relErr((await chunked[0].data()) as Float32Array, ref[0])).toBeLessThan(1e-5);
      // The bias gradient sums hundreds of float32 terms that mostly cancel, in a different order on each side.
      expect(relErr((await chunked[1].data()) as Float32Array, ref[1])).toBeLessThan(1e-4);
      expect(relErr((await chunked[2].data()) as Float32Array, ref[0])).toBeLessThan(1e-5);
      tf.dispose([...whole, ...chunked]);
    }
  });

  it('transposed matmuls match', async () => {
    const a = seq(6 * 5, (i) => Math.sin(i));
    const b = seq(5 * 4, (i) => Math.cos(i));
    const run = () =>
      tf.tidy(() => {
        const A = tf.tensor2d(a, [6, 5]);
        const B = tf.tensor2d(b, [5, 4]);
        return [tf.matMul(A.transpose(), B, true, false), tf.matMul(A, B.transpose(), false, true), tf.matMul(A.transpose(), B.transpose(), true, true)];
      });
    const ref = await onBackend('cpu', async () => Promise.all(run().map(async (t) => (await t.data()) as Float32Array)));
    const got = await Promise.all(run().map(async (t) => (await t.data()) as Float32Array));
    got.forEach((g, i) => expect(relErr(g, ref[i])).toBeLessThan(1e-6));
  });

  it('batched and tall transposed matmuls match', async () => {
    const run = () =>
      tf.tidy(() => {
        const t = (shape: number[], k: number) => tf.tensor(seq(size(shape), (i) => Math.sin(i * k)), shape);
        const out: tf.Tensor[] = [];
        for (const ta of [false, true]) {
          for (const tb of [false, true]) {
            // 2×3 batch of 5×4 · 4×6 (the attention path through a depthwise conv), and tall 2-D products.
            out.push(tf.matMul(t(ta ? [2, 3, 4, 5] : [2, 3, 5, 4], 0.3), t(tb ? [2, 3, 6, 4] : [2, 3, 4, 6], 0.7), ta, tb));
            out.push(tf.matMul(t(ta ? [40, 7] : [7, 40], 0.2), t(tb ? [3, 40] : [40, 3], 0.9), ta, tb));
          }
        }
        return out;
      });
    const ref = await onBackend('cpu', async () => Promise.all(run().map(async (t) => (await t.data()) as Float32Array)));
    const got = run();
    for (let i = 0; i < got.length; i++) {
      expect(got[i].shape).toEqual(i % 2 ? [7, 3] : [2, 3, 5, 6]);
      expect(relErr((await got[i].data()) as Float32Array, ref[i])).toBeLessThan(1e-6);
    }
    tf.dispose(got);
  });

  it('transposed products with a long shared axis (weight gradients of 1×1 convs) match', async () => {
    // 4,160 rows go through the 3-D transpose (64 | rows), 4,104 too (8 | rows), 4,097 through the stock one.
    const run = () =>
      tf.tidy(() =>
        [4160, 4104, 4097].flatMap((k) => {
          const a = tf.tensor2d(seq(k * 6, (i) => Math.sin(i * 0.3)), [k, 6]);
          const b = tf.tensor2d(seq(k * 5, (i) => Math.cos(i * 0.7)), [k, 5]);
          return [tf.matMul(a, b, true, false), tf.matMul(b.reshape([1, k, 5]), a.reshape([1, k, 6]), true, false)];
        }),
      );
    const ref = await onBackend('cpu', async () => Promise.all(run().map(async (t) => (await t.data()) as Float32Array)));
    const got = run();
    for (let i = 0; i < got.length; i++) {
      expect(got[i].shape).toEqual(i % 2 ? [1, 5, 6] : [6, 5]);
      expect(relErr((await got[i].data()) as Float32Array, ref[i])).toBeLessThan(1e-5);
    }
    tf.dispose(got);
  });

  it('split on any axis matches the stock cpu kernel exactly', async () => {
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor4d(seq(2 * 3 * 4 * 5, (i) => i), [2, 3, 4, 5]);
        return [...tf.split(x, [1, 3, 1], 3), ...tf.split(x, 3, 1), ...tf.split(x, [1, -1], 0), ...tf.split(x, [3, 1], -2)];
      });
    const ref = await onBackend('cpu', async () => Promise.all(run().map(async (t) => ({ shape: t.shape, v: Array.from(await t.data()) }))));
    const got = await Promise.all(run().map(async (t) => ({ shape: t.shape, v: Array.from(await t.data()) })));
    expect(got).toEqual(ref);
  });

  it('concat on any axis matches the stock cpu kernel exactly', async () => {
    const run = () =>
      tf.tidy(() => {
        const t = (shape: number[], k: number) => tf.tensor(seq(size(shape), (i) => i * k), shape);
        return [
          tf.concat([t([2, 3, 4, 5], 1), t([2, 3, 4, 2], 2)], 3),
          tf.concat([t([2, 3, 4, 5], 1), t([2, 1, 4, 5], 3), t([2, 2, 4, 5], 5)], 1),
          tf.concat([t([1, 3], 1), t([2, 3], 2)], 0),
          tf.concat([t([2, 3, 4], 1), t([2, 3, 0], 1), t([2, 3, 1], 7)], -1),
          tf.concat([tf.tensor2d([1, 2], [1, 2], 'int32'), tf.tensor2d([3], [1, 1], 'int32')], 1),
        ];
      });
    const ref = await onBackend('cpu', async () => Promise.all(run().map(async (t) => ({ shape: t.shape, v: Array.from(await t.data()) }))));
    const got = await Promise.all(run().map(async (t) => ({ shape: t.shape, v: Array.from(await t.data()) })));
    expect(got).toEqual(ref);
  });

  it('sums over leading and middle axes match the stock cpu kernel', async () => {
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor4d(seq(4 * 5 * 6 * 3, (i) => Math.sin(i * 0.37)), [4, 5, 6, 3]);
        const big = tf.tensor3d(seq(70 * 2 * 3, (i) => Math.cos(i * 0.11)), [70, 2, 3]);
        return [tf.sum(x, [1, 2], true), tf.sum(x, [1, 2]), tf.sum(x, 1), tf.sum(x, [2, 1]), tf.sum(x, [1, 3]), tf.sum(x, [0, 1, 2]), tf.sum(big, 0), tf.sum(x.reshape([4, 5, 6, 3, 1]), [1, 2, 3], true)];
      });
    const ref = await onBackend('cpu', async () => Promise.all(run().map(async (t) => ({ shape: t.shape, v: (await t.data()) as Float32Array }))));
    const got = run();
    for (let i = 0; i < got.length; i++) {
      expect(got[i].shape).toEqual(ref[i].shape);
      expect(relErr((await got[i].data()) as Float32Array, ref[i].v)).toBeLessThan(1e-6);
    }
    tf.dispose(got);
  });

  it('the sum of squares of many tensors (the global gradient norm) matches the cpu ops', async () => {
    const { sumOfSquares } = await import('../../../src/backends/adam-kernel');
    const run = () => tf.tidy(() => sumOfSquares([tf.tensor1d(seq(7, (i) => i - 3)), tf.tensor4d(seq(3 * 3 * 2 * 5, (i) => Math.sin(i)), [3, 3, 2, 5]), tf.scalar(0.5)]));
    const ref = await onBackend('cpu', async () => {
      const r = run();
      const v = (await r.data())[0];
      r.dispose();
      return v;
    });
    const got = run();
    expect(got.shape).toEqual([]);
    expect((await got.data())[0]).toBeCloseTo(ref, 5);
    got.dispose();
  });

  it('a clone shares its buffer and outlives the original', async () => {
    const before = tf.memory().numDataBuffers;
    const x = tf.tensor1d([1, 2, 3]);
    const y = x.clone();
    expect(y.dataId).toBe(x.dataId);
    expect(tf.memory().numDataBuffers - before).toBe(1);
    x.dispose();
    expect(Array.from(await y.data())).toEqual([1, 2, 3]);
    y.dispose();
    expect(tf.memory().numDataBuffers).toBe(before);
  });
});

describe('U-Net loss gradients: wasm + our kernels vs stock cpu', () => {
  // tiny-text adds the text encoder (LayerNorm, one-hot embeddings) and cross-attention.
  it.each(['tiny', 'tiny-text'])('every weight of the %s U-Net (batch 3) matches', async (name) => {
    const cfg = unetConfig(name);
    const { specs } = describeUNet(cfg);
    const values = initValues(specs, { seed: 7, zeroFinal: false });
    const B = 3;
    const pix = cfg.imageSize * cfg.imageSize * cfg.inChannels;
    const xs = seq(B * pix, (i) => Math.sin(i * 0.37));
    const eps = seq(B * pix, (i) => Math.cos(i * 0.11));
    const grads = async () => {
      const w: Record<string, tf.Variable> = {};
      for (const s of specs) w[s.name] = tf.variable(tf.tensor(values.get(s.name)!, s.shape));
      const out = tf.tidy(() => {
        const x = tf.tensor4d(xs, [B, cfg.imageSize, cfg.imageSize, cfg.inChannels]);
        const e = tf.tensor4d(eps, x.shape);
        const t = tf.tensor1d([3, 500, 999], 'int32');
        const lab = tf.tensor1d([1, 10, 4], 'int32');
        const L = cfg.text?.maxTokens ?? 0;
        // Three prompts: "3 top left", all [PAD], and "seven in the bottom right , 0".
        const prompts = [[5, 26, 30], [], [19, 24, 25, 28, 31, 34, 2]];
        const ids = L ? prompts.flatMap((p) => [...p, ...Array(L - p.length).fill(0)]) : [];
        const tokens = L ? tf.tensor2d(ids, [3, L], 'int32') : undefined;
        return tf.variableGrads(() => tf.mean(tf.squaredDifference(unetForward(w, cfg, x, t, lab, { tokens }).eps, e)) as tf.Scalar, Object.values(w));
      });
      const res = new Map<string, Float32Array>();
      for (const s of specs) res.set(s.name, (await out.grads[w[s.name].name].data()) as Float32Array);
      const loss = (await out.value.data())[0];
      tf.dispose([out.value, ...Object.values(out.grads), ...Object.values(w)]);
      return { res, loss };
    };
    const ref = await onBackend('cpu', grads);
    const got = await grads();
    expect(got.loss).toBeCloseTo(ref.loss, 4);
    const worst: [string, number][] = [];
    for (const s of specs) {
      const e = relErr(got.res.get(s.name)!, ref.res.get(s.name)!);
      worst.push([s.name, e]);
    }
    worst.sort((a, b) => b[1] - a[1]);
    expect(worst[0][1], `worst: ${worst[0][0]}`).toBeLessThan(1e-3);
  });
});

describe('whole training steps: wasm engine vs stock cpu', () => {
  it('three trainer steps (Adam, EMA, clipping, fused kernels) give the same weights', async () => {
    const { createTrainer } = await import('../../../src/train/trainer');
    const { makeSchedule } = await import('../../../src/diffusion/schedule');
    const cfg = unetConfig('tiny');
    const schedule = makeSchedule({ kind: 'linear', T: 1000 });
    const pix = cfg.imageSize * cfg.imageSize;
    const batch = { x0: seq(4 * pix, (i) => Math.sin(i * 0.21)), labels: [1, 2, 3, 4] };
    const run = async () => {
      const tr = createTrainer({ config: cfg, schedule, seed: 2, lr: 1e-3, warmupSteps: 2, gradClip: 0.5 });
      for (let i = 0; i < 3; i++) await tr.trainStep(batch);
      const st = await tr.exportState();
      tr.dispose();
      return st;
    };
    const ref = await onBackend('cpu', run);
    const got = await run();
    let worst = 0;
    for (const part of ['weights', 'ema', 'adamM', 'adamV'] as const) {
      for (const [k, v] of ref[part]) worst = Math.max(worst, relErr(got[part].get(k)!, v));
    }
    got.lossHistory.forEach((l, i) => expect(l).toBeCloseTo(ref.lossHistory[i], 4));
    expect(worst).toBeLessThan(2e-3);
  });
});
