import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unetConfig, UNET_PRESETS } from '../../../src/model/config';
import { describeUNet, initUNet, unetForward } from '../../../src/model/unet';
import { disposeWeights, type Weights } from '../../../src/model/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('U-Net', () => {
  it('the shipped config has 200k–500k parameters; tiny is small', () => {
    const d = describeUNet(unetConfig('mnist-cond'));
    expect(d.params).toBe(446057); // = the PyTorch mirror's count (bench/torch_unet.py)
    expect(d.flopsPerImage).toBe(2 * d.macsPerImage);
    expect(describeUNet(unetConfig('tiny')).params).toBeLessThan(60_000);
  });

  it('forward gives ε of the input shape and uses exactly the described weights', () => {
    const cfg = unetConfig('tiny');
    const w = initUNet(cfg, { seed: 1, zeroFinal: false });
    const used = new Set<string>();
    const spy = new Proxy(w, { get: (o, k: string) => (used.add(k), o[k]) }) as Weights;
    const { eps, attention } = tf.tidy(() => {
      const x = tf.randomNormal([2, 8, 8, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
      return unetForward(spy, cfg, x, tf.tensor1d([0, 999], 'int32'), tf.tensor1d([3, 10], 'int32'), { returnAttention: true });
    });
    expect(eps.shape).toEqual([2, 8, 8, 1]);
    const names = describeUNet(cfg).specs.map((s) => s.name);
    expect([...used].sort()).toEqual([...names].sort());
    // Attention maps: [B, heads, HW, HW], rows sum to 1.
    const maps = attention!['mid.attn'];
    expect(maps.self!.shape).toEqual([2, cfg.numHeads, 16, 16]);
    const rows = maps.self!.sum(-1).dataSync();
    for (const r of rows) expect(r).toBeCloseTo(1, 5);
    tf.dispose([eps, ...Object.values(attention!).flatMap((a) => (a.self ? [a.self] : []))]);
    disposeWeights(w);
  });

  it('the label changes the output; "no label" is its own entry', () => {
    const cfg = unetConfig('tiny');
    const w = initUNet(cfg, { seed: 2, zeroFinal: false });
    const out = (lab: number) =>
      tf.tidy(() => unetForward(w, cfg, tf.ones([1, 8, 8, 1]) as tf.Tensor4D, tf.tensor1d([10], 'int32'), tf.tensor1d([lab], 'int32')).eps.dataSync());
    const a = out(3);
    const b = out(4);
    const u = out(cfg.numClasses);
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeGreaterThan(1e-4);
    expect(Math.max(...a.map((v, i) => Math.abs(v - u[i])))).toBeGreaterThan(1e-4);
    disposeWeights(w);
  });

  it('cross-attention: with contextDim > 0 the block needs a context and returns per-token maps', () => {
    const cfg = unetConfig('tiny', { contextDim: 6 });
    const w = initUNet(cfg, { seed: 3, zeroFinal: false });
    const r = tf.tidy(() => {
      const ctx = tf.randomNormal([2, 5, 6], 0, 1, 'float32', 2) as tf.Tensor3D;
      const res = unetForward(w, cfg, tf.zeros([2, 8, 8, 1]) as tf.Tensor4D, tf.tensor1d([1, 2], 'int32'), null, { context: ctx, returnAttention: true });
      return res.attention!['mid.attn'].cross!;
    });
    expect(r.shape).toEqual([2, cfg.numHeads, 16, 5]);
    r.dispose();
    expect(() => tf.tidy(() => unetForward(w, cfg, tf.zeros([1, 8, 8, 1]) as tf.Tensor4D, tf.tensor1d([1], 'int32'), null))).toThrow(/context/);
    disposeWeights(w);
  });

  it('init is deterministic per seed', () => {
    const cfg = UNET_PRESETS.tiny;
    const a = initUNet(cfg, { seed: 5 });
    const b = initUNet(cfg, { seed: 5 });
    expect(Array.from(a['in.w'].dataSync())).toEqual(Array.from(b['in.w'].dataSync()));
    disposeWeights(a);
    disposeWeights(b);
  });
});
