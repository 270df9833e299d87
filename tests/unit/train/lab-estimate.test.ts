import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, TINY_SETTINGS, normaliseSettings } from '../../../src/train/lab-settings';
import { minutesToReadable, READABLE_STEPS } from '../../../src/train/lab-estimate';

describe('the lab time estimate', () => {
  it('is steps left × measured time per step, rounded up to whole minutes', () => {
    expect(minutesToReadable(2100, DEFAULT_SETTINGS)).toBe(Math.ceil((READABLE_STEPS * 2.1) / 60));
    expect(minutesToReadable(2100, DEFAULT_SETTINGS, 300)).toBe(Math.ceil(((READABLE_STEPS - 300) * 2.1) / 60));
    expect(minutesToReadable(10, DEFAULT_SETTINGS)).toBe(1);
    expect(minutesToReadable(2100, DEFAULT_SETTINGS, READABLE_STEPS)).toBeNull();
  });

  it('says nothing it has not measured: other settings, or no speed yet', () => {
    expect(minutesToReadable(2100, normaliseSettings({ ...DEFAULT_SETTINGS, width: 24 }))).toBeNull();
    expect(minutesToReadable(2100, normaliseSettings({ ...DEFAULT_SETTINGS, ...TINY_SETTINGS }))).toBeNull();
    expect(minutesToReadable(2100, normaliseSettings({ ...DEFAULT_SETTINGS, classes: [3] }))).toBeNull();
    expect(minutesToReadable(0, DEFAULT_SETTINGS)).toBeNull();
  });
});
