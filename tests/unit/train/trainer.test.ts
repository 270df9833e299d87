import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import { decodeCheckpoint, encodeCheckpoint } from '../../../src/train/checkpoint';
import { minSnrWeights } from '../../../src/train/loss';
import { startNodeBackend } from '../../../src/backends/node';
import { createTrainer, resolveTrainerOptions, makeNoisedBatch, stateFromWeights, type TrainerState } from '../../../src/train/trainer';

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

  const sameState = (a: TrainerState, b: TrainerState) => {
    expect(b.step).toBe(a.step);
    expect(b.restart).toEqual(a.restart);
    expect(b.lossHistory).toEqual(a.lossHistory);
    for (const part of ['weights', 'adamM', 'adamV', 'ema'] as const) {
      expect([...b[part].keys()]).toEqual([...a[part].keys()]);
      for (const [k, v] of a[part]) expect(Buffer.from(b[part].get(k)!.buffer).equals(Buffer.from(v.buffer)), `${part} ${k}`).toBe(true);
    }
  };

  it('a checkpoint round-trips the whole state bit for bit, and a resumed step is bit-identical to an uninterrupted one', async () => {
    const opts = { config: cfg, schedule, lr: 2e-3, warmupSteps: 3, seed: 4 };
    const a = createTrainer(opts);
    for (let i = 0; i < 2; i++) await a.trainStep(batch);
    const saved = await a.exportState();
    const decoded = decodeCheckpoint(encodeCheckpoint(cfg, saved, a.options)).state;
    sameState(saved, decoded);
    const resumed = createTrainer(opts, decoded);
    await a.trainStep(batch);
    await resumed.trainStep(batch);
    sameState(await a.exportState(), await resumed.exportState());
    a.dispose();
    resumed.dispose();
  });

  it('a restart from weights alone warms up again and gives Adam\'s first step from there (|Δw| = lr on every moving weight)', async () => {
    const src = createTrainer({ config: cfg, schedule, seed: 6 });
    const w0 = (await src.exportState()).weights;
    src.dispose();
    const lr = 1e-3;
    const state = stateFromWeights(w0, 500, 10);
    // The restart survives a checkpoint.
    sameState(state, decodeCheckpoint(encodeCheckpoint(cfg, state, resolveOpts())).state);
    const tr = createTrainer({ config: cfg, schedule, lr, warmupSteps: 200, seed: 6 }, state);
    expect(tr.step).toBe(500);
    expect(tr.lrAt(500)).toBeCloseTo(lr / 10, 12);
    expect(tr.lrAt(509)).toBeCloseTo(lr, 12);
    const r = await tr.trainStep(batch);
    expect(r.step).toBe(501);
    expect(r.lr).toBeCloseTo(lr / 10, 12);
    // Fresh moments and bias correction at k = 1: m̂ = g, v̂ = g², so each weight moves by lr·g/(|g| + ε) ≈ ±lr.
    // Had Adam counted from step 0 (k = 501), the move would be ≈ 2·lr (m̂ = 0.1g, v̂ = 0.001g²/(1 − 0.999⁵⁰¹)).
    const after = await tr.exportState();
    let biggest = 0;
    for (const [k, v] of w0) for (let i = 0; i < v.length; i++) biggest = Math.max(biggest, Math.abs(after.weights.get(k)![i] - v[i]));
    expect(biggest).toBeGreaterThan(0.99 * r.lr);
    expect(biggest).toBeLessThan(1.001 * r.lr);
    // The EMA starts at the given weights: ema = 0.999·w0 + 0.001·w1 at this step.
    const [name, v0] = [...w0][0];
    const w1 = after.weights.get(name)!;
    for (let i = 0; i < 5; i++) expect(after.ema.get(name)![i]).toBeCloseTo(0.999 * v0[i] + 0.001 * w1[i], 6);
    tr.dispose();
  });

  it('drops labels to "no label" with probability pUncond', () => {
    const big = { x0: new Float32Array(1000 * pix), labels: new Array(1000).fill(3) };
    const nb = makeNoisedBatch(big, cfg, schedule, { pUncond: 0.1, minSnrGamma: 5, seed: 0 }, 0);
    const dropped = nb.labels.filter((l) => l === cfg.numClasses).length;
    expect(dropped).toBeGreaterThan(60);
    expect(dropped).toBeLessThan(140);
    expect(nb.labels.every((l) => l === 3 || l === cfg.numClasses)).toBe(true);
  });

  it('noises each image of a batch at its own t by the closed form, √ᾱ_t x₀ + √(1 − ᾱ_t) ε', () => {
    const nb = makeNoisedBatch(batch, cfg, schedule, { pUncond: 0.1, minSnrGamma: 5, seed: 3 }, 7);
    expect(new Set(nb.t).size).toBeGreaterThan(1);
    for (let b = 0; b < B; b++) {
      const ab = schedule.alphaBar[nb.t[b]];
      for (const i of [b * pix, b * pix + 37, (b + 1) * pix - 1]) {
        expect(nb.xt[i]).toBeCloseTo(Math.sqrt(ab) * batch.x0[i] + Math.sqrt(1 - ab) * nb.eps[i], 6);
      }
    }
  });

  it('min-SNR-γ weights are min(SNR, γ)/SNR, or 1 without γ', () => {
    const w = minSnrWeights(schedule, [0, 999], 5);
    expect(w[0]).toBeCloseTo(5 / schedule.snr[0], 6);
    expect(w[1]).toBe(1);
    expect(Array.from(minSnrWeights(schedule, [0, 10], null))).toEqual([1, 1]);
  });
});

function resolveOpts() {
  return resolveTrainerOptions({ config: cfg, schedule });
}
