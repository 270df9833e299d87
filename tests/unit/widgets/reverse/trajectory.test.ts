import { describe, expect, it } from 'vitest';
import { makeSchedule, sample, createRng } from '../../../../src/diffusion';
import { buildSampler, describeChoice, seededStart, Trajectory } from '../../../../src/widgets/reverse/trajectory';
import type { SamplerChoice } from '../../../../src/diffusion/sampler-choice';

const schedule = makeSchedule({ kind: 'linear', T: 1000 });
// A stand-in network: ε̂ = 0.5·x (any deterministic function will do).
const fakeEps = async (x: Float32Array) => Float32Array.from(x, (v) => 0.5 * v);

async function runAll(tr: Trajectory) {
  while (await tr.next());
}

describe('Trajectory (the step-through state)', () => {
  const ddim: SamplerChoice = { kind: 'ddim', steps: 10, spacing: 'linspace', eta: 0 };

  it('keeps every frame and maps positions to the paper time', async () => {
    const { xT, stepRng } = seededStart(7, 16);
    const tr = new Trajectory(buildSampler(schedule, ddim), xT, fakeEps, stepRng);
    expect(tr.steps).toBe(10);
    expect(tr.available).toBe(0);
    expect(tr.stateAt(0)).toBe(xT);
    expect(tr.frameAt(0)).toBeNull();
    await tr.next();
    expect(tr.available).toBe(0); // position 1 also needs step 1's ε̂
    await runAll(tr);
    expect(tr.frames).toHaveLength(10);
    expect(tr.available).toBe(10);
    expect(tr.timeAt(0)).toBe(1000); // t = T is noise
    expect(tr.timeAt(10)).toBe(0); // t = 0 is data
    expect(tr.frameAt(10)).toBe(tr.frames[9]);
    expect(await tr.next()).toBeNull();
  });

  it('ends where the maths core’s own driver ends (same seed, same noise)', async () => {
    for (const kind of ['ddim', 'ddpm-beta', 'ddpm-posterior'] as const) {
      const c: SamplerChoice = { kind, steps: 7, spacing: 'trailing', eta: 0.5 };
      const { xT, stepRng } = seededStart(3, 16);
      const tr = new Trajectory(buildSampler(schedule, c), xT, fakeEps, stepRng);
      await runAll(tr);
      const ref = await sample(buildSampler(schedule, c), { xT, predictEps: fakeEps, rng: createRng(3).fork(1) });
      expect(Array.from(tr.stateAt(7)!)).toEqual(Array.from(ref));
    }
  });

  it('the same seed gives the same x_T; another seed another', () => {
    expect(Array.from(seededStart(5, 8).xT)).toEqual(Array.from(seededStart(5, 8).xT));
    expect(Array.from(seededStart(5, 8).xT)).not.toEqual(Array.from(seededStart(6, 8).xT));
  });

  it('a compare column follows by time, never passing the main one', async () => {
    const { xT, stepRng } = seededStart(1, 4);
    const b = new Trajectory(buildSampler(schedule, { ...ddim, steps: 1000 }), xT, fakeEps, stepRng);
    expect(b.positionAtTime(1000)).toBe(0);
    expect(b.positionAtTime(500)).toBe(500);
    expect(b.timeAt(b.positionAtTime(437))).toBe(437);
    expect(b.positionAtTime(0)).toBe(1000);
    const c = new Trajectory(buildSampler(schedule, { ...ddim, steps: 4 }), xT, fakeEps, stepRng);
    // DDIM-4 linspace visits 999, 666, 333, 0 → paper 1000, 667, 334, 1
    expect(c.positionAtTime(500)).toBe(1);
    expect(c.timeAt(c.positionAtTime(500))).toBeGreaterThanOrEqual(500);
  });

  it('one step and T steps both run', async () => {
    for (const steps of [1, 1000]) {
      const { xT, stepRng } = seededStart(2, 4);
      const tr = new Trajectory(buildSampler(schedule, { ...ddim, steps }), xT, fakeEps, stepRng);
      await runAll(tr);
      expect(tr.frames).toHaveLength(steps);
      expect(Array.from(tr.stateAt(steps)!).every((v) => Number.isFinite(v))).toBe(true);
    }
  });

  it('traces a pixel and labels choices', async () => {
    const { xT, stepRng } = seededStart(2, 4);
    const tr = new Trajectory(buildSampler(schedule, ddim), xT, fakeEps, stepRng);
    await tr.next();
    await tr.next();
    const trace = tr.pixelTrace(1, 10);
    expect(trace.map((p) => p.k)).toEqual([0, 1, 2]);
    expect(trace[0].value).toBe(xT[1]);
    expect(describeChoice(ddim)).toBe('DDIM-10, η = 0');
    expect(describeChoice({ ...ddim, kind: 'ddpm-posterior' })).toBe('DDPM-10, σ² = β̃_t');
  });

  it('clip: x̂₀ stays in [−1, 1] for every sampler when asked', async () => {
    for (const kind of ['ddim', 'ddpm-beta', 'ddpm-posterior'] as const) {
      const { xT, stepRng } = seededStart(2, 16);
      const tr = new Trajectory(buildSampler(schedule, { kind, steps: 5, spacing: 'linspace', eta: 0, clip: true }), xT, fakeEps, stepRng);
      await runAll(tr);
      for (const f of tr.frames) expect(f.x0.every((v) => v >= -1 && v <= 1)).toBe(true);
      const raw = new Trajectory(buildSampler(schedule, { kind, steps: 5, spacing: 'linspace', eta: 0 }), xT, fakeEps, stepRng);
      await raw.next();
      expect(raw.frames[0].x0.some((v) => Math.abs(v) > 1)).toBe(true);
    }
  });

  it('concurrent next() calls do not skip or repeat a step', async () => {
    const { xT, stepRng } = seededStart(2, 4);
    const tr = new Trajectory(buildSampler(schedule, ddim), xT, fakeEps, stepRng);
    await Promise.all([tr.next(), tr.next(), tr.next()]);
    expect(tr.frames.map((f) => f.index)).toEqual([0]);
  });
});
