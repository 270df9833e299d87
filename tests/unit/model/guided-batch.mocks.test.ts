/**
 * Classifier-free guidance's one network call, shared by labels and prompts.
 * The blend is checked against ε_u + w(ε_c − ε_u) worked out by hand from two
 * separate unguided calls, for both models, and the call itself is watched:
 * one pass of 2n images, conditional half first, the other half all "nothing".
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../src/diffusion/rng';
import { unetConfig, type UNetConfig } from '../../../src/model/config';
import { predictEpsBatch } from '../../../src/model/eps-predictor';
import { guidedBatch } from '../../../src/model/guided-batch';
import { disposeWeights } from '../../../src/model/params';
import { predictTextEps } from '../../../src/model/text-eps';
import { initUNet } from '../../../src/model/unet';
import { encodeBatch } from '../../../src/text/tokenizer';
import { startNodeBackend } from '../../../src/backends/node';

/** Every U-Net call the model functions make: its batch, and the labels or token ids it was given. */
const calls = vi.hoisted(() => [] as { m: number; labels: number[] | null; tokens: number[] | null }[]);
vi.mock('../../../src/model/unet', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/model/unet')>();
  return {
    ...real,
    unetForward: (...args: Parameters<typeof real.unetForward>) => {
      const [, , x, , label, opts] = args;
      calls.push({ m: x.shape[0], labels: label ? Array.from(label.dataSync()) : null, tokens: opts?.tokens ? Array.from(opts.tokens.dataSync()) : null });
      return real.unetForward(...args);
    },
  };
});

beforeAll(async () => {
  await startNodeBackend('wasm');
});
beforeEach(() => {
  calls.length = 0;
});

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));
const byHand = (u: Float32Array, c: Float32Array, w: number) => u.map((v, i) => v + w * (c[i] - v));

describe('guidedBatch: the doubled batch, split and blended', () => {
  // A stand-in network whose ε is x times the row's condition id: ε_c and ε_u are known exactly.
  const cfg = { imageSize: 1, inChannels: 2 } as UNetConfig;
  const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
  const t = Int32Array.from([7, 8, 9]);
  const cond = Int32Array.from([2, 3, 4]);
  const seen: { m: number; t: number[]; cond: number[] }[] = [];
  const forward = (xs: tf.Tensor4D, ts: tf.Tensor1D, ids: Int32Array, m: number) => {
    seen.push({ m, t: Array.from(ts.dataSync()), cond: Array.from(ids) });
    const eps = tf.mul(xs, tf.tensor4d(Array.from(ids, Number), [m, 1, 1, 1]));
    return { eps, extra: { rows: tf.tensor1d(ids, 'int32').cast('float32') } };
  };
  beforeEach(() => {
    seen.length = 0;
  });

  it('runs both halves as one call of 2n, conditional first, and blends them as ε_u + w(ε_c − ε_u)', async () => {
    const before = tf.memory().numTensors;
    const r = await guidedBatch({ config: cfg, x, t, cond, none: 10, guidance: 2.5, parts: true, forward });
    expect(seen).toEqual([{ m: 6, t: [7, 8, 9, 7, 8, 9], cond: [2, 3, 4, 10, 10, 10] }]);
    const epsC = x.map((v, i) => v * cond[Math.floor(i / 2)]);
    const epsU = x.map((v) => v * 10);
    expect(Array.from(r.epsC!)).toEqual(Array.from(epsC));
    expect(Array.from(r.epsU!)).toEqual(Array.from(epsU));
    expect(maxDiff(r.eps, byHand(epsU, epsC, 2.5))).toBeLessThan(1e-5);
    expect(r.extra.rows).toEqual({ data: Float32Array.from([2, 3, 4, 10, 10, 10]), shape: [6] });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('at w = 1 runs the conditional half alone, unless ε_u and ε_c are asked for', async () => {
    const plain = await guidedBatch({ config: cfg, x, t, cond, none: 10, guidance: 1, forward });
    expect(seen.map((s) => s.m)).toEqual([3]);
    expect(plain.epsU).toBeUndefined();
    expect(Array.from(plain.eps)).toEqual(Array.from(x.map((v, i) => v * cond[Math.floor(i / 2)])));
    const parts = await guidedBatch({ config: cfg, x, t, cond, none: 10, guidance: 1, parts: true, forward });
    expect(seen.map((s) => s.m)).toEqual([3, 6]);
    expect(Array.from(parts.eps)).toEqual(Array.from(plain.eps));
  });
});

describe('labels and prompts guide alike, as two unguided calls worked by hand', () => {
  it('class labels: one call of 2n with the "no label" half, and the blend of the two plain passes', async () => {
    const cfg = unetConfig('tiny');
    const pix = cfg.imageSize * cfg.imageSize * cfg.inChannels;
    const w = initUNet(cfg, { seed: 4, zeroFinal: false });
    const x = createRng(1).fillNormal(new Float32Array(3 * pix));
    const t = [5, 500, 900];
    const labels = [1, 2, 3];
    const none = cfg.numClasses;
    const c = await predictEpsBatch(w, cfg, { x, t, labels, guidance: 1 });
    const u = await predictEpsBatch(w, cfg, { x, t, labels: [none, none, none], guidance: 1 });
    expect(calls.map((k) => k.m)).toEqual([3, 3]);
    expect(maxDiff(c, u)).toBeGreaterThan(1e-4); // the labels matter, or the blend below proves nothing
    for (const g of [0, 2.5]) {
      calls.length = 0;
      const guided = await predictEpsBatch(w, cfg, { x, t, labels, guidance: g });
      expect(calls).toEqual([{ m: 6, labels: [...labels, none, none, none], tokens: null }]);
      expect(maxDiff(guided, byHand(u, c, g))).toBeLessThan(1e-4);
    }
    expect(Array.from(await predictEpsBatch(w, cfg, { x, t, labels, guidance: 1 }))).toEqual(Array.from(c));
    disposeWeights(w);
  });

  it('prompts: one call of 2n with the all-[PAD] half, and the blend of the two plain passes', async () => {
    const cfg = unetConfig('tiny-text');
    const L = cfg.text!.maxTokens;
    const pix = cfg.imageSize * cfg.imageSize * cfg.inChannels;
    const w = initUNet(cfg, { seed: 2, zeroFinal: false });
    const x = createRng(3).fillNormal(new Float32Array(2 * pix));
    const t = [40, 400];
    const tokens = encodeBatch(['3 top left', 'a seven in the bottom right'], { maxTokens: L });
    const c = (await predictTextEps(w, cfg, { x, t, tokens, guidance: 1 })).eps;
    const u = (await predictTextEps(w, cfg, { x, t, tokens: new Int32Array(2 * L), guidance: 1 })).eps;
    expect(calls.map((k) => k.m)).toEqual([2, 2]);
    expect(maxDiff(c, u)).toBeGreaterThan(1e-4);
    for (const g of [0, 2.5]) {
      calls.length = 0;
      const guided = await predictTextEps(w, cfg, { x, t, tokens, guidance: g, parts: true });
      expect(calls).toEqual([{ m: 4, labels: null, tokens: [...tokens, ...new Array(2 * L).fill(0)] }]);
      expect(maxDiff(guided.eps, byHand(u, c, g))).toBeLessThan(1e-4);
      expect(maxDiff(guided.epsU!, u)).toBeLessThan(1e-5);
      expect(maxDiff(guided.epsC!, c)).toBeLessThan(1e-5);
    }
    expect(Array.from((await predictTextEps(w, cfg, { x, t, tokens, guidance: 1 })).eps)).toEqual(Array.from(c));
    disposeWeights(w);
  });
});
