import { describe, it, expect } from 'vitest';
import { createRng, deriveSeed, portableLog } from '../../../src/diffusion';

describe('createRng', () => {
  it('pins the first outputs for seed 1 (any change to the generator is caught)', () => {
    // xoshiro128** seeded by splitmix32(1); the integers were cross-checked
    // against an independent Python implementation of both algorithms.
    const r = createRng(1);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([
      2442144158, 3238099751, 3819917871, 2104621829,
    ]);
    const u = createRng(1);
    expect([u.uniform(), u.uniform(), u.uniform()]).toEqual([
      0.5686059948349658, 0.8893939367683266, 0.4705824180198359,
    ]);
    expect(Array.from(createRng(1).normals(6))).toEqual([
      0.1681321120958473, 0.9542843185011038, -0.43060011100390955, -2.1521865881858235, -2.11372639304049,
      0.04029909996824959,
    ]);
  });

  it('the golden uniforms are the documented 53-bit construction of the golden integers', () => {
    const [a, b] = [2442144158, 3238099751];
    expect(createRng(1).uniform()).toBe(((a >>> 5) * 2 ** 26 + (b >>> 6)) / 2 ** 53);
  });

  it('is deterministic per seed and differs across seeds', () => {
    expect(createRng(42).normals(100)).toEqual(createRng(42).normals(100));
    const a = createRng(42).normals(100);
    const b = createRng(43).normals(100);
    let same = 0;
    for (let i = 0; i < 100; i++) if (a[i] === b[i]) same++;
    expect(same).toBe(0);
  });

  it('takes seeds modulo 2^32 and rejects non-integers', () => {
    expect(createRng(-1).normals(5)).toEqual(createRng(2 ** 32 - 1).normals(5));
    expect(() => createRng(1.5)).toThrow(/seed/);
    expect(() => createRng(NaN)).toThrow(/seed/);
  });

  it('has standard normal moments over 1e5 draws (mean 0, variance 1, kurtosis 3)', () => {
    const n = 100_000;
    const x = createRng(7).normals(n);
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i];
    m /= n;
    let m2 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const d = (x[i] - m) ** 2;
      m2 += d;
      m4 += d * d;
    }
    m2 /= n;
    m4 /= n;
    // Standard errors: mean 1/√n ≈ 0.0032, variance √(2/n) ≈ 0.0045, kurtosis √(24/n) ≈ 0.016.
    expect(Math.abs(m)).toBeLessThan(0.013);
    expect(Math.abs(m2 - 1)).toBeLessThan(0.018);
    expect(Math.abs(m4 / (m2 * m2) - 3)).toBeLessThan(0.065);
  });

  it('uniform() stays in [0, 1) and has mean 1/2; int(n) covers [0, n) evenly', () => {
    const r = createRng(3);
    let s = 0;
    let outside = 0;
    for (let i = 0; i < 50_000; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(s / 50_000 - 0.5)).toBeLessThan(0.006); // SE ≈ 0.0013
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400); // SE ≈ 91
    expect(() => r.int(0)).toThrow(/n must be/);
  });

  it('fillNormal fills float32 and float64 arrays with the same stream as normal()', () => {
    const f64 = createRng(5).fillNormal(new Float64Array(9));
    const f32 = createRng(5).fillNormal(new Float32Array(9));
    const r = createRng(5);
    for (let i = 0; i < 9; i++) {
      const v = r.normal();
      expect(f64[i]).toBe(v);
      expect(f32[i]).toBe(Math.fround(v));
    }
  });

  it('fork(k) depends only on (seed, k), not on draws made before', () => {
    const r = createRng(11);
    const before = r.fork(3).normals(4);
    r.normals(17);
    expect(r.fork(3).normals(4)).toEqual(before);
    expect(r.fork(3).seed).toBe(deriveSeed(11, 3));
    expect(r.fork(4).normals(4)).not.toEqual(before);
    expect(createRng(12).fork(3).normals(4)).not.toEqual(before);
    // Sub-streams of nearby seeds and indices do not coincide.
    const seen = new Set<number>();
    for (let s = 0; s < 50; s++) for (let k = 0; k < 50; k++) seen.add(deriveSeed(s, k));
    expect(seen.size).toBe(2500);
  });
});

describe('portableLog', () => {
  it('matches Math.log within 1e-15 relative from 1e-300 to 1e300 and near 1', () => {
    const r = createRng(99);
    let worst = 0;
    const check = (x: number): void => {
      const want = Math.log(x);
      const got = portableLog(x);
      const rel = want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
      if (rel > worst) worst = rel;
    };
    for (let i = 0; i < 100_000; i++) check(10 ** ((r.uniform() * 2 - 1) * 300));
    for (let i = 0; i < 20_000; i++) check(1 + (r.uniform() - 0.5) * 1e-3);
    for (let i = 0; i < 20_000; i++) check(r.uniform()); // the polar method's range
    for (const x of [1, 2, 0.5, Math.SQRT2, Math.SQRT1_2, Number.MIN_VALUE, 1e-310, Number.MAX_VALUE, 1 + 2 ** -52]) check(x);
    expect(worst).toBeLessThan(1e-15);
  });

  it('handles the special values', () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(NaN)).toBeNaN();
  });
});
