/**
 * A model's schedule is read from its weight file on every sampling path.
 * A lab model trained on the cosine schedule carries `schedule: 'cosine'` in
 * its meta; each path must then sample with cosine ᾱ (Nichol & Dhariwal
 * 2021), which differs from the linear schedule's at every inner t. Each
 * check compares the path's output with the same sampler driven by an
 * explicit cosine schedule, and shows a linear one would not match, so a path
 * that named its own schedule fails.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/rng';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import { modelSchedule } from '../../../src/model/model-info';
import { disposeWeights } from '../../../src/model/params';
import { sampleText, sampleTextModel } from '../../../src/pipelines/text-sampling';
import { initUNet } from '../../../src/model/unet';
import { saveWeights } from '../../../src/model/weight-io';
import { generateSamples } from '../../../src/pipelines/generate';
import { startNodeBackend } from '../../../src/backends/node';
import { sampleInWorkers } from '../../../src/node/sample-pool';

beforeAll(async () => {
  await startNodeBackend('wasm');
});

const COSINE_META = { schedule: 'cosine', step: 10, dataset: 'mnist' };

describe('the schedule comes from the weights', () => {
  it('modelSchedule: cosine meta gives the cosine ᾱ (f(t)/f(0)), no meta the linear one', () => {
    const cfg = unetConfig('tiny');
    const cos = modelSchedule(cfg, COSINE_META);
    const f = (t: number) => Math.cos(((t / cfg.timesteps + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
    const mid = Math.floor(cfg.timesteps / 2);
    // Index i holds ᾱ after step i+1, i.e. f(i+1)/f(0) (improved-diffusion's indexing).
    expect(cos.alphaBar[mid]).toBeCloseTo(f(mid + 1) / f(0), 6);
    expect(modelSchedule(cfg, { settings: { schedule: 'cosine' } }).alphaBar[mid]).toBe(cos.alphaBar[mid]);
    expect(modelSchedule(cfg, {}).alphaBar[mid]).toBeCloseTo(makeSchedule({ kind: 'linear', T: cfg.timesteps }).alphaBar[mid], 12);
    expect(Math.abs(modelSchedule(cfg, {}).alphaBar[mid] - cos.alphaBar[mid])).toBeGreaterThan(0.01);
  });

  it('text worker and its main-thread twin (sampleTextModel) sample a cosine model with cosine', async () => {
    const config = unetConfig('tiny-text');
    const weights = initUNet(config, { seed: 3, zeroFinal: false });
    const L = config.text!.maxTokens;
    const tokens = new Int32Array(L);
    tokens[0] = 2;
    const spec = { tokens, guidance: [1], seeds: [5], steps: 4 };
    const run = async (it: AsyncGenerator<unknown, Float32Array, void>) => {
      for (;;) {
        const r = await it.next();
        if (r.done) return r.value;
      }
    };
    const before = tf.memory().numTensors;
    const got = await run(sampleTextModel({ weights, config, meta: COSINE_META }, spec));
    const cosine = await run(sampleText(weights, config, makeSchedule({ kind: 'cosine', T: config.timesteps }), spec));
    const linear = await run(sampleText(weights, config, makeSchedule({ kind: 'linear', T: config.timesteps }), spec));
    expect(Array.from(got)).toEqual(Array.from(cosine));
    expect(maxDiff(got, linear)).toBeGreaterThan(1e-3);
    expect(tf.memory().numTensors).toBe(before);
    disposeWeights(weights);
  });

  describe('Node sample worker (npm run sample / eval)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sched-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('samples a cosine model with cosine', async () => {
      const config = unetConfig('tiny');
      const weights = initUNet(config, { seed: 4, zeroFinal: false });
      const plain = new Map(Object.entries(weights).map(([k, v]) => [k, v.dataSync() as Float32Array]));
      const path = join(dir, 'weights.ddmw');
      writeFileSync(path, saveWeights(config, plain, { dtype: 'float32', meta: COSINE_META }));
      const labels = Int32Array.from([1, 7]);
      const pix = config.imageSize * config.imageSize * config.inChannels;
      const opts = { sampler: 'ddim' as const, steps: 5, guidance: 2, eta: 0, chunk: 128 };
      const got = await sampleInWorkers({ modelPath: path, labels, seed: 9, workers: 1, ...opts }, pix);
      const direct = (kind: 'cosine' | 'linear') =>
        generateSamples({ weights, config, schedule: makeSchedule({ kind, T: config.timesteps }), labels, rng: createRng(9).fork(0), ...opts });
      expect(maxDiff(got, await direct('cosine'))).toBeLessThan(1e-5);
      expect(maxDiff(got, await direct('linear'))).toBeGreaterThan(1e-3);
      disposeWeights(weights);
    }, 60_000);
  });
});

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
