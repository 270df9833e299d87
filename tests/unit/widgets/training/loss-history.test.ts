/**
 * The lab's loss history: bounded however long training runs (the page's
 * heap stayed flat in the soak bench only once the per-step array went),
 * while the chart still gets what the full per-step array would give it:
 * the same EMA (against smoothLosses, which reads every raw step), the exact
 * lowest, highest and latest loss, and means that add back up to the raw sum.
 */
import { describe, expect, it } from 'vitest';
import { LOSS_POINTS, LossHistory, smoothLosses } from '../../../../src/widgets/training/loss-series';
import { createRng } from '../../../../src/diffusion/rng';

/** A noisy, decaying loss like a real run's, with the odd spike. */
function fakeLosses(n: number, seed = 1): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => (0.05 + 0.9 * Math.exp(-i / 300)) * (1 + 0.3 * rng.normal()) ** 2 + (i % 997 === 500 ? 3 : 0));
}

describe('LossHistory', () => {
  it('never holds more than its capacity, and at least half of it once full', () => {
    const h = new LossHistory(64);
    for (const [i, v] of fakeLosses(20_000).entries()) {
      h.push(v);
      const n = h.view().points.length;
      expect(n).toBeLessThanOrEqual(64);
      if (i + 1 >= 64) expect(n).toBeGreaterThanOrEqual(32);
    }
  });

  it('keeps the lowest, highest and latest loss exactly', () => {
    const raw = fakeLosses(5000);
    const v = LossHistory.from(raw, 100).view();
    expect(v.steps).toBe(5000);
    expect(v.min).toBe(Math.min(...raw));
    expect(v.max).toBe(Math.max(...raw));
    expect(v.last).toBe(raw[raw.length - 1]);
    // The curve reaches the latest step.
    expect(v.points[v.points.length - 1].step).toBe(5000);
  });

  it("draws each point's smoothed value as the EMA of every step up to it", () => {
    const raw = fakeLosses(3000, 7);
    const ema = smoothLosses(raw, 0.95);
    const v = LossHistory.from(raw, 50).view();
    for (const p of v.points) expect(p.smooth).toBeCloseTo(ema[p.step - 1], 10);
  });

  it('spaces points evenly, and its means add back up to the raw losses', () => {
    const raw = fakeLosses(4321, 3);
    const { points } = LossHistory.from(raw, 40).view();
    const gaps = new Set(points.slice(1, -1).map((p, i) => p.step - points[i].step));
    expect(gaps.size).toBe(1);
    const sum = points.reduce((s, p) => s + p.mean * p.n, 0);
    expect(sum).toBeCloseTo(raw.reduce((s, x) => s + x, 0), 6);
    expect(points.reduce((s, p) => s + p.n, 0)).toBe(raw.length);
  });

  it('is every raw loss, one point per step, until it fills', () => {
    const raw = fakeLosses(LOSS_POINTS - 1);
    const { points } = LossHistory.from(raw).view();
    expect(points.map((p) => p.mean)).toEqual(raw);
    expect(points.map((p) => p.step)).toEqual(raw.map((_, i) => i + 1));
  });

  it('leaves a loss that is not a number out of means and the EMA, but reports it as the latest', () => {
    const v = LossHistory.from([1, 0.5, 0.25, NaN], 2).view();
    expect(Number.isNaN(v.last)).toBe(true);
    // Capacity 2 has halved twice: one point over all four steps, averaging the three finite losses,
    // its EMA that of the finite losses so far.
    expect(v.points.map((p) => [p.step, p.n])).toEqual([[4, 3]]);
    expect(v.points[0].mean).toBeCloseTo((1 + 0.5 + 0.25) / 3, 12);
    expect(v.points[0].smooth).toBeCloseTo(smoothLosses([1, 0.5, 0.25])[2], 12);
    expect(v.min).toBe(0.25);
    expect(new LossHistory().view()).toMatchObject({ steps: 0, points: [] });
  });

  it('refuses a capacity it cannot halve', () => {
    expect(() => new LossHistory(3)).toThrow(/even/);
    expect(() => new LossHistory(0)).toThrow(/even/);
  });
});
