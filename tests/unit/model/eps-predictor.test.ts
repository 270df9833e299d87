import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/rng';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import { createEpsPredictor } from '../../../src/model/eps-predictor';
import { initUNet } from '../../../src/model/unet';
import { disposeWeights } from '../../../src/model/params';
import { generateSamples } from '../../../src/pipelines/generate';
import { startNodeBackend } from '../../../src/backends/node';

beforeAll(async () => {
  await startNodeBackend('wasm');
});

const cfg = unetConfig('tiny');
const pix = 64;

describe('model-side ε predictor and batch sampling', () => {
  it('guidance: w = 1 is the conditional ε, w = 0 the unconditional, w = 2 extrapolates', async () => {
    const w = initUNet(cfg, { seed: 4, zeroFinal: false });
    const x = createRng(1).fillNormal(new Float32Array(3 * pix));
    const labels = [1, 2, 3];
    const cond = await createEpsPredictor({ weights: w, config: cfg, labels, guidance: 1 })(x, 500);
    const unc = await createEpsPredictor({ weights: w, config: cfg, labels: [10, 10, 10], guidance: 1 })(x, 500);
    const w0 = await createEpsPredictor({ weights: w, config: cfg, labels, guidance: 0 })(x, 500);
    const w2 = await createEpsPredictor({ weights: w, config: cfg, labels, guidance: 2, chunk: 2 })(x, 500);
    for (let i = 0; i < x.length; i++) {
      expect(w0[i]).toBeCloseTo(unc[i], 5);
      expect(w2[i]).toBeCloseTo(unc[i] + 2 * (cond[i] - unc[i]), 4);
    }
    disposeWeights(w);
  });

  it('same seed → same samples; the tensor count is flat across a sampler run', async () => {
    const w = initUNet(cfg, { seed: 5, zeroFinal: false });
    const schedule = makeSchedule({ kind: 'linear', T: 1000 });
    const run = () =>
      generateSamples({ weights: w, config: cfg, schedule, labels: Int32Array.from([0, 1, 2, 10]), sampler: 'ddpm', steps: 5, guidance: 2, rng: createRng(7) });
    const before = tf.memory().numTensors;
    const a = await run();
    const b = await run();
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.length).toBe(4 * pix);
    const c = await generateSamples({ weights: w, config: cfg, schedule, labels: Int32Array.from([0, 1, 2, 10]), sampler: 'ddim', steps: 4, guidance: 2, rng: createRng(8) });
    expect(Array.from(c)).not.toEqual(Array.from(a));
    disposeWeights(w);
  });
});
