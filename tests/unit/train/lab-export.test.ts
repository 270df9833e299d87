/**
 * A model exported from lesson 4's lab loads in `npm run sample` and `npm
 * run eval`. The file is made by the lab's own code path (TrainingSession's
 * snapshot, the bytes the lab worker posts as its export), trained a few
 * steps on the cosine schedule, then read by the command lines' loader
 * (loadModelFromDisk) and sampled by their worker pool: the samples must be
 * the lab's EMA weights sampled with cosine ᾱ, as the lab itself samples.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/rng';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { loadModelFromDisk } from '../../../src/node/load-model';
import { modelSchedule } from '../../../src/model/model-info';
import { disposeWeights, weightsFromValues } from '../../../src/model/params';
import { describeUNet } from '../../../src/model/unet-spec';
import { TrainingSession } from '../../../src/train/lab-session';
import { generateSamples } from '../../../src/pipelines/generate';
import { startNodeBackend } from '../../../src/backends/node';
import { sampleInWorkers } from '../../../src/node/sample-pool';
import { normaliseSettings, TINY_SETTINGS } from '../../../src/train/lab-settings';

const dir = mkdtempSync(join(tmpdir(), 'lab-export-'));
beforeAll(async () => {
  await startNodeBackend('wasm');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a model exported from the lab', () => {
  it('loads in the sample and eval command lines, with its schedule, and samples like the lab', async () => {
    const settings = normaliseSettings({ ...TINY_SETTINGS, schedule: 'cosine', T: 100, classes: [1, 7] });
    // Random digits: what matters is that the file carries trained (not initial) EMA weights.
    const rng = createRng(5);
    const count = 8;
    const images = Uint8Array.from({ length: count * 784 }, () => rng.int(256));
    const data = { images, labels: Uint8Array.from({ length: count }, (_, i) => (i % 2 ? 7 : 1)), index: Int32Array.from({ length: count }, (_, i) => i), count };
    const session = new TrainingSession({ settings, data });
    for (let i = 0; i < 3; i++) await session.trainStep();
    const snap = await session.snapshot({ elapsedMs: 0 });
    const state = await session.exportState();
    session.dispose();

    const file = join(dir, `diffusion-lab-step${snap.step}.ddmw`);
    writeFileSync(file, snap.checkpoint);
    const loaded = loadModelFromDisk(file);
    expect(loaded.config.timesteps).toBe(100);
    expect(modelSchedule(loaded.config, loaded.meta).alphaBar).toEqual(makeSchedule({ kind: 'cosine', T: 100 }).alphaBar);
    for (const s of describeUNet(loaded.config).specs) expect(Array.from(await loaded.weights[s.name].data()), s.name).toEqual(Array.from(state.ema.get(s.name)!));
    disposeWeights(loaded.weights);

    const labels = Int32Array.from([1, 7]);
    const opts = { sampler: 'ddim' as const, steps: 5, guidance: 2, eta: 0, chunk: 128 };
    const got = await sampleInWorkers({ modelPath: file, labels, seed: 3, workers: 1, ...opts }, 784);
    const ema = weightsFromValues(describeUNet(loaded.config).specs, state.ema);
    const direct = (kind: 'cosine' | 'linear') => generateSamples({ weights: ema, config: loaded.config, schedule: makeSchedule({ kind, T: 100 }), labels, rng: createRng(3).fork(0), ...opts });
    expect(maxDiff(got, await direct('cosine'))).toBeLessThan(1e-5);
    expect(maxDiff(got, await direct('linear'))).toBeGreaterThan(1e-3);
    disposeWeights(ema);
  }, 120_000);
});

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
