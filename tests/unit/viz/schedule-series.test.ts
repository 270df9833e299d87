import { describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../src/diffusion';
import { scheduleRows, thinnedIndices, timeSignalFallsBelow } from '../../../src/viz/schedule-series';

describe('schedule rows for the charts', () => {
  it('keeps every step when T is small and thins evenly, ends included, when it is large', () => {
    expect(thinnedIndices(5, 300)).toEqual([0, 1, 2, 3, 4]);
    const idx = thinnedIndices(4000, 300);
    expect(idx).toHaveLength(300);
    expect(idx[0]).toBe(0);
    expect(idx[299]).toBe(3999);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
  });

  it('plots paper time t = index + 1, with the schedule’s own values', () => {
    const s = makeSchedule({ kind: 'cosine', T: 1000 });
    const rows = scheduleRows(s, 'B');
    expect(rows[0].t).toBe(1);
    expect(rows[rows.length - 1].t).toBe(1000);
    expect(rows[0].alphaBar).toBe(s.alphaBar[0]);
    expect(rows[rows.length - 1].beta).toBe(0.999); // the clipped last β
  });

  it('leaves a gap (null) where log SNR is −∞ under zero terminal SNR', () => {
    const s = makeSchedule({ kind: 'linear', T: 100, zeroTerminalSnr: true });
    const rows = scheduleRows(s, 'A');
    expect(rows[rows.length - 1].logSnr).toBeNull();
    expect(rows.slice(0, -1).every((r) => r.logSnr !== null && Number.isFinite(r.logSnr))).toBe(true);
  });

  it('finds where linear and cosine lose half their signal (the figures quoted in lesson 3)', () => {
    expect(timeSignalFallsBelow(makeSchedule({ kind: 'linear', T: 1000 }), 0.5)).toBe(260);
    expect(timeSignalFallsBelow(makeSchedule({ kind: 'linear', T: 1000 }), 0.01)).toBe(674);
    expect(timeSignalFallsBelow(makeSchedule({ kind: 'cosine', T: 1000 }), 0.5)).toBe(497);
    expect(timeSignalFallsBelow(makeSchedule({ kind: 'cosine', T: 1000 }), 0.01)).toBe(936);
  });
});
