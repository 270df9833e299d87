import { describe, it, expect } from 'vitest';
import {
  createRng,
  guideEps,
  makeSchedule,
  minSnrWeight,
  posteriorMean,
  posteriorVariance,
  predictEpsFromX0,
  predictX0FromEps,
  qSample,
  qStep,
  SCHEDULE_KINDS,
  type Schedule,
} from '../../../src/diffusion';

/** ᾱ recomputed from β alone, with ᾱ_{−1} = 1 at index 0 of the result (so cum[t+1] = ᾱ_t). */
function cumprod(betas: Float64Array): Float64Array {
  const out = new Float64Array(betas.length + 1);
  out[0] = 1;
  for (let i = 0; i < betas.length; i++) out[i + 1] = out[i] * (1 - betas[i]);
  return out;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('qSample', () => {
  it('is √ᾱ_t x_0 + √(1 − ᾱ_t) ε with ᾱ recomputed from β', () => {
    const s = makeSchedule({ kind: 'linear', T: 1000 });
    const cum = cumprod(s.betas);
    const x0 = [0.5, -1, 0, 1];
    const eps = [1, 2, -0.5, 0];
    for (const t of [0, 10, 500, 999]) {
      const got = qSample(s, x0, t, eps);
      const want = x0.map((v, i) => Math.sqrt(cum[t + 1]) * v + Math.sqrt(1 - cum[t + 1]) * eps[i]);
      expect(maxAbsDiff(got, want)).toBeLessThan(1e-12);
    }
  });

  it('writes into out (which may alias an input) and checks t and lengths', () => {
    const s = makeSchedule({ kind: 'cosine', T: 100 });
    const x = new Float64Array([0.1, 0.2, 0.3]);
    const want = qSample(s, x, 40, [1, 1, 1]);
    const ret = qSample(s, x, 40, [1, 1, 1], x);
    expect(ret).toBe(x);
    expect(x).toEqual(want);
    expect(() => qSample(s, x, 100, [1, 1, 1])).toThrow(/^t must be an integer in \[0, 99\], got 100/);
    expect(() => qSample(s, x, -1, [1, 1, 1])).toThrow(/^t must be/);
    expect(() => qSample(s, x, 2.5, [1, 1, 1])).toThrow(/^t must be/);
    expect(() => qSample(s, x, 3, [1, 1])).toThrow(/noise has length 2, expected 3/);
    expect(() => qSample(s, x, 3, [1, 1, 1], new Float64Array(2))).toThrow(/out has length/);
  });
});

describe('qStep chain = closed form (in distribution)', () => {
  /** Runs the chain t = 0..k on n copies of the scalar x0 and returns the sample mean and variance. */
  function chainMoments(s: Schedule, x0: number, k: number, n: number, seed: number): { mean: number; variance: number } {
    const rng = createRng(seed);
    const x = new Float64Array(n).fill(x0);
    const noise = new Float64Array(n);
    for (let t = 0; t <= k; t++) qStep(s, x, t, rng.fillNormal(noise), x);
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i] - m) ** 2;
    return { mean: m, variance: v / (n - 1) };
  }

  const cases: Array<[string, Schedule, number]> = [
    ['linear T=1000, k=300', makeSchedule({ kind: 'linear', T: 1000 }), 300],
    ['cosine T=1000, k=150', makeSchedule({ kind: 'cosine', T: 1000 }), 150],
    // Large, unequal β: an off-by-one in the index convention would show here.
    ['linear T=10 (clipped), k=2', makeSchedule({ kind: 'linear', T: 10 }), 2],
    ['linear T=10, k=0', makeSchedule({ kind: 'linear', T: 10 }), 0],
  ];
  for (const [name, s, k] of cases) {
    it(`${name}: 20k samples have mean √ᾱ_k x_0 and variance 1 − ᾱ_k within 4 standard errors`, () => {
      const n = 20_000;
      const x0 = 0.8;
      const ab = cumprod(s.betas)[k + 1];
      const { mean, variance } = chainMoments(s, x0, k, n, 1234 + k);
      const v = 1 - ab;
      expect(Math.abs(mean - Math.sqrt(ab) * x0)).toBeLessThan(4 * Math.sqrt(v / n));
      expect(Math.abs(variance - v)).toBeLessThan(4 * v * Math.sqrt(2 / n));
    });
  }

  it('exactly: the chain is linear in (x_0, ε_0..ε_k) with coefficient √ᾱ_k on x_0 and Σc_j² = 1 − ᾱ_k', () => {
    // Track k + 2 chains at once: chain 0 carries x_0 = 1 and no noise; chain j + 1
    // carries x_0 = 0 and unit noise only at step j. Their end values are the coefficients.
    for (const [s, k] of [
      [makeSchedule({ kind: 'linear', T: 10 }), 6],
      [makeSchedule({ kind: 'cosine', T: 1000 }), 999],
    ] as const) {
      const x = new Float64Array(k + 2);
      x[0] = 1;
      const noise = new Float64Array(k + 2);
      for (let t = 0; t <= k; t++) {
        noise.fill(0);
        noise[t + 1] = 1;
        qStep(s, x, t, noise, x);
      }
      let sumSq = 0;
      for (let j = 1; j < k + 2; j++) sumSq += x[j] * x[j];
      expect(Math.abs(x[0] - s.sqrtAlphaBar[k])).toBeLessThan(1e-12);
      expect(Math.abs(sumSq - (1 - s.alphaBar[k]))).toBeLessThan(1e-12);
    }
  });
});

describe('posterior q(x_{t−1} | x_t, x_0)', () => {
  it('matches Bayes: q(x_t | x_{t−1}) q(x_{t−1} | x_0), by completing the square', () => {
    for (const kind of SCHEDULE_KINDS) {
      const s = makeSchedule({ kind, T: 1000 });
      const cum = cumprod(s.betas);
      for (const t of [1, 2, 50, 500, 998, 999]) {
        const beta = s.betas[t];
        const abPrev = cum[t]; // ᾱ_{t−1}
        // Precision and mean of the product of N(x_t; √α_t y, β_t) and N(y; √ᾱ_{t−1} x_0, 1 − ᾱ_{t−1}).
        const prec = (1 - beta) / beta + 1 / (1 - abPrev);
        for (const [x0, xt] of [
          [0.7, -0.3],
          [-1, 2.5],
        ]) {
          const mean = ((Math.sqrt(1 - beta) * xt) / beta + (Math.sqrt(abPrev) * x0) / (1 - abPrev)) / prec;
          expect(posteriorMean(s, [x0], [xt], t)[0]).toBeCloseTo(mean, 10);
          expect(Math.abs(posteriorVariance(s, t) * prec - 1)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('matches Bayes numerically: moments of the product of the two densities on a grid', () => {
    const s = makeSchedule({ kind: 'linear', T: 10 }); // large β so the posterior is wide
    const t = 3;
    const x0 = 0.6;
    const xt = -0.4;
    const ab = cumprod(s.betas);
    const a = Math.sqrt(1 - s.betas[t]);
    let z = 0;
    let m1 = 0;
    let m2 = 0;
    for (let y = -6; y <= 6; y += 1e-4) {
      const p =
        Math.exp(-((xt - a * y) ** 2) / (2 * s.betas[t])) * Math.exp(-((y - Math.sqrt(ab[t]) * x0) ** 2) / (2 * (1 - ab[t])));
      z += p;
      m1 += p * y;
      m2 += p * y * y;
    }
    const mean = m1 / z;
    const variance = m2 / z - mean * mean;
    expect(posteriorMean(s, [x0], [xt], t)[0]).toBeCloseTo(mean, 6);
    expect(posteriorVariance(s, t)).toBeCloseTo(variance, 6);
  });

  it('at t = 0 the previous state is the data: mean x_0, variance 0', () => {
    const s = makeSchedule({ kind: 'cosine', T: 100 });
    expect(posteriorMean(s, [0.3, -0.9], [5, 5], 0)[0]).toBeCloseTo(0.3, 14);
    expect(posteriorVariance(s, 0)).toBe(0);
  });
});

describe('ε ↔ x_0', () => {
  it('predictX0FromEps inverts qSample and predictEpsFromX0 inverts back, for every kind and t', () => {
    const rng = createRng(8);
    const x0 = rng.normals(64).map((v) => Math.tanh(v));
    const eps = rng.normals(64);
    for (const kind of SCHEDULE_KINDS) {
      for (const zeroTerminalSnr of [false, true]) {
        const s = makeSchedule({ kind, T: 1000, zeroTerminalSnr });
        for (const t of [0, 1, 250, 500, 998, 999]) {
          if (zeroTerminalSnr && t === 999) continue; // x_0 is not recoverable there; tested below
          const xt = qSample(s, x0, t, eps);
          expect(maxAbsDiff(predictX0FromEps(s, xt, t, eps), x0)).toBeLessThan(1e-9);
          expect(maxAbsDiff(predictEpsFromX0(s, xt, t, x0), eps)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('where ᾱ_t = 0, x_t is pure noise: ε̂ = x_t and x̂_0 is the prior mean 0, never NaN', () => {
    const s = makeSchedule({ kind: 'linear', T: 1000, zeroTerminalSnr: true });
    const xt = [0.5, -2, 1.5];
    expect(Array.from(predictX0FromEps(s, xt, 999, [1, 2, 3]))).toEqual([0, 0, 0]);
    expect(Array.from(predictEpsFromX0(s, xt, 999, [0.1, 0.2, 0.3]))).toEqual(xt);
    expect(Array.from(qSample(s, [0.9, 0.9, 0.9], 999, xt))).toEqual(xt);
  });
});

describe('guideEps (classifier-free guidance)', () => {
  const u = [0.1, -0.25, 3, 1e-9];
  const c = [0.3, 0.5, -1, 7];
  it('w = 0 is unconditional and w = 1 conditional, exactly', () => {
    expect(Array.from(guideEps(u, c, 0))).toEqual(u);
    expect(Array.from(guideEps(u, c, 1))).toEqual(c);
  });
  it('w > 1 extrapolates along ε_c − ε_u', () => {
    const g = guideEps(u, c, 7.5);
    for (let i = 0; i < u.length; i++) expect(g[i]).toBeCloseTo(u[i] + 7.5 * (c[i] - u[i]), 12);
    expect(() => guideEps(u, c, NaN)).toThrow(/^w must be/);
    expect(() => guideEps(u, [1], 2)).toThrow(/epsCond has length 1/);
  });
});

describe('minSnrWeight (Hang et al. 2023)', () => {
  it('is min(SNR, γ)/SNR: ≤ 1, γ/SNR above γ, 1 below, 1 at SNR = 0', () => {
    const s = makeSchedule({ kind: 'cosine', T: 1000, zeroTerminalSnr: true });
    let above = 0;
    let below = 0;
    for (let t = 0; t < s.T; t++) {
      const w = minSnrWeight(s, t, 5);
      expect(w).toBeLessThanOrEqual(1);
      expect(w).toBeGreaterThan(0);
      const snr = s.alphaBar[t] / (1 - s.alphaBar[t]);
      if (snr > 5) {
        above++;
        expect(w).toBeCloseTo(5 / snr, 12);
      } else {
        below++;
        expect(w).toBe(1);
      }
    }
    expect(above).toBeGreaterThan(0); // both branches were exercised
    expect(below).toBeGreaterThan(0);
    expect(s.snr[999]).toBe(0);
    expect(minSnrWeight(s, 999, 5)).toBe(1);
    expect(minSnrWeight(s, 0)).toBe(minSnrWeight(s, 0, 5)); // γ = 5 by default
    expect(() => minSnrWeight(s, 0, 0)).toThrow(/^gamma/);
  });
});
