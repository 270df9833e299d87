/**
 * The wasm engine's fused layer kernels against the same maths as plain
 * TF.js ops on the cpu backend: GroupNorm(+SiLU) (JS loops in
 * src/model/layers/norm.ts, blocked over 2 or 4 channels; outputs and all
 * three gradients, for channel counts that leave every remainder of the
 * blocking) and nearest 2× upsampling (src/model/layers/resample.ts).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupNorm } from '../../../../src/model/layers/norm';
import { upsample2x } from '../../../../src/model/layers/resample';
import { registerWasmTrainingKernels } from '../../../../src/backends/wasm-kernels';

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

const cases: { shape: [number, number, number, number]; groups: number; act: 'silu' | 'none' }[] = [
  { shape: [2, 3, 5, 8], groups: 4, act: 'silu' },
  { shape: [2, 3, 5, 6], groups: 3, act: 'silu' },
  { shape: [2, 4, 4, 5], groups: 5, act: 'none' },
  { shape: [1, 3, 3, 7], groups: 7, act: 'silu' },
  { shape: [2, 2, 2, 9], groups: 3, act: 'none' },
];

async function run(c: (typeof cases)[number]) {
  const n = c.shape.reduce((a, b) => a * b, 1);
  const C = c.shape[3];
  const x = tf.tensor4d(Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) * (1 + (i % 3))), c.shape);
  const w = { 'n.gamma': tf.tensor1d(Float32Array.from({ length: C }, (_, i) => 0.5 + 0.25 * i)), 'n.beta': tf.tensor1d(Float32Array.from({ length: C }, (_, i) => 0.1 * i - 0.2)) };
  const up = tf.tensor4d(Float32Array.from({ length: n }, (_, i) => Math.cos(i * 0.3)), c.shape);
  const f = (xx: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(groupNorm({ 'n.gamma': g, 'n.beta': b }, 'n', xx as tf.Tensor4D, c.groups, c.act), up));
  const y = groupNorm(w, 'n', x, c.groups, c.act);
  const grads = tf.grads(f)([x, w['n.gamma'], w['n.beta']]);
  const out = await Promise.all([y, ...grads].map(async (t) => Array.from(await t.data())));
  tf.dispose([x, up, y, ...grads, ...Object.values(w)]);
  return out;
}

describe('fused GroupNorm on wasm vs plain ops on cpu', () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.shape)}, ${c.groups} groups, ${c.act}`, async () => {
      const got = await run(c);
      await tf.setBackend('cpu');
      const ref = await run(c).finally(() => tf.setBackend('wasm'));
      got.forEach((g, k) => {
        const scale = Math.max(...ref[k].map(Math.abs));
        g.forEach((v, i) => expect(Math.abs(v - ref[k][i]) / scale).toBeLessThan(2e-5));
      });
    });
  }
});

describe('fused 2× upsampling on wasm vs the broadcast version on cpu', () => {
  it('matches in value and gradient', async () => {
    const run = async () => {
      const x = tf.tensor4d(Float32Array.from({ length: 2 * 3 * 4 * 5 }, (_, i) => Math.sin(i)), [2, 3, 4, 5]);
      const up = tf.tensor4d(Float32Array.from({ length: 2 * 6 * 8 * 5 }, (_, i) => Math.cos(i * 0.3)), [2, 6, 8, 5]);
      const y = upsample2x(x);
      const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(upsample2x(t as tf.Tensor4D), up)))(x);
      const out = { shape: y.shape, y: Array.from(await y.data()), g: Array.from(await g.data()) };
      tf.dispose([x, up, y, g]);
      return out;
    };
    expect(tf.getKernel('DDUpsample2x', 'wasm')).toBeTruthy();
    const got = await run();
    await tf.setBackend('cpu');
    const ref = await run().finally(() => tf.setBackend('wasm'));
    expect(got.shape).toEqual([2, 6, 8, 5]);
    expect(got.y).toEqual(ref.y);
    got.g.forEach((v, i) => expect(v).toBeCloseTo(ref.g[i], 5));
  });
});
