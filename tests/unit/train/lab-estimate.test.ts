import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, TINY_SETTINGS, normaliseSettings } from '../../../src/train/lab-settings';
import { minutesToReadable, READABLE_STEPS, RECENT_STEPS, typicalStepMs } from '../../../src/train/lab-estimate';

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

describe('the speed the estimate reads', () => {
  it('waits out the warm-up steps, then takes the median of the recent ones', () => {
    // Kernel compilation makes a run's first steps several times slower.
    const warm = [1900, 900, 600];
    expect(typicalStepMs(warm)).toBe(0);
    expect(typicalStepMs([...warm, 340, 350, 330, 345])).toBe(0); // too few steps yet
    expect(typicalStepMs([...warm, 340, 350, 330, 345, 335])).toBe(340);
    // One slow step (a save, a sample refresh) does not move it.
    expect(typicalStepMs([...warm, 340, 350, 330, 345, 335, 2500])).toBe(342.5);
  });

  it('follows a change of speed within the recent window', () => {
    const times = [1900, 900, 600, ...Array(RECENT_STEPS).fill(300), ...Array(RECENT_STEPS).fill(600)];
    expect(typicalStepMs(times)).toBe(600);
  });
});
