import { describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../../src/diffusion/schedule';
import { framesAt, reverseAt, STRIP_TIMES, type HeroFrame } from '../../../../src/widgets/hero/hero';

const frame = (t: number): HeroFrame => ({ t, x: [t], size: 1 });

describe("lesson 1's hero strip", () => {
  it('shows the real digit itself at t = 0 and nearly pure noise at t = 1000, with one shared ε', () => {
    const schedule = makeSchedule({ kind: 'linear', T: 1000 });
    const x0 = Float64Array.from({ length: 16 }, (_, i) => (i % 2 ? 1 : -1));
    const frames = framesAt(schedule, x0, 4, STRIP_TIMES, 7);
    expect(frames.map((f) => f.t)).toEqual([...STRIP_TIMES]);
    expect(Array.from(frames[0].x)).toEqual(Array.from(x0));
    // x_t = √ᾱ x₀ + √(1 − ᾱ) ε, so the same ε is recovered from every frame.
    const eps = (i: number) => {
      const a = schedule.alphaBar[STRIP_TIMES[i] - 1];
      return Array.from(frames[i].x, (v, j) => (v - Math.sqrt(a) * x0[j]) / Math.sqrt(1 - a));
    };
    const e1 = eps(1);
    for (const i of [2, 3, 4, 5]) eps(i).forEach((v, j) => expect(v).toBeCloseTo(e1[j], 9));
  });

  it('takes, for each t on the way back, the first sampler frame at or below it, and null before the sampler gets there', () => {
    const reverse = [1000, 960, 600, 590, 300, 120, 40, 0].map(frame);
    expect(reverseAt(reverse, [600, 300, 150, 50, 0]).map((f) => f?.t ?? null)).toEqual([600, 300, 120, 40, 0]);
    const partial = reverse.slice(0, 4);
    expect(reverseAt(partial, [600, 300, 150]).map((f) => f?.t ?? null)).toEqual([600, null, null]);
  });
});
