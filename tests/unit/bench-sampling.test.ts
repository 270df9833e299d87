import { describe, expect, it } from 'vitest';
import { projectTotal } from '../../bench/step-timing';

describe('bench: extrapolating a slow sampling run', () => {
  it('keeps step 1 (kernel compilation) as measured and scales the later steps to the rest', () => {
    // Step 1 took 10 s, steps 2–3 took 2 s each: 10 + 2 × 49.
    expect(projectTotal(10_000, 14_000, 3, 50)).toBe(108_000);
    // Exact when every step is done.
    expect(projectTotal(10_000, 108_000, 50, 50)).toBe(108_000);
  });
  it('refuses to guess from fewer than two steps', () => {
    expect(projectTotal(10_000, 10_000, 1, 50)).toBeNull();
  });
});
