import { describe, expect, it } from 'vitest';
import { createRng, evenTimes, makeSchedule, noisedAt, signalAt } from '../../../src/diffusion';

describe('evenTimes', () => {
  it('spans 0..T inclusive in n evenly spaced integer steps', () => {
    expect(evenTimes(1000, 8)).toEqual([0, 143, 286, 429, 571, 714, 857, 1000]);
    expect(evenTimes(7, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  it('drops repeats when T is smaller than the frame count', () => {
    expect(evenTimes(1, 8)).toEqual([0, 1]);
    expect(evenTimes(3, 8)).toEqual([0, 1, 2, 3]);
  });
});

describe('noisedAt (paper time 0..T)', () => {
  const s = makeSchedule({ kind: 'linear', T: 1000 });
  const x0 = Float64Array.from({ length: 784 }, (_, i) => Math.sin(i));
  const eps = createRng(3).normals(784);

  it('is the data itself at t = 0', () => {
    expect(Array.from(noisedAt(s, x0, 0, eps))).toEqual(Array.from(x0));
    expect(signalAt(s, 0)).toBe(1);
  });

  it('at t = T uses the last step: √ᾱ = √4.04e-5 ≈ 0.00636 for linear T = 1000', () => {
    const xT = noisedAt(s, x0, 1000, eps);
    expect(signalAt(s, 1000)).toBeCloseTo(Math.sqrt(4.036e-5), 5);
    const a = Math.sqrt(s.alphaBar[999]);
    const b = Math.sqrt(1 - s.alphaBar[999]);
    for (let i = 0; i < 784; i += 97) expect(xT[i]).toBeCloseTo(a * x0[i] + b * eps[i], 12);
  });

  it('at t = 1 adds exactly the first step: x₁ = √(1−β₁) x₀ + √β₁ ε', () => {
    const x1 = noisedAt(s, x0, 1, eps);
    expect(x1[5]).toBeCloseTo(Math.sqrt(1 - 1e-4) * x0[5] + Math.sqrt(1e-4) * eps[5], 14);
  });

  it('rejects t outside 0..T', () => {
    expect(() => noisedAt(s, x0, 1001, eps)).toThrow(/t must be an integer in \[0, 1000\]/);
    expect(() => noisedAt(s, x0, -1, eps)).toThrow(RangeError);
    expect(() => noisedAt(s, x0, 2.5, eps)).toThrow(RangeError);
  });
});
