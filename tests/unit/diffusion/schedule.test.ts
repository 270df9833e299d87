import { describe, it, expect } from 'vitest';
import { makeSchedule, MAX_BETA, SCHEDULE_KINDS, SCHEDULE_LABELS, ScheduleError, type Schedule } from '../../../src/diffusion';

const ARRAYS = [
  'betas',
  'alphas',
  'alphaBar',
  'alphaBarPrev',
  'sqrtAlphaBar',
  'oneMinusAlphaBar',
  'sqrtOneMinusAlphaBar',
  'sqrtRecipAlphaBar',
  'sqrtRecipm1AlphaBar',
  'snr',
  'logSnr',
  'posteriorVariance',
  'posteriorLogVarianceClipped',
  'posteriorMeanCoef1',
  'posteriorMeanCoef2',
] as const;

const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('makeSchedule: every kind', () => {
  for (const kind of SCHEDULE_KINDS) {
    it(`${kind}: ᾱ is the cumulative product of (1 − β), recomputed here`, () => {
      const s = makeSchedule({ kind, T: 1000 });
      let p = 1;
      let worst = 0;
      for (let i = 0; i < s.T; i++) {
        p *= 1 - s.betas[i];
        worst = Math.max(worst, relErr(s.alphaBar[i], p));
      }
      expect(worst).toBeLessThan(1e-12);
      // With the rescale, ᾱ is kept from Algorithm 1 and β derived from it: same identity.
      const z = makeSchedule({ kind, T: 1000, zeroTerminalSnr: true });
      p = 1;
      let worstZ = 0;
      for (let i = 0; i < z.T - 1; i++) {
        p *= 1 - z.betas[i];
        worstZ = Math.max(worstZ, relErr(z.alphaBar[i], p));
      }
      expect(worstZ).toBeLessThan(1e-10);
    });

    for (const T of [1, 10, 1000, 4000]) {
      for (const zeroTerminalSnr of [false, true]) {
        it(`${kind}, T=${T}, zeroTerminalSnr=${zeroTerminalSnr}: lengths T, no NaN, SNR strictly decreasing, β in (0, 1]`, () => {
          const s = makeSchedule({ kind, T, zeroTerminalSnr });
          const nan: string[] = [];
          const infinite: string[] = [];
          for (const name of ARRAYS) {
            const a = s[name];
            expect(a.length, name).toBe(T);
            for (let i = 0; i < T; i++) {
              if (Number.isNaN(a[i])) nan.push(`${name}[${i}]`);
              else if (!Number.isFinite(a[i])) infinite.push(`${name}[${i}]`);
            }
          }
          expect(nan).toEqual([]);
          // Only the last step of a rescaled schedule (ᾱ = 0) may hold ±∞.
          const last = T - 1;
          expect(infinite).toEqual(
            zeroTerminalSnr ? [`sqrtRecipAlphaBar[${last}]`, `sqrtRecipm1AlphaBar[${last}]`, `logSnr[${last}]`] : [],
          );
          let notDecreasing = 0;
          for (let i = 1; i < T; i++) if (!(s.snr[i] < s.snr[i - 1])) notDecreasing++;
          expect(notDecreasing).toBe(0);
          // β ≤ 0.999 by the clip; the rescale may go past it (and ends at exactly 1).
          let badBeta = 0;
          const cap = zeroTerminalSnr ? 1 : MAX_BETA;
          for (let i = 0; i < T; i++) if (!(s.betas[i] > 0 && s.betas[i] <= cap)) badBeta++;
          expect(badBeta).toBe(0);
          if (zeroTerminalSnr) expect(s.betas[last]).toBe(1);
          // improved-diffusion's conventions at t = 0.
          expect(s.alphaBarPrev[0]).toBe(1);
          expect(s.posteriorVariance[0]).toBe(0);
          expect(s.posteriorMeanCoef2[0]).toBe(0);
          if (T > 1) expect(s.posteriorLogVarianceClipped[0]).toBe(Math.log(s.posteriorVariance[1]));
        });
      }
    }
  }

  it('labels every kind, and says what scaled linear is', () => {
    for (const kind of SCHEDULE_KINDS) expect(SCHEDULE_LABELS[kind].length).toBeGreaterThan(3);
    expect(SCHEDULE_LABELS['scaled-linear']).toBe('scaled linear (linear in √β, Stable Diffusion)');
    expect(makeSchedule({ kind: 'cosine', T: 10 }).label).toBe(SCHEDULE_LABELS.cosine);
  });

  it('derived arrays satisfy their defining formulas', () => {
    const s = makeSchedule({ kind: 'cosine', T: 50 });
    for (let t = 1; t < s.T; t++) {
      const ab = s.alphaBar[t];
      const abPrev = s.alphaBar[t - 1];
      expect(s.alphaBarPrev[t]).toBe(abPrev);
      expect(relErr(s.snr[t], ab / (1 - ab))).toBeLessThan(1e-14);
      expect(relErr(s.logSnr[t], Math.log(ab / (1 - ab)))).toBeLessThan(1e-12);
      expect(relErr(s.sqrtRecipm1AlphaBar[t], Math.sqrt(1 / ab - 1))).toBeLessThan(1e-12);
      expect(relErr(s.posteriorVariance[t], (s.betas[t] * (1 - abPrev)) / (1 - ab))).toBeLessThan(1e-14);
      expect(s.posteriorVariance[t]).toBeLessThan(s.betas[t]);
    }
  });
});

describe('linear (Ho et al. 2020)', () => {
  it('T=1000: β from 1e-4 to 0.02, ᾱ_999 ≈ 4.04e-5', () => {
    const s = makeSchedule({ kind: 'linear', T: 1000 });
    expect(s.betas[0]).toBe(1e-4);
    expect(s.betas[999]).toBe(0.02);
    // Independent: ln ᾱ_999 = Σ ln(1 − β_i) with β_i = 1e-4 + i·(0.02 − 1e-4)/999.
    let lnab = 0;
    for (let i = 0; i < 1000; i++) lnab += Math.log1p(-(1e-4 + (i * (0.02 - 1e-4)) / 999));
    expect(relErr(s.alphaBar[999], Math.exp(lnab))).toBeLessThan(1e-10);
    expect(s.alphaBar[999]).toBeGreaterThan(4.035e-5); // the literature's 4.04e-5, to 3 digits
    expect(s.alphaBar[999]).toBeLessThan(4.045e-5);
    // β is linear: constant first differences.
    let worst = 0;
    for (let i = 1; i < 1000; i++) worst = Math.max(worst, Math.abs(s.betas[i] - s.betas[i - 1] - (0.02 - 1e-4) / 999));
    expect(worst).toBeLessThan(1e-15);
    expect(s.clippedBetas).toBe(0);
  });

  it('rescales both ends by 1000/T: T=250 gives 4e-4 and 0.08', () => {
    const s = makeSchedule({ kind: 'linear', T: 250 });
    expect(s.betas[0]).toBeCloseTo(4e-4, 15);
    expect(s.betas[249]).toBeCloseTo(0.08, 14);
  });

  it('a custom range is at the T=1000 reference scale, so it also scales by 1000/T', () => {
    const a = makeSchedule({ kind: 'linear', T: 1000, betaStart: 1e-3, betaEnd: 0.01 });
    expect(a.betas[0]).toBe(1e-3);
    expect(a.betas[999]).toBe(0.01);
    const b = makeSchedule({ kind: 'linear', T: 500, betaStart: 1e-3, betaEnd: 0.01 });
    expect(b.betas[0]).toBeCloseTo(2e-3, 15);
    expect(b.betas[499]).toBeCloseTo(0.02, 15);
    expect(b.options.betaStart).toBe(1e-3);
    // Same slider, different T: the end-of-chain ᾱ hardly moves.
    expect(Math.log(b.alphaBar[499]) / Math.log(a.alphaBar[999])).toBeCloseTo(1, 2);
  });

  it('clips scaled β at 0.999 and reports how many', () => {
    const s = makeSchedule({ kind: 'linear', T: 10 }); // ends 0.01 and 2.0 before clipping
    expect(s.betas[0]).toBeCloseTo(0.01, 15);
    expect(s.betas[9]).toBe(MAX_BETA);
    let n = 0;
    for (let i = 0; i < 10; i++) if (s.betas[i] === MAX_BETA) n++;
    expect(s.clippedBetas).toBe(n);
    expect(n).toBe(5); // 0.01 + i·0.221 > 0.999 for i ≥ 5
    const one = makeSchedule({ kind: 'linear', T: 1 });
    expect(one.betas[0]).toBeCloseTo(0.1, 15); // numpy.linspace with one point gives the start
  });
});

describe('cosine (Nichol & Dhariwal 2021)', () => {
  const f = (u: number): number => Math.cos(((u + 0.008) / 1.008) * (Math.PI / 2)) ** 2;

  for (const T of [10, 1000, 4000]) {
    it(`T=${T}: ᾱ_t = f(t+1)/f(0) until the clip, β ≤ 0.999, last β = 0.999`, () => {
      const s = makeSchedule({ kind: 'cosine', T });
      let worst = 0;
      for (let t = 0; t < T; t++) {
        expect(s.betas[t]).toBeLessThanOrEqual(0.999);
        if (s.betas[t] < 0.999) worst = Math.max(worst, relErr(s.alphaBar[t], f((t + 1) / T) / f(0)));
      }
      expect(worst).toBeLessThan(1e-9);
      expect(s.betas[T - 1]).toBe(0.999);
      expect(s.clippedBetas).toBeGreaterThanOrEqual(1);
    });
  }

  it('T=1000: only the last β is clipped, and ᾱ is decreasing with the cosine shape', () => {
    const s = makeSchedule({ kind: 'cosine', T: 1000 });
    expect(s.clippedBetas).toBe(1);
    expect(relErr(s.alphaBar[499], f(0.5) / f(0))).toBeLessThan(1e-12);
    // Cosine keeps more signal in the middle than linear (the lesson-3 point).
    expect(s.alphaBar[499]).toBeGreaterThan(makeSchedule({ kind: 'linear', T: 1000 }).alphaBar[499]);
  });
});

describe('scaled-linear (Stable Diffusion) and sigmoid', () => {
  it('scaled-linear: √β is linear in t, from √0.00085 to √0.012', () => {
    const s = makeSchedule({ kind: 'scaled-linear', T: 1000 });
    expect(s.betas[0]).toBeCloseTo(0.00085, 15);
    expect(s.betas[999]).toBeCloseTo(0.012, 15);
    let worst = 0;
    for (let t = 2; t < 1000; t++) {
      const d2 = Math.sqrt(s.betas[t]) - 2 * Math.sqrt(s.betas[t - 1]) + Math.sqrt(s.betas[t - 2]);
      worst = Math.max(worst, Math.abs(d2));
    }
    expect(worst).toBeLessThan(1e-15);
    // …while β itself is not linear (second differences are the constant 2·step²).
    const step = (Math.sqrt(0.012) - Math.sqrt(0.00085)) / 999;
    expect(s.betas[2] - 2 * s.betas[1] + s.betas[0]).toBeCloseTo(2 * step * step, 15);
  });

  it('sigmoid: β = sigmoid(linspace(−6, 6, T))·(end − start) + start', () => {
    const s = makeSchedule({ kind: 'sigmoid', T: 7, betaStart: 1e-5, betaEnd: 1e-3 });
    const scale = 1000 / 7;
    expect(s.clippedBetas).toBe(0);
    for (let i = 0; i < 7; i++) {
      const x = -6 + 2 * i;
      const want = (1 / (1 + Math.exp(-x))) * (1e-3 - 1e-5) * scale + 1e-5 * scale;
      expect(relErr(s.betas[i], want)).toBeLessThan(1e-12);
    }
  });
});

describe('zeroTerminalSnr (Lin et al. 2024, Algorithm 1)', () => {
  for (const kind of SCHEDULE_KINDS) {
    it(`${kind}: ᾱ_{T−1} = 0 exactly, √ᾱ_0 unchanged, √ᾱ an affine map of the original`, () => {
      const a = makeSchedule({ kind, T: 1000 });
      const z = makeSchedule({ kind, T: 1000, zeroTerminalSnr: true });
      expect(z.alphaBar[999]).toBe(0);
      expect(z.snr[999]).toBe(0);
      expect(z.logSnr[999]).toBe(-Infinity);
      expect(z.betas[999]).toBe(1);
      expect(z.sqrtAlphaBar[0]).toBe(a.sqrtAlphaBar[0]);
      expect(z.zeroTerminalSnr).toBe(true);
      // Independent of the implementation: new √ᾱ = (√ᾱ − √ᾱ_last)·√ᾱ_0/(√ᾱ_0 − √ᾱ_last).
      const a0 = a.sqrtAlphaBar[0];
      const aT = a.sqrtAlphaBar[999];
      for (const t of [1, 100, 500, 998]) {
        expect(relErr(z.sqrtAlphaBar[t], ((a.sqrtAlphaBar[t] - aT) * a0) / (a0 - aT))).toBeLessThan(1e-9);
      }
    });
  }

  it('T=1: the only step is the last, so it is pure noise', () => {
    const z = makeSchedule({ kind: 'linear', T: 1, zeroTerminalSnr: true });
    expect(z.alphaBar[0]).toBe(0);
    expect(z.betas[0]).toBe(1);
  });
});

describe('validation', () => {
  const bad: Array<[string, Parameters<typeof makeSchedule>[0], RegExp]> = [
    ['T=0', { kind: 'linear', T: 0 }, /^T must be an integer/],
    ['T=1.5', { kind: 'linear', T: 1.5 }, /^T must be an integer .* got 1\.5/],
    ['T=NaN', { kind: 'cosine', T: NaN }, /^T must be .* got NaN/],
    ['T too large', { kind: 'linear', T: 10001 }, /^T must be/],
    ['betaStart=0', { kind: 'linear', T: 100, betaStart: 0 }, /^betaStart must be in \(0, 1\), got 0$/],
    ['betaEnd=1', { kind: 'linear', T: 100, betaEnd: 1 }, /^betaEnd must be in \(0, 1\), got 1$/],
    ['betaStart=NaN', { kind: 'linear', T: 100, betaStart: NaN }, /^betaStart must be in \(0, 1\), got NaN$/],
    ['betaEnd=NaN on cosine', { kind: 'cosine', T: 100, betaEnd: NaN }, /^betaEnd must be in \(0, 1\), got NaN$/],
    ['start > end', { kind: 'linear', T: 100, betaStart: 0.02, betaEnd: 0.01 }, /^betaStart must be less than betaEnd/],
    ['start = end (linear)', { kind: 'scaled-linear', T: 100, betaStart: 0.01, betaEnd: 0.01 }, /^betaStart/],
    ['start > end (sigmoid)', { kind: 'sigmoid', T: 100, betaStart: 0.02, betaEnd: 0.01 }, /^betaStart/],
    ['unknown kind', { kind: 'quadratic' as never, T: 100 }, /^kind must be one of/],
    ['ᾱ underflows', { kind: 'linear', T: 1000, betaStart: 0.5, betaEnd: 0.95 }, /^betaEnd is too large/],
    ['cosineS=NaN', { kind: 'cosine', T: 100, cosineS: NaN }, /^cosineS/],
  ];
  for (const [name, opts, msg] of bad) {
    it(`rejects ${name} with a ScheduleError naming the parameter`, () => {
      let err: unknown;
      try {
        makeSchedule(opts);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ScheduleError);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(msg);
      expect((err as ScheduleError).parameter).toBe((err as Error).message.split(' ')[0]);
    });
  }

  it('accepts the edges: T=1, T=10000, sigmoid with start = end', () => {
    expect(makeSchedule({ kind: 'linear', T: 1 }).T).toBe(1);
    expect(makeSchedule({ kind: 'cosine', T: 10000 }).T).toBe(10000);
    const flat: Schedule = makeSchedule({ kind: 'sigmoid', T: 1000, betaStart: 0.01, betaEnd: 0.01 });
    expect(flat.betas[0]).toBe(flat.betas[999]);
  });
});
