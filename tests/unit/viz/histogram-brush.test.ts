import { describe, expect, it } from 'vitest';
import { barsPath, densityHistogram, normalPdf, stepPath, symmetricBins } from '../../../src/viz/histogram';
import { dab, hasInk, inkToSigned, stroke } from '../../../src/viz/brush';

describe('densityHistogram', () => {
  const bins = symmetricBins(4, 0.2);
  it('puts 0 and ±1 in bin centres', () => {
    for (const v of [-1, 0, 1]) {
      const pos = (v - bins.lo) / bins.width;
      expect(pos - Math.floor(pos)).toBeCloseTo(0.5, 9);
    }
  });
  it('integrates to the fraction inside the range', () => {
    const x = [-1, -1, 0, 0.5, 10];
    const { density, outside } = densityHistogram(x, bins);
    expect(outside).toBe(1);
    const area = density.reduce((s, d) => s + d * bins.width, 0);
    expect(area).toBeCloseTo(4 / 5, 12);
  });
  it('draws paths and reports clipping', () => {
    const { density } = densityHistogram([-1, -1, -1], bins);
    const id = (v: number) => v;
    const y = (v: number) => 100 - v * 10;
    expect(barsPath(density, bins, id, y, 2).clipped).toBe(true);
    expect(barsPath(density, bins, id, y, 10).clipped).toBe(false);
    expect(stepPath(density, bins, id, y, 10)).toMatch(/^M/);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804, 9);
  });
});

describe('brush', () => {
  it('paints soft ink that never exceeds 1', () => {
    const buf = new Float32Array(28 * 28);
    expect(hasInk(buf)).toBe(false);
    expect(stroke(buf, 28, 5, 5, 20, 20)).toBe(true);
    expect(hasInk(buf)).toBe(true);
    expect(Math.max(...buf)).toBeLessThanOrEqual(1);
    expect(buf[14 * 28 + 14]).toBeGreaterThan(0.8);
    expect(buf[0]).toBe(0);
    // Soft edge: some pixels partly inked.
    expect(buf.some((v) => v > 0.05 && v < 0.6)).toBe(true);
    const s = inkToSigned(buf);
    expect(s[0]).toBe(-1);
  });
  it('ignores dabs off the grid', () => {
    const buf = new Float32Array(28 * 28);
    expect(dab(buf, 28, -10, -10)).toBe(false);
  });
});
