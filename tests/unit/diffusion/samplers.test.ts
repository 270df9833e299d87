import { describe, it, expect } from 'vitest';
import {
  createDdimSampler,
  createDdpmSampler,
  createRng,
  ddimStep,
  ddimStepDetailed,
  ddpmStep,
  makeSchedule,
  posteriorMean,
  predictEpsFromX0,
  qSample,
  runSampler,
  runSamplerSync,
  sampleSync,
  SCHEDULE_KINDS,
  selectTimesteps,
  TIMESTEP_SPACINGS,
  type Sampler,
  type SamplerFrame,
  type Schedule,
} from '../../../src/diffusion';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const hasNaN = (a: ArrayLike<number>): boolean => Array.from(a).some(Number.isNaN);

const rng = createRng(2024);
const X0 = rng.normals(32).map((v) => Math.tanh(v)); // an "image" in [−1, 1]
const EPS = rng.normals(32);

/** A perfect network for the data set {X0}: it returns the true noise of x_t. */
const oracle =
  (s: Schedule, x0: ArrayLike<number>) =>
  (xt: Float32Array, t: number): Float64Array =>
    predictEpsFromX0(s, xt, t, x0);

describe('ddpmStep', () => {
  it('with the true ε, its mean is the posterior mean μ̃(x_0, x_t) and Ho et al. eq. 11', () => {
    for (const kind of SCHEDULE_KINDS) {
      const s = makeSchedule({ kind, T: 1000 });
      for (const t of [1, 10, 500, 999]) {
        const xt = qSample(s, X0, t, EPS);
        const r = ddpmStep(s, xt, t, EPS);
        expect(maxAbsDiff(r.mean, posteriorMean(s, X0, xt, t))).toBeLessThan(1e-9);
        expect(maxAbsDiff(r.x0, X0)).toBeLessThan(1e-9);
        // Ho et al. (2020) eq. 11: μ = (x_t − β_t/√(1 − ᾱ_t) ε)/√α_t.
        const b = s.betas[t];
        const ho = Array.from(xt, (x, i) => (x - (b / Math.sqrt(1 - s.alphaBar[t])) * EPS[i]) / Math.sqrt(1 - b));
        expect(maxAbsDiff(r.mean, ho)).toBeLessThan(1e-9);
      }
    }
  });

  it('adds σ·z with σ² = β_t or β̃_t, and no noise at t = 0', () => {
    const s = makeSchedule({ kind: 'linear', T: 1000 });
    const z = new Float64Array(32).fill(1);
    const xt = qSample(s, X0, 300, EPS);
    const beta = ddpmStep(s, xt, 300, EPS, { variance: 'beta', noise: z });
    expect(beta.variance).toBe(s.betas[300]);
    expect(beta.xPrev[5] - beta.mean[5]).toBeCloseTo(Math.sqrt(s.betas[300]), 12);
    const post = ddpmStep(s, xt, 300, EPS, { variance: 'posterior', noise: z });
    const tilde = (s.betas[300] * (1 - s.alphaBar[299])) / (1 - s.alphaBar[300]);
    expect(post.variance).toBeCloseTo(tilde, 15);
    expect(post.xPrev[5] - post.mean[5]).toBeCloseTo(Math.sqrt(tilde), 12);
    const last = ddpmStep(s, qSample(s, X0, 0, EPS), 0, EPS, { variance: 'beta', noise: z });
    expect(last.variance).toBe(0);
    expect(Array.from(last.xPrev)).toEqual(Array.from(last.mean));
    expect(maxAbsDiff(last.xPrev, X0)).toBeLessThan(1e-12);
  });

  it('clipX0 clamps x̂_0 to [−1, 1]', () => {
    const s = makeSchedule({ kind: 'linear', T: 100 });
    const r = ddpmStep(s, [10, -10], 50, [0, 0], { clipX0: true });
    expect(Array.from(r.x0)).toEqual([1, -1]);
  });
});

describe('ddimStep (Song et al. 2021, eq. 12)', () => {
  for (const kind of SCHEDULE_KINDS) {
    it(`${kind}, η = 0, true ε: lands exactly on qSample(x_0, t', ε) for any t' and on x_0 at t' = −1`, () => {
      const s = makeSchedule({ kind, T: 1000 });
      for (const t of [1, 37, 500, 999]) {
        const xt = qSample(s, X0, t, EPS);
        expect(maxAbsDiff(ddimStep(s, xt, t, -1, EPS, 0), X0)).toBeLessThan(1e-9);
        for (const tPrev of [0, Math.floor(t / 3), t - 1]) {
          expect(maxAbsDiff(ddimStep(s, xt, t, tPrev, EPS, 0), qSample(s, X0, tPrev, EPS))).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('η = 1 between adjacent steps has variance β̃_t (the DDPM posterior)', () => {
    for (const kind of SCHEDULE_KINDS) {
      const s = makeSchedule({ kind, T: 1000 });
      for (const t of [1, 100, 700, 999]) {
        const xt = qSample(s, X0, t, EPS);
        const z = new Float64Array(32).fill(1);
        const withNoise = ddimStep(s, xt, t, t - 1, EPS, 1, z);
        const without = ddimStep(s, xt, t, t - 1, EPS, 1);
        const sigma = withNoise[0] - without[0];
        const ab = s.alphaBar;
        const tilde = (s.betas[t] * (1 - ab[t - 1])) / (1 - ab[t]);
        expect(Math.abs(sigma * sigma - tilde) / tilde).toBeLessThan(1e-6);
        expect(Math.abs(ddimStepDetailed(s, xt, t, t - 1, EPS, { eta: 1 }).sigma ** 2 - tilde) / tilde).toBeLessThan(1e-9);
      }
    }
  });

  it('η = 0 ignores noise; the final step to x_0 never adds noise', () => {
    const s = makeSchedule({ kind: 'cosine', T: 100 });
    const xt = qSample(s, X0, 60, EPS);
    const z = new Float64Array(32).fill(3);
    expect(ddimStep(s, xt, 60, 20, EPS, 0, z)).toEqual(ddimStep(s, xt, 60, 20, EPS, 0));
    expect(ddimStep(s, xt, 60, -1, EPS, 1, z)).toEqual(ddimStep(s, xt, 60, -1, EPS, 1));
  });

  it('rejects bad tPrev and η', () => {
    const s = makeSchedule({ kind: 'cosine', T: 100 });
    expect(() => ddimStep(s, X0, 10, 10, EPS, 0)).toThrow(/^tPrev must be/);
    expect(() => ddimStep(s, X0, 10, -2, EPS, 0)).toThrow(/^tPrev must be/);
    expect(() => ddimStep(s, X0, 10, 5, EPS, 1.5)).toThrow(/^eta must be/);
    expect(() => ddimStep(s, X0, 10, 5, EPS, NaN)).toThrow(/^eta must be/);
  });
});

describe('zero terminal SNR: steps from ᾱ = 0 stay finite', () => {
  for (const kind of SCHEDULE_KINDS) {
    it(`${kind}: DDIM (η = 0, 1) and DDPM (both variances) from t = T−1 give no NaN`, () => {
      const s = makeSchedule({ kind, T: 1000, zeroTerminalSnr: true });
      const xT = EPS; // at ᾱ = 0, x_T is the noise itself
      const z = createRng(1).normals(32);
      for (const eta of [0, 0.5, 1]) {
        for (const tPrev of [-1, 0, 500, 998]) {
          const r = ddimStepDetailed(s, xT, 999, tPrev, EPS, { eta, noise: z });
          expect(hasNaN(r.xPrev) || hasNaN(r.x0)).toBe(false);
        }
      }
      for (const variance of ['beta', 'posterior'] as const) {
        const r = ddpmStep(s, xT, 999, EPS, { variance, noise: z });
        expect(hasNaN(r.xPrev) || hasNaN(r.mean) || Number.isNaN(r.variance)).toBe(false);
      }
      // DDIM η = 0 from pure noise moves to √(1 − ᾱ_{t'})·ε, the right marginal spread.
      const x = ddimStep(s, xT, 999, 500, EPS, 0);
      expect(maxAbsDiff(x, Array.from(EPS, (e) => Math.sqrt(1 - s.alphaBar[500]) * e))).toBeLessThan(1e-12);
    });
  }
});

describe('selectTimesteps', () => {
  it('reproduces Lin et al. 2024, Table 2 (T = 1000, 10 steps, converted to 0-based)', () => {
    expect(Array.from(selectTimesteps(1000, 10, 'linspace'))).toEqual([999, 888, 777, 666, 555, 444, 333, 222, 111, 0]);
    expect(Array.from(selectTimesteps(1000, 10, 'leading'))).toEqual([900, 800, 700, 600, 500, 400, 300, 200, 100, 0]);
    expect(Array.from(selectTimesteps(1000, 10, 'trailing'))).toEqual([999, 899, 799, 699, 599, 499, 399, 299, 199, 99]);
  });

  it('every n in [1, T] gives n distinct, strictly descending steps in [0, T−1], for every spacing', () => {
    for (const spacing of TIMESTEP_SPACINGS) {
      for (const T of [1, 2, 3, 10, 97, 1000]) {
        for (let n = 1; n <= T; n++) {
          const ts = selectTimesteps(T, n, spacing);
          expect(ts.length).toBe(n);
          let bad = 0;
          for (let i = 0; i < n; i++) {
            if (ts[i] < 0 || ts[i] > T - 1) bad++;
            if (i > 0 && !(ts[i] < ts[i - 1])) bad++;
          }
          if (bad) throw new Error(`${spacing} T=${T} n=${n}: ${Array.from(ts).join(',')}`);
          if (n === T) expect(Array.from(ts)).toEqual(Array.from({ length: T }, (_, i) => T - 1 - i));
        }
      }
    }
  });

  it('one step starts from pure noise for linspace and trailing', () => {
    expect(Array.from(selectTimesteps(1000, 1, 'linspace'))).toEqual([999]);
    expect(Array.from(selectTimesteps(1000, 1, 'trailing'))).toEqual([999]);
    expect(Array.from(selectTimesteps(1000, 1, 'leading'))).toEqual([0]);
  });

  it('rejects n outside [1, T]', () => {
    expect(() => selectTimesteps(100, 0)).toThrow(/^steps must be/);
    expect(() => selectTimesteps(100, 101)).toThrow(/^steps must be/);
    expect(() => selectTimesteps(100, 2.5)).toThrow(/^steps must be/);
  });
});

function drain(sampler: Sampler, opts: Parameters<typeof runSamplerSync>[1]): { frames: SamplerFrame[]; out: Float64Array } {
  const frames: SamplerFrame[] = [];
  const it = runSamplerSync(sampler, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return { frames, out: r.value };
    frames.push(r.value);
  }
}

describe('runSamplerSync with an oracle network', () => {
  for (const kind of ['linear', 'cosine'] as const) {
    for (const spacing of TIMESTEP_SPACINGS) {
      it(`${kind}, ${spacing}: DDIM η = 0 returns exactly x_0 for 1, 10, 50 and T steps`, () => {
        const s = makeSchedule({ kind, T: 1000 });
        for (const steps of [1, 10, 50, 1000]) {
          const sampler = createDdimSampler({ schedule: s, steps, eta: 0, spacing });
          const xT = createRng(steps).normals(32);
          const { frames, out } = drain(sampler, { xT, predictEps: oracle(s, X0) });
          expect(frames.length).toBe(steps);
          expect(maxAbsDiff(out, X0)).toBeLessThan(1e-9);
        }
      });
    }
  }

  it('frames walk the timesteps down to t′ = −1, carrying x_t, ε̂, x̂_0 and x_{t′}', () => {
    const s = makeSchedule({ kind: 'cosine', T: 1000 });
    const sampler = createDdimSampler({ schedule: s, steps: 5, eta: 0 });
    const xT = createRng(3).normals(32);
    const { frames, out } = drain(sampler, { xT, predictEps: oracle(s, X0) });
    expect(frames.map((f) => f.t)).toEqual(Array.from(sampler.timesteps));
    expect(frames.map((f) => f.tPrev)).toEqual([...Array.from(sampler.timesteps).slice(1), -1]);
    expect(frames.map((f) => f.index)).toEqual([0, 1, 2, 3, 4]);
    expect(frames[0].xt).toBeInstanceOf(Float32Array);
    expect(maxAbsDiff(frames[0].xt, xT)).toBeLessThan(1e-6);
    for (const f of frames) expect(maxAbsDiff(f.x0, X0)).toBeLessThan(1e-9);
    for (let i = 1; i < frames.length; i++) expect(maxAbsDiff(frames[i].xt, frames[i - 1].xPrev)).toBeLessThan(1e-6);
    expect(out).toBe(frames[4].xPrev);
  });

  it('DDPM (full chain and respaced) ends at x_0 with the oracle', () => {
    const s = makeSchedule({ kind: 'linear', T: 1000 });
    for (const steps of [1000, 50, 10, 1]) {
      for (const variance of ['beta', 'posterior'] as const) {
        const sampler = createDdpmSampler({ schedule: s, steps, variance });
        const out = sampleSync(sampler, { xT: createRng(1).normals(32), predictEps: oracle(s, X0), rng: createRng(9) });
        expect(maxAbsDiff(out, X0)).toBeLessThan(1e-6);
      }
    }
    expect(createDdpmSampler({ schedule: s }).respaced).toBe(s);
  });

  it('DDPM ancestral sampling with the oracle keeps the forward marginals q(x_t | x_0) (full and respaced)', () => {
    // Each step samples the true posterior, so after landing on t′ the samples must
    // be N(√ᾱ_{t′} x_0, 1 − ᾱ_{t′}). 20k pixels share one x_0; the batch is one flat array.
    const s = makeSchedule({ kind: 'cosine', T: 200 });
    const n = 20_000;
    const x0 = new Float64Array(n).fill(0.5);
    for (const steps of [200, 10]) {
      const sampler = createDdpmSampler({ schedule: s, steps, variance: 'posterior' });
      const { frames } = drain(sampler, { xT: createRng(5).normals(n), predictEps: oracle(s, x0), rng: createRng(6) });
      for (const f of frames) {
        if (f.tPrev < 0 || f.tPrev % 3 !== 0) continue;
        let m = 0;
        for (let i = 0; i < n; i++) m += f.xPrev[i];
        m /= n;
        let v = 0;
        for (let i = 0; i < n; i++) v += (f.xPrev[i] - m) ** 2;
        v /= n - 1;
        const want = 1 - s.alphaBar[f.tPrev];
        expect(Math.abs(m - s.sqrtAlphaBar[f.tPrev] * 0.5)).toBeLessThan(4.5 * Math.sqrt(want / n));
        expect(Math.abs(v - want)).toBeLessThan(4.5 * want * Math.sqrt(2 / n));
      }
    }
  });

  it('respacing keeps ᾱ at the kept steps and maps back to the original timesteps', () => {
    const s = makeSchedule({ kind: 'linear', T: 1000 });
    const sampler = createDdpmSampler({ schedule: s, steps: 10, spacing: 'trailing' });
    const r = sampler.respaced;
    expect(r.T).toBe(10);
    expect(Array.from(r.timestepMap!)).toEqual(Array.from(sampler.timesteps).reverse());
    for (let j = 0; j < 10; j++) expect(r.alphaBar[j]).toBe(s.alphaBar[r.timestepMap![j]]);
    let p = 1;
    for (let j = 0; j < 10; j++) {
      p *= 1 - r.betas[j];
      expect(Math.abs(p / r.alphaBar[j] - 1)).toBeLessThan(1e-12);
    }
  });

  it('zero terminal SNR with trailing DDIM: from 2 steps on, the oracle still gives x_0; 1 step gives the prior mean', () => {
    const s = makeSchedule({ kind: 'scaled-linear', T: 1000, zeroTerminalSnr: true });
    for (const steps of [2, 10, 1000]) {
      const sampler = createDdimSampler({ schedule: s, steps, spacing: 'trailing' });
      const out = sampleSync(sampler, { xT: EPS, predictEps: oracle(s, X0) });
      expect(maxAbsDiff(out, X0)).toBeLessThan(1e-9);
    }
    const one = sampleSync(createDdimSampler({ schedule: s, steps: 1, spacing: 'trailing' }), {
      xT: EPS,
      predictEps: oracle(s, X0),
    });
    expect(Array.from(one)).toEqual(new Array(32).fill(0));
  });
});

describe('runSampler (async) and noise', () => {
  it('gives the same frames as runSamplerSync, with an async network', async () => {
    const s = makeSchedule({ kind: 'linear', T: 100 });
    const sampler = createDdimSampler({ schedule: s, steps: 7, eta: 0.5 });
    const xT = createRng(4).normals(32);
    const sync = drain(sampler, { xT, predictEps: oracle(s, X0), rng: createRng(77) });
    const frames: SamplerFrame[] = [];
    const it = runSampler(sampler, {
      xT,
      predictEps: async (x, t) => {
        await Promise.resolve();
        return oracle(s, X0)(x, t);
      },
      rng: createRng(77),
    });
    let r = await it.next();
    while (!r.done) {
      frames.push(r.value);
      r = await it.next();
    }
    expect(frames.length).toBe(7);
    for (let i = 0; i < 7; i++) {
      expect(frames[i].xPrev).toEqual(sync.frames[i].xPrev);
      expect(frames[i].eps).toEqual(sync.frames[i].eps);
    }
    expect(r.value).toEqual(sync.out);
  });

  it('stochastic samplers need an rng; a seed locks the run; another seed changes it', () => {
    const s = makeSchedule({ kind: 'linear', T: 100 });
    const xT = createRng(4).normals(32);
    const net = (x: Float32Array): Float64Array => Float64Array.from(x, (v) => 0.1 * v); // a toy network
    const ddpm = createDdpmSampler({ schedule: s, steps: 20 });
    expect(() => sampleSync(ddpm, { xT, predictEps: net })).toThrow(/^rng is required/);
    const a = sampleSync(ddpm, { xT, predictEps: net, rng: createRng(1) });
    const b = sampleSync(ddpm, { xT, predictEps: net, rng: createRng(1) });
    const c = sampleSync(ddpm, { xT, predictEps: net, rng: createRng(2) });
    expect(a).toEqual(b);
    expect(maxAbsDiff(a, c)).toBeGreaterThan(1e-3);
    // Deterministic DDIM needs no rng, and the same x_T always gives the same image.
    const ddim = createDdimSampler({ schedule: s, steps: 20 });
    expect(sampleSync(ddim, { xT, predictEps: net })).toEqual(sampleSync(ddim, { xT, predictEps: net }));
  });

  it('checks the network output length and the step index', () => {
    const s = makeSchedule({ kind: 'linear', T: 100 });
    const ddim = createDdimSampler({ schedule: s, steps: 5 });
    expect(() => sampleSync(ddim, { xT: [1, 2, 3], predictEps: () => [0, 0] })).toThrow(/predictEps returned 2 values, expected 3/);
    expect(() => ddim.step(5, [1], [1])).toThrow(/^i must be/);
    expect(() => createDdimSampler({ schedule: s, steps: 0 })).toThrow(/^steps must be/);
    expect(() => createDdpmSampler({ schedule: s, steps: 101 })).toThrow(/^steps must be/);
  });
});

describe('the smallest chain, T = 1', () => {
  it('DDIM and DDPM run with no NaN, with and without zero terminal SNR', () => {
    for (const kind of SCHEDULE_KINDS) {
      for (const zeroTerminalSnr of [false, true]) {
        const s = makeSchedule({ kind, T: 1, zeroTerminalSnr });
        for (const sampler of [
          createDdimSampler({ schedule: s, steps: 1, eta: 1 }),
          createDdpmSampler({ schedule: s, variance: 'beta' }),
        ]) {
          expect(Array.from(sampler.timesteps)).toEqual([0]);
          const out = sampleSync(sampler, { xT: EPS, predictEps: oracle(s, X0), rng: createRng(1) });
          expect(hasNaN(out)).toBe(false);
          // Without the rescale the one step still recovers x_0; with it x_0 is unknowable (prior mean 0).
          if (zeroTerminalSnr) expect(maxAbsDiff(out, new Float64Array(32))).toBe(0);
          else expect(maxAbsDiff(out, X0)).toBeLessThan(1e-9);
        }
      }
    }
  });
});
