import { describe, expect, it } from 'vitest';
import {
  createRng,
  deriveSeed,
  evenTimes,
  forwardChainPlain,
  jumpNoise,
  noisedAt,
  makeSchedule,
  MarkovChain,
  pixelStats,
  qSample,
  stepNoise,
  theoryStats,
} from '../../../src/diffusion';

const schedule = makeSchedule({ kind: 'linear', T: 200 });
const x0 = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i) * 0.9);

function same(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('MarkovChain', () => {
  it('gives bit-identical states to the plain loop, for any order of requests', () => {
    const seed = 1234;
    const plain = Array.from({ length: schedule.T + 1 }, (_, t) => t).filter((t) => t % 7 === 0 || t < 3 || t > 196);
    const ref = new Map(plain.map((t) => [t, forwardChainPlain(schedule, x0, t, seed)]));
    for (const order of [
      plain,
      [...plain].reverse(),
      [...plain].sort(() => 0), // stable
      (() => {
        const r = createRng(99);
        const a = [...plain];
        for (let i = a.length - 1; i > 0; i--) {
          const j = r.int(i + 1);
          [a[i], a[j]] = [a[j], a[i]];
        }
        return a;
      })(),
    ]) {
      for (const interval of [1, 10, 25, 200]) {
        const chain = new MarkovChain(schedule, x0, seed, { interval });
        for (const t of order) expect(same(chain.stateAt(t), ref.get(t)!), `t=${t} interval=${interval}`).toBe(true);
      }
    }
  });

  it('stays identical after filling checkpoints in the background, and then costs < interval steps', () => {
    const seed = 5;
    const chain = new MarkovChain(schedule, x0, seed, { interval: 10 });
    chain.stateAt(37);
    let guard = 0;
    while (chain.fillAhead(33) && guard++ < 100);
    expect(chain.complete).toBe(true);
    expect(chain.progress).toBe(1);
    for (const t of [199, 0, 200, 13, 150, 151, 152, 37]) {
      const before = chain.stepsTaken;
      expect(same(chain.stateAt(t), forwardChainPlain(schedule, x0, t, seed))).toBe(true);
      expect(chain.stepsTaken - before).toBeLessThan(10);
    }
    // Moving up by one costs one step.
    chain.stateAt(100);
    const b = chain.stepsTaken;
    chain.stateAt(101);
    expect(chain.stepsTaken - b).toBe(1);
  });

  it('t = 0 is x_0 itself on both paths', () => {
    const chain = new MarkovChain(schedule, x0, 3);
    expect(Array.from(chain.stateAt(0))).toEqual(Array.from(x0));
    expect(Array.from(noisedAt(schedule, x0, 0, jumpNoise(3, x0.length)))).toEqual(Array.from(x0));
  });

  it('the one jump at t is qSample at index t − 1 with the seed’s sub-stream 0', () => {
    const eps = jumpNoise(8, x0.length);
    expect(same(eps, createRng(deriveSeed(8, 0)).normals(x0.length))).toBe(true);
    expect(same(noisedAt(schedule, x0, 50, eps), qSample(schedule, x0, 49, eps))).toBe(true);
  });

  it('step noise depends only on (seed, k)', () => {
    const a = stepNoise(4, 17, new Float64Array(10));
    const b = stepNoise(4, 17, new Float64Array(10));
    expect(same(a, b)).toBe(true);
    expect(same(a, stepNoise(4, 18, new Float64Array(10)))).toBe(false);
    expect(() => stepNoise(4, 0, new Float64Array(1))).toThrow(RangeError);
  });

  it('rejects t outside 0..T', () => {
    const chain = new MarkovChain(schedule, x0, 1);
    expect(() => chain.stateAt(-1)).toThrow(RangeError);
    expect(() => chain.stateAt(201)).toThrow(RangeError);
    expect(() => chain.stateAt(2.5)).toThrow(RangeError);
  });

  it('both paths match the theory’s mean and variance on a large image', () => {
    const big = Float64Array.from({ length: 20000 }, (_, i) => (i % 5 === 0 ? 1 : -1));
    const s0 = pixelStats(big);
    const sch = makeSchedule({ kind: 'linear', T: 1000 });
    for (const t of [1, 100, 400, 1000]) {
      const th = theoryStats(sch, t, s0);
      const chain = pixelStats(forwardChainPlain(sch, big, t, 11));
      const jump = pixelStats(noisedAt(sch, big, t, jumpNoise(11, big.length)));
      for (const s of [chain, jump]) {
        expect(Math.abs(s.mean - th.mean)).toBeLessThan(0.03);
        expect(Math.abs(s.variance - th.variance)).toBeLessThan(0.04);
      }
    }
    const end = theoryStats(sch, 1000, s0);
    expect(end.alphaBar).toBeCloseTo(sch.alphaBar[999], 15);
    expect(end.std).toBeCloseTo(1, 3);
  });

  it('spaces frames evenly from 0 to T', () => {
    expect(evenTimes(1000, 8)).toEqual([0, 143, 286, 429, 571, 714, 857, 1000]);
  });
});
