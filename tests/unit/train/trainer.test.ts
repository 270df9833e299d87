import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import { decodeCheckpoint, encodeCheckpoint } from '../../../src/train/checkpoint';
import { minSnrWeights } from '../../../src/train/loss';
import { startNodeBackend } from '../../../src/train/node-backend';
import { createTrainer, makeNoisedBatch } from '../../../src/train/trainer';

beforeAll(async () => {
  await startNodeBackend('wasm');
});

const cfg = unetConfig('tiny');
const schedule = makeSchedule({ kind: 'linear', T: 1000 });
const B = 8;
const pix = cfg.imageSize * cfg.imageSize;
const batch = {
  x0: Float32Array.from({ length: B * pix }, (_, i) => (Math.sin(i * 0.9) > 0 ? 0.8 : -0.8)),
  labels: Array.from({ length: B }, (_, i) => i % 10),
};

describe('trainer', () => {
  it('loss decreases over 30 steps on a fixed batch, with a flat tensor count', async () => {
    const tr = createTrainer({ config: cfg, schedule, lr: 3e-3, warmupSteps: 5, seed: 1 });
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      await tr.trainStep(batch);
      counts.push(tf.memory().numTensors);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const first = mean(tr.lossHistory.slice(0, 5));
    const last = mean(tr.lossHistory.slice(-5));
    expect(last).toBeLessThan(0.7 * first);
    expect(new Set(counts.slice(1)).size).toBe(1);
    tr.dispose();
  });

  it('a resumed trainer continues exactly where a checkpoint left off', async () => {
    const opts = { config: cfg, schedule, lr: 2e-3, warmupSteps: 3, seed: 3 };
    const a = createTrainer(opts);
    for (let i = 0; i < 3; i++) await a.trainStep(batch);
    const bytes = encodeCheckpoint(cfg, await a.exportState(), a.options);
    const resumed = createTrainer(opts, decodeCheckpoint(bytes).state);
    expect(resumed.step).toBe(3);
    const ra = await a.trainStep(batch);
    const rb = await resumed.trainStep(batch);
    expect(rb.loss).toBeCloseTo(ra.loss, 5);
    const wa = (await a.exportState()).ema;
    const wb = (await resumed.exportState()).ema;
    for (const [k, v] of wa) expect(Math.max(...v.map((x, i) => Math.abs(x - wb.get(k)![i])))).toBeLessThan(1e-6);
    a.dispose();
    resumed.dispose();
  });

  it('drops labels to "no label" with probability pUncond', () => {
    const big = { x0: new Float32Array(1000 * pix), labels: new Array(1000).fill(3) };
    const nb = makeNoisedBatch(big, cfg, schedule, { pUncond: 0.1, minSnrGamma: 5, seed: 0 }, 0);
    const dropped = nb.labels.filter((l) => l === cfg.numClasses).length;
    expect(dropped).toBeGreaterThan(60);
    expect(dropped).toBeLessThan(140);
    expect(nb.labels.every((l) => l === 3 || l === cfg.numClasses)).toBe(true);
  });

  it('min-SNR-γ weights are min(SNR, γ)/SNR, or 1 without γ', () => {
    const w = minSnrWeights(schedule, [0, 999], 5);
    expect(w[0]).toBeCloseTo(5 / schedule.snr[0], 6);
    expect(w[1]).toBe(1);
    expect(Array.from(minSnrWeights(schedule, [0, 10], null))).toEqual([1, 1]);
  });
});
