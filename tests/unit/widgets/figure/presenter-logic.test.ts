import { describe, expect, it } from 'vitest';
import { largestFit, move, presenterAction, stopsOf, tweenValue } from '../../../../src/widgets/figure/presenter-logic';

describe('presenter keys (reveal.js conventions)', () => {
  it('maps → / Space / PageDown to next, ← / PageUp to previous, F, B and Esc', () => {
    for (const key of ['ArrowRight', ' ', 'PageDown']) expect(presenterAction({ key })).toBe('next');
    for (const key of ['ArrowLeft', 'PageUp']) expect(presenterAction({ key })).toBe('prev');
    expect(presenterAction({ key: 'f' })).toBe('fullscreen');
    expect(presenterAction({ key: 'F' })).toBe('fullscreen');
    expect(presenterAction({ key: 'b' })).toBe('blank');
    expect(presenterAction({ key: 'Escape' })).toBe('leave');
  });

  it('leaves other keys and browser shortcuts to the page', () => {
    expect(presenterAction({ key: 'a' })).toBeNull();
    expect(presenterAction({ key: 'Tab' })).toBeNull();
    expect(presenterAction({ key: 'f', ctrlKey: true })).toBeNull();
    expect(presenterAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(presenterAction({ key: 'r', metaKey: true })).toBeNull();
  });

  it('inside a slider or text box, lets arrows, Space and letters work the control; Esc and a clicker’s PageUp/PageDown still present', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'f', 'b']) expect(presenterAction({ key, inControl: true })).toBeNull();
    expect(presenterAction({ key: 'Escape', inControl: true })).toBe('leave');
    expect(presenterAction({ key: 'PageDown', inControl: true })).toBe('next');
    expect(presenterAction({ key: 'PageUp', inControl: true })).toBe('prev');
  });
});

describe('presenter walk', () => {
  it('makes one stop per scene, and one for a figure without scenes', () => {
    expect(stopsOf([{ id: 'a', scenes: 2 }, { id: 'b', scenes: 0 }, { id: 'c', scenes: 1 }])).toEqual([
      { figure: 'a', scene: 0 },
      { figure: 'a', scene: 1 },
      { figure: 'b', scene: null },
      { figure: 'c', scene: 0 },
    ]);
  });

  it('moves by one and stays put at both ends', () => {
    expect(move(0, 3, 'next')).toBe(1);
    expect(move(2, 3, 'next')).toBe(2);
    expect(move(0, 3, 'prev')).toBe(0);
    expect(move(2, 3, 'prev')).toBe(1);
    expect(move(1, 3, 'first')).toBe(0);
    expect(move(1, 3, 'last')).toBe(2);
    expect(move(0, 0, 'next')).toBe(0);
  });

  it('glides numbers from start to end (integers stay integers) and switches everything else at once', () => {
    expect(tweenValue(1000, 50, 0)).toBe(1000);
    expect(tweenValue(1000, 50, 1)).toBe(50);
    expect(tweenValue(1000, 50, 0.5)).toBe(525);
    const mids = [0.1, 0.3, 0.7, 0.9].map((u) => tweenValue(1000, 50, u) as number);
    expect(mids.every(Number.isInteger)).toBe(true);
    expect([...mids].sort((a, b) => b - a)).toEqual(mids);
    expect(tweenValue(0.5, 1.5, 0.5)).toBeCloseTo(1);
    expect(tweenValue('linear', 'cosine', 0)).toBe('cosine');
    expect(tweenValue(NaN, 0.02, 0.5)).toBe(0.02);
    expect(tweenValue(true, false, 0)).toBe(false);
  });
});

describe('presenter fit: the largest scale that fits', () => {
  it('finds the limit of a threshold within the bisection’s tolerance, from below', () => {
    // Text that keeps its size plus a drawing that shrinks: fits while 200 + 900·s ≤ 500, i.e. s ≤ 1/3.
    const fits = (s: number) => 200 + 900 * s <= 500;
    const { scale, fits: ok } = largestFit(fits, 0.2, 10);
    expect(ok).toBe(true);
    expect(scale).toBeLessThanOrEqual(1 / 3);
    expect(scale).toBeGreaterThan(1 / 3 - 0.8 / 2 ** 10);
    expect(fits(scale)).toBe(true);
  });

  it('stays at 1 when the whole fits, and reports min when even min does not', () => {
    expect(largestFit(() => true, 0.35)).toEqual({ scale: 1, fits: true });
    const calls: number[] = [];
    expect(largestFit((s) => (calls.push(s), false), 0.35)).toEqual({ scale: 0.35, fits: false });
    expect(calls).toEqual([1, 0.35]);
  });
});
