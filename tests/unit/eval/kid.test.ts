import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/rng';
import { kernelDistance, kernelDistanceTo, pickRows } from '../../../src/eval/kid';

const gaussianRows = (rng: ReturnType<typeof createRng>, n: number, dim: number, shift = 0) =>
  Float32Array.from({ length: n * dim }, () => rng.normal() + shift);

describe('kernel distance (unbiased MMD², cubic kernel)', () => {
  it('matches a hand computation', () => {
    // dim 1: k(a, b) = (ab + 1)³. x = {0, 1}, y = {0, 2}:
    // within x: k(0,1) = 1; within y: k(0,2) = 1; across: 1 + 1 + 1 + 27 = 30.
    // MMD²_u = 1/1 + 1/1 − 2·30/4 = −13 (unbiased, so it can be negative).
    expect(kernelDistance(Float32Array.of(0, 1), 2, Float32Array.of(0, 2), 2, 1)).toBeCloseTo(-13, 10);
  });

  it('is unbiased: two samples of one distribution average 0 at a small n, unlike a shifted one', () => {
    const rng = createRng(3);
    const dim = 4;
    const same: number[] = [];
    const shifted: number[] = [];
    for (let t = 0; t < 200; t++) {
      same.push(kernelDistance(gaussianRows(rng, 20, dim), 20, gaussianRows(rng, 30, dim), 30, dim));
      shifted.push(kernelDistance(gaussianRows(rng, 20, dim, 0.5), 20, gaussianRows(rng, 30, dim), 30, dim));
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const se = (a: number[]) => Math.sqrt(a.reduce((s, v) => s + (v - mean(a)) ** 2, 0) / (a.length - 1) / a.length);
    // The biased estimate (diagonal terms kept) would sit well above 0 here.
    expect(Math.abs(mean(same))).toBeLessThan(3 * se(same));
    expect(mean(shifted)).toBeGreaterThan(mean(same) + 10 * se(same));
  });

  it('is symmetric in its two sets', () => {
    const rng = createRng(9);
    const a = gaussianRows(rng, 40, 3);
    const b = gaussianRows(rng, 25, 3);
    expect(kernelDistance(a, 40, b, 25, 3)).toBeCloseTo(kernelDistance(b, 25, a, 40, 3), 9);
  });

  it('against a fixed set, measures several sets as the one-off form does', () => {
    const rng = createRng(5);
    const y = gaussianRows(rng, 30, 3);
    const toY = kernelDistanceTo(y, 30, 3);
    for (const n of [2, 17]) {
      const x = gaussianRows(rng, n, 3);
      expect(toY(x, n)).toBe(kernelDistance(x, n, y, 30, 3));
    }
  });

  it('pickRows copies the chosen rows in order', () => {
    expect(Array.from(pickRows(Float32Array.of(1, 2, 3, 4, 5, 6), 2, [2, 0]))).toEqual([5, 6, 1, 2]);
  });

  it('refuses sets of fewer than 2 rows', () => {
    expect(() => kernelDistance(Float32Array.of(1), 1, Float32Array.of(1, 2), 2, 1)).toThrow(/at least 2 rows/);
  });
});
