// The model worker (src/workers/model/worker.ts, via src/workers/rpc.ts) gives the same ε̂ as the
// main-thread path for the shipped model, on the same backend.
import { describe, expect, it } from 'vitest';
import { startTf } from '../../src/backends/page';
import { fetchModel, disposeModel } from '../../src/model/browser-model';
import { predictEpsBatch } from '../../src/model/eps-predictor';
import { loadPageModel } from '../../src/workers/model/client';
import { unetConfig } from '../../src/model/config';
import { disposeWeights, readWeights } from '../../src/model/params';
import { initUNet } from '../../src/model/unet';
import { saveWeights } from '../../src/model/weight-io';
import { makeSchedule } from '../../src/diffusion/schedule';
import { oneTrainingStep } from '../../src/train/one-step';

describe('model worker', () => {
  // wasm: what the page itself chooses here (no hardware GPU); one backend per file, since the page's model worker is shared.
  it.each(['wasm'] as const)('matches the main thread on %s (shipped model, guided batch of 2)', async (backend) => {
    await startTf(backend);
    const m = await fetchModel();
    const x = Float32Array.from({ length: 2 * 784 }, (_, i) => Math.sin(i * 0.37));
    const input = { x, t: [700, 120], labels: [3, 10], guidance: 2 };
    const main = await predictEpsBatch(m.weights, m.config, input);
    const pm = await loadPageModel(backend, '');
    expect(pm.where).toBe(`worker (${backend})`);
    const inWorker = await pm.predict(input);
    let maxDiff = 0;
    let maxAbs = 0;
    for (let i = 0; i < main.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(main[i] - inWorker[i]));
      maxAbs = Math.max(maxAbs, Math.abs(main[i]));
    }
    console.log(backend, 'max |eps|', maxAbs, 'max diff worker vs main', maxDiff);
    expect(maxDiff).toBeLessThan(1e-3);
    disposeModel(m);
  });

  // Lesson 4's one-step panel runs in the model worker: a model whose weight
  // file says cosine is noised and scored with cosine ᾱ there, not linear.
  it('takes lesson 4’s one step with the schedule the weight file names (cosine)', async () => {
    await startTf('wasm');
    const config = unetConfig('tiny');
    const weights = initUNet(config, { seed: 2, zeroFinal: false });
    const bytes = saveWeights(config, await readWeights(weights), { dtype: 'float32', meta: { schedule: 'cosine' } });
    const pm = await loadPageModel('wasm', '', { kind: 'bytes', key: 'cosine-test', bytes, source: 'yours' });
    const n = config.imageSize * config.imageSize;
    const x0 = Float32Array.from({ length: n }, (_, i) => Math.cos(i * 0.21));
    const step = { x0, label: 3, t: Math.floor(config.timesteps / 2), seed: 4 };
    const got = await pm.oneStep(step);
    const here = (kind: 'cosine' | 'linear') => oneTrainingStep({ weights, config, schedule: makeSchedule({ kind, T: config.timesteps }), ...step });
    const cos = await here('cosine');
    const lin = await here('linear');
    const diff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
    expect(diff(got.xt, cos.xt)).toBeLessThan(1e-5);
    expect(diff(got.epsHat, cos.epsHat)).toBeLessThan(1e-3);
    expect(diff(got.xt, lin.xt)).toBeGreaterThan(1e-2);
    disposeWeights(weights);
  });
});
