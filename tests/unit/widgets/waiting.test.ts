import { describe, expect, it } from 'vitest';
import { progressOf, WAITING } from '../../../src/widgets/waiting';

describe('the waiting display', () => {
  it('counts only what it can: no bar before there is a whole to count against', () => {
    expect(progressOf(null, 50)).toBeNull();
    expect(progressOf(3, 0)).toBeNull();
    expect(progressOf(3, NaN)).toBeNull();
    expect(progressOf(3, 50)).toEqual({ value: 3, max: 50 });
    // A count past the end, or below zero, stays on the bar.
    expect(progressOf(60, 50)).toEqual({ value: 50, max: 50 });
    expect(progressOf(-1, 50)).toEqual({ value: 0, max: 50 });
  });

  it('says the same words on every figure', () => {
    expect(WAITING.sampling(3, 50)).toBe('Sampling: step 3 of 50');
    expect(WAITING.model).toMatch(/model…$/);
  });
});
