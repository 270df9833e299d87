import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet, type QuietOptions } from '../../../site/offline/when-quiet';

const o = (busy: () => boolean): QuietOptions => ({ busy, quietMs: 2_000, everyMs: 500, maxMs: 60_000 });

describe('when the offline precache may start', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts once the page has stayed quiet for the whole quiet time, not before', () => {
    const start = vi.fn();
    whenQuiet(start, o(() => false));
    vi.advanceTimersByTime(1_999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits while a figure runs, and counts the quiet time from its end', () => {
    let running = true;
    const start = vi.fn();
    whenQuiet(start, o(() => running));
    vi.advanceTimersByTime(10_000);
    expect(start).not.toHaveBeenCalled();
    running = false;
    vi.advanceTimersByTime(1_500);
    // A figure that runs again for a moment restarts the quiet time.
    running = true;
    vi.advanceTimersByTime(500);
    running = false;
    vi.advanceTimersByTime(1_500);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at the latest after the longest wait, even with a figure stuck running', () => {
    const start = vi.fn();
    whenQuiet(start, o(() => true));
    vi.advanceTimersByTime(59_999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('never starts once cancelled (the reader turned offline use off meanwhile)', () => {
    const start = vi.fn();
    const cancel = whenQuiet(start, o(() => false));
    vi.advanceTimersByTime(1_000);
    cancel();
    vi.advanceTimersByTime(120_000);
    expect(start).not.toHaveBeenCalled();
  });
});
