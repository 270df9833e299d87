import { describe, expect, it } from 'vitest';
import { logTicks } from '../../../../src/widgets/training/loss-ticks';

const labels = (lo: number, hi: number, n?: number) => logTicks(lo, hi, n).map((t) => t.label);

describe('log-axis ticks of the loss chart', () => {
  it('labels every tick of a range that straddles 1 (d3 labels only "1" there)', () => {
    expect(labels(0.7, 1.3)).toEqual(['0.7', '0.8', '0.9', '1', '1.1', '1.2', '1.3']);
  });

  it('gives round values inside one decade', () => {
    expect(labels(0.35, 0.9)).toEqual(['0.4', '0.5', '0.6', '0.7', '0.8', '0.9']);
    expect(labels(0.47, 0.62).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps 1-2-5 ticks over a few decades, and powers of ten over many', () => {
    expect(labels(0.01, 1)).toEqual(['0.01', '0.02', '0.05', '0.1', '0.2', '0.5', '1']);
    expect(labels(1e-6, 10).every((l) => /^(1e-\d|0\.0*1|1|10)$/.test(l))).toBe(true);
    expect(logTicks(1e-6, 10).length).toBeLessThanOrEqual(7);
  });

  it('always returns at least two ticks inside the domain, with labels', () => {
    for (const [lo, hi] of [[0.7, 1.3], [0.9, 1.1], [0.44, 1.0], [0.08, 1], [0.003, 2], [0.55, 0.56]]) {
      const t = logTicks(lo, hi, 6);
      expect(t.length, `${lo}–${hi}`).toBeGreaterThanOrEqual(2);
      expect(t.every((x) => x.v >= lo && x.v <= hi && x.label !== '')).toBe(true);
    }
  });

  it('returns nothing for an empty or invalid domain instead of throwing', () => {
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(1, 1)).toEqual([]);
    expect(logTicks(NaN, 1)).toEqual([]);
  });
});
