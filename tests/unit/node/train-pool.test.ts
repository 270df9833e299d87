import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import { startNodeBackend } from '../../../src/backends/node';
import { createTrainPool, shardBounds, type TrainPool } from '../../../src/node/train-pool';
import { createTrainer, type Trainer } from '../../../src/train/trainer';

const cfg = unetConfig('tiny');
const schedule = makeSchedule({ kind: 'linear', T: 1000 });
const B = 7; // odd, so the two shards differ in size
const pix = cfg.imageSize * cfg.imageSize;
const batch = {
  x0: Float32Array.from({ length: B * pix }, (_, i) => (Math.sin(i * 0.9) > 0 ? 0.8 : -0.8)),
  labels: Array.from({ length: B }, (_, i) => i % 10),
};
const opts = { config: cfg, schedule, lr: 2e-3, warmupSteps: 2, seed: 5 };

let one: Trainer;
let two: Trainer;
let pool: TrainPool;
beforeAll(async () => {
  await startNodeBackend('wasm');
  one = createTrainer(opts);
  two = createTrainer(opts);
  pool = await createTrainPool(two, schedule, 2);
}, 60_000);
afterAll(async () => {
  await pool?.close();
  one?.dispose();
  two?.dispose();
});

const maxDiff = (a: Map<string, Float32Array>, b: Map<string, Float32Array>) => {
  let d = 0;
  let scale = 0;
  for (const [k, v] of a) {
    const w = b.get(k)!;
    for (let i = 0; i < v.length; i++) {
      d = Math.max(d, Math.abs(v[i] - w[i]));
      scale = Math.max(scale, Math.abs(v[i]));
    }
  }
  return { d, scale };
};

describe('data-parallel training (main thread + worker threads)', () => {
  it('cuts a batch into contiguous shards that cover it once', () => {
    expect(shardBounds(7, 2)).toEqual([[0, 3], [3, 7]]);
    expect(shardBounds(64, 2)).toEqual([[0, 32], [32, 64]]);
    expect(shardBounds(5, 3).flat()).toEqual([0, 1, 1, 3, 3, 5]);
  });

  it('a two-thread step equals a one-thread step on the same batch, to float tolerance', async () => {
    expect(pool.threads).toBe(2);
    for (let s = 0; s < 3; s++) {
      const a = await one.trainStep(batch);
      const b = await pool.step(batch);
      expect(b.step).toBe(a.step);
      expect(b.lr).toBe(a.lr);
      // The loss is Σ over shards of Σ w·MSE / B: the same sum, added in another order.
      expect(Math.abs(b.loss - a.loss)).toBeLessThan(1e-5 * a.loss);
    }
    const sa = await one.exportState();
    const sb = await two.exportState();
    // Adam divides by √v, so a float-level gradient difference moves a weight by at most ~lr·1e-3;
    // a wrong shard (missing, doubled or mis-normalised) moves weights by ~lr.
    for (const part of ['weights', 'adamM', 'adamV', 'ema'] as const) {
      const { d, scale } = maxDiff(sa[part], sb[part]);
      expect(d, part).toBeLessThan(part === 'adamV' ? 1e-4 * scale : 2e-5);
    }
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  }, 120_000);

  it('keeps the tensor count flat across pooled steps', async () => {
    await pool.step(batch);
    const n = tf.memory().numTensors;
    await pool.step(batch);
    await pool.step(batch);
    expect(tf.memory().numTensors).toBe(n);
  }, 120_000);
});
