import { describe, expect, it } from 'vitest';
import { toReadableCell } from '../../../bench/browser-training';
import { READABLE_STEPS } from '../../../src/train/lab-estimate';

describe("bench: the lab's time to readable digits", () => {
  it('is the measured ms per step times the steps the recipe needed, said to be extrapolated', () => {
    expect(toReadableCell({ config: 'default', medianMs: 60_000 / READABLE_STEPS })).toBe('≈ 1.0 min (extrapolated)');
    expect(toReadableCell({ config: 'default', medianMs: 1_500 })).toBe(`≈ ${((1_500 * READABLE_STEPS) / 60_000).toFixed(1)} min (extrapolated)`);
  });
  it('is not given for the tiny model (no measured run) or a step that was not timed', () => {
    expect(toReadableCell({ config: 'tiny', medianMs: 100 })).toBe('—');
    expect(toReadableCell({ config: 'default', medianMs: NaN })).toBe('—');
  });
});
