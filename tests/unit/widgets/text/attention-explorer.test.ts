import { describe, expect, it } from 'vitest';
import { probeAfterKey, probeBoxOf, rovingTarget, sharePct } from '../../../../src/widgets/text/attention-explorer.svelte';

describe('the explorer probe: keys and region', () => {
  it('starts at a quarter of the image and moves by one cell of the map per arrow', () => {
    expect(probeAfterKey('ArrowRight', null, 32, 4)).toEqual({ probe: { r: 8, c: 12 } });
    expect(probeAfterKey('ArrowDown', { r: 8, c: 12 }, 32, 4)).toEqual({ probe: { r: 12, c: 12 } });
  });

  it('stays on the image at its edges', () => {
    expect(probeAfterKey('ArrowUp', { r: 1, c: 0 }, 32, 4)).toEqual({ probe: { r: 0, c: 0 } });
    expect(probeAfterKey('ArrowRight', { r: 0, c: 30 }, 32, 4)).toEqual({ probe: { r: 0, c: 31 } });
  });

  it('Escape removes the probe; other keys are not its own', () => {
    expect(probeAfterKey('Escape', { r: 3, c: 3 }, 32, 4)).toEqual({ probe: null });
    expect(probeAfterKey('Enter', { r: 3, c: 3 }, 32, 4)).toBeNull();
  });

  it('the region is the map cell that holds the probed pixel', () => {
    expect(probeBoxOf({ r: 13, c: 6 }, 4)).toEqual({ r0: 12, c0: 4, d: 4 });
    expect(probeBoxOf({ r: 31, c: 31 }, 8)).toEqual({ r0: 24, c0: 24, d: 8 });
  });
});

describe('roving focus over the token chips', () => {
  it('arrows step and wrap, Home and End jump, other keys do nothing', () => {
    expect(rovingTarget('ArrowRight', 4, 5)).toBe(0);
    expect(rovingTarget('ArrowLeft', 0, 5)).toBe(4);
    expect(rovingTarget('ArrowDown', 1, 5)).toBe(2);
    expect(rovingTarget('Home', 3, 5)).toBe(0);
    expect(rovingTarget('End', 0, 5)).toBe(4);
    expect(rovingTarget('a', 2, 5)).toBeNull();
  });
});

describe('attention shares as percentages', () => {
  it('one decimal below 10 %, none above', () => {
    expect(sharePct(0.0734)).toBe('7.3%');
    expect(sharePct(0.4567)).toBe('46%');
  });
});
