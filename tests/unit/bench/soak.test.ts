/** The soak bench's verdict (bench/soak.ts): noise above a floor is not a leak; a rising floor is. */
import { describe, expect, it } from 'vitest';
import { verdict } from '../../../bench/soak';

describe('soak verdict', () => {
  it('calls a flat series with spikes flat', () => {
    const v = verdict([100, 140, 100, 180, 101, 100, 150, 102, 100]);
    expect(v.first).toBe(100);
    expect(v.last).toBe(100);
    expect(v.leak).toBe(false);
  });
  it('calls a floor that rises more than 5% a leak, and 5% or less not', () => {
    expect(verdict([100, 102, 104, 106, 108, 110]).leak).toBe(true);
    expect(verdict([100, 101, 102, 103, 104, 105]).leak).toBe(false);
    expect(verdict([100, 106]).growth).toBeCloseTo(0.06, 12);
  });
  it('treats any growth from zero as a leak', () => {
    expect(verdict([0, 0, 1]).leak).toBe(true);
    expect(verdict([0, 0, 0]).leak).toBe(false);
  });
});
