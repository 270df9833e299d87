import { describe, expect, it } from 'vitest';
import { longTaskCell, mainThreadTasks, projectTotal, untimed } from '../../../bench/step-timing';

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

describe('bench: main-thread CPU of long tasks, from a Chromium trace', () => {
  const events = [
    { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', pid: 1, tid: 7, args: { name: 'DedicatedWorker thread' } },
    { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 1_000, dur: 87_600, tdur: 14_600 },
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 1, tid: 1, ts: 1_010, dur: 87_500, tdur: 14_500 }, // the same task, nested
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 1, tid: 1, ts: 200_000, dur: 2_000, tdur: 1_900 },
    { name: 'RunTask', ph: 'X', pid: 1, tid: 7, ts: 1_000, dur: 900_000, tdur: 890_000 }, // the worker's step: not the main thread
    { name: 'FunctionCall', ph: 'X', pid: 1, tid: 1, ts: 2_000, dur: 80_000, tdur: 13_000 }, // inside a task, not a task
  ];
  it("counts only the renderer main thread's tasks, in ms", () => {
    expect(mainThreadTasks(events)).toEqual([
      { wallMs: 87.6, cpuMs: 14.6 },
      { wallMs: 2, cpuMs: 1.9 },
    ]);
  });
  it('prints a long task with the CPU inside it, and says when there was none', () => {
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    expect(longTaskCell({ ...untimed(50), longestTaskMs: 87.6, longestTaskCpuMs: 14.6 }, fmt)).toBe('87.6 ms (CPU 14.6 ms)');
    expect(longTaskCell({ ...untimed(50), longestTaskMs: 87.6 }, fmt)).toBe('87.6 ms');
    expect(longTaskCell(untimed(50), fmt)).toBe('0 (none over 50 ms)');
  });
});
