import { describe, expect, it } from 'vitest';
import { createDdimSampler, createRng, makeSchedule } from '../../../src/diffusion';
import { noisedStarts, runSdEdit, scaleTimes, startIndices } from '../../../src/diffusion/sdedit';
import { gridLabels, labelName } from '../../../src/widgets/reverse/grid';

const schedule = makeSchedule({ kind: 'linear', T: 1000 });

describe('SDEdit (image to image)', () => {
  it('starts each column at the sampler step at or below the wanted t', () => {
    const s = createDdimSampler({ schedule, steps: 10 }); // visits 999, 888, … 0
    expect(startIndices(s, [1000, 500, 1])).toEqual([0, 5, 9]);
    expect(Array.from(s.timesteps).slice(5, 6)).toEqual([444]);
  });

  it('with a perfect noise oracle, every column comes back to the image', async () => {
    const x0 = Float64Array.from({ length: 16 }, (_, i) => (i % 3 === 0 ? 0.8 : -0.9));
    const noise = createRng(4).normals(16);
    const sampler = createDdimSampler({ schedule, steps: 20 });
    // ε̂ = (x_t − √ᾱ x_0)/√(1 − ᾱ) for every image of the batch: the true noise.
    const predict = async (x: Float32Array, t: number) =>
      Float32Array.from(x, (v, i) => (v - schedule.sqrtAlphaBar[t] * x0[i % 16]) / schedule.sqrtOneMinusAlphaBar[t]);
    let last;
    for await (const f of runSdEdit({ schedule, sampler, x0, noise, paperTimes: [200, 600, 1000], predict })) last = f;
    expect(last!.finished).toEqual([true, true, true]);
    expect(last!.done).toBe(last!.total);
    expect(last!.startT[2]).toBe(1000);
    for (const c of last!.current) for (let i = 0; i < 16; i++) expect(c[i]).toBeCloseTo(x0[i], 4);
  });

  it('draws the noised row without a network: the closed form at each column’s start, the very images the run starts from', async () => {
    const x0 = Float64Array.from({ length: 16 }, (_, i) => (i % 2 ? 0.5 : -1));
    const noise = createRng(9).normals(16);
    const sampler = createDdimSampler({ schedule, steps: 10 });
    const pre = noisedStarts({ schedule, sampler, x0, noise, paperTimes: [1, 500, 1000] });
    expect(pre.startT).toEqual([1, 445, 1000]);
    // x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε, with ᾱ_t at index t − 1.
    for (const [c, t] of pre.startT.entries()) {
      for (let i = 0; i < 16; i++) expect(pre.noised[c][i]).toBeCloseTo(schedule.sqrtAlphaBar[t - 1] * x0[i] + schedule.sqrtOneMinusAlphaBar[t - 1] * noise[i], 12);
    }
    const first = (await runSdEdit({ schedule, sampler, x0, noise, paperTimes: [1, 500, 1000], predict: async (x) => new Float32Array(x.length) }).next()).value;
    expect(first.noised).toEqual(pre.noised);
  });
});

describe('grid labels', () => {
  it('one per class then unconditional extras, or all one class', () => {
    expect(Array.from(gridLabels('none', 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10, 10, 10]);
    expect(Array.from(gridLabels('4', 10, 3))).toEqual([4, 4, 4]);
  });
});

describe("SDEdit's start times on a model's own T", () => {
  it('keeps the same fractions of the way to noise, never 0 nor above T', () => {
    expect(scaleTimes([100, 550, 1000], 1000)).toEqual([100, 550, 1000]);
    expect(scaleTimes([100, 250, 550, 1000], 100)).toEqual([10, 25, 55, 100]);
    expect(scaleTimes([1, 2000], 250)).toEqual([1, 250]);
  });
});

describe('grid captions', () => {
  it('names a class from the model, or says "no label"', () => {
    expect(labelName(3, 10)).toBe('3');
    expect(labelName(10, 10)).toBe('no label');
    expect(labelName(3, 10, ['a', 'b', 'c', 'Dress'])).toBe('Dress');
  });
});
