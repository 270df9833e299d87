// Runs inside headless Chromium on WebGPU (SwiftShader, forced: the page itself would choose wasm here): the lesson-5 sampling
// path (maths-core sampler + eps-predictor.ts + a TINY random U-Net, 8×8) keeps
// the tensor count flat, handles 1 and T steps, and is deterministic.
// T: DDIM with T = 1000 network calls on SwiftShader takes minutes, so the
// "all T steps" case uses a schedule of T = 20 (the first and last step counts
// of a small-T schedule), and the full T = 1000 schedule is run with 1 step.
import { describe, expect, it } from 'vitest';
import { startTf } from '../../src/backends/page';
import { makeSchedule } from '../../src/diffusion';
import { predictEpsBatch } from '../../src/model/eps-predictor';
import { tinyTestModel, disposeModel } from '../../src/model/browser-model';
import { buildSampler, seededStart, Trajectory } from '../../src/widgets/reverse/trajectory';
import type { SamplerChoice } from '../../src/diffusion/sampler-choice';

async function runOnce(m: ReturnType<typeof tinyTestModel>, T: number, choice: SamplerChoice, seed: number, batch = 1) {
  const schedule = makeSchedule({ kind: 'linear', T });
  const pix = m.config.imageSize ** 2;
  const { xT, stepRng } = seededStart(seed, batch * pix);
  const labels = Int32Array.from({ length: batch }, (_, i) => i % 11);
  const tr = new Trajectory(
    buildSampler(schedule, choice),
    xT,
    (x, t) => predictEpsBatch(m.weights, m.config, { x, t: new Int32Array(batch).fill(t), labels, guidance: 2 }),
    stepRng,
  );
  while (await tr.next());
  return tr;
}

describe('sampling in the browser (tiny random U-Net)', () => {
  // Three runs of each sampler: a run that left even one tensor behind shows at its first.
  it('runs on WebGPU, with a flat tensor count over 9 sampler runs', async () => {
    const { tf, backend } = await startTf('webgpu');
    expect(backend).toBe('webgpu');
    const m = tinyTestModel(3);
    await runOnce(m, 1000, { kind: 'ddim', steps: 2, spacing: 'linspace', eta: 0 }, 1); // warm-up: shaders
    const before = tf.memory().numTensors;
    const kinds = ['ddim', 'ddpm-beta', 'ddpm-posterior'] as const;
    for (let r = 0; r < 9; r++) {
      await runOnce(m, 1000, { kind: kinds[r % 3], steps: 2, spacing: 'trailing', eta: 0.5 }, r, 2);
      expect(tf.memory().numTensors).toBe(before);
    }
    disposeModel(m);
  });

  it('DDIM with 1 step (T = 1000) and with all T steps (T = 20) both work', async () => {
    await startTf('webgpu');
    const m = tinyTestModel(3);
    const one = await runOnce(m, 1000, { kind: 'ddim', steps: 1, spacing: 'linspace', eta: 0 }, 4);
    expect(one.frames).toHaveLength(1);
    expect(one.timeAt(0)).toBe(1000);
    expect(Array.from(one.stateAt(1)!).every(Number.isFinite)).toBe(true);
    const all = await runOnce(m, 20, { kind: 'ddim', steps: 20, spacing: 'linspace', eta: 0 }, 4);
    expect(all.frames).toHaveLength(20);
    expect(Array.from(all.frames, (f) => f.t)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    expect(Array.from(all.stateAt(20)!).every(Number.isFinite)).toBe(true);
    disposeModel(m);
  });

  it('the same seed gives the same samples; another seed, others', async () => {
    await startTf('webgpu');
    const m = tinyTestModel(3);
    const c: SamplerChoice = { kind: 'ddpm-posterior', steps: 3, spacing: 'linspace', eta: 0 };
    const a = await runOnce(m, 1000, c, 11, 2);
    const b = await runOnce(m, 1000, c, 11, 2);
    const d = await runOnce(m, 1000, c, 12, 2);
    expect(Array.from(a.stateAt(3)!)).toEqual(Array.from(b.stateAt(3)!));
    expect(Array.from(a.stateAt(3)!)).not.toEqual(Array.from(d.stateAt(3)!));
    disposeModel(m);
  });
});
