/**
 * The state behind lesson 5's step-through: one run of a maths-core sampler
 * (src/diffusion) from a seeded x_T, kept frame by frame so the reader can
 * step back and scrub without recomputing. Plain TypeScript, no TF.js, no
 * DOM: the network comes in as an `EpsPredictor`, so the unit tests drive it
 * with a fake one.
 *
 * Positions: a run of n steps has positions 0..n. Position k < n shows the
 * sample the network sees at step k (timestep timesteps[k], the paper's
 * t = timesteps[k] + 1) with the ε̂ and x̂₀ of that step; position n is the
 * final x_0 (paper t = 0), shown with the last step's ε̂ and x̂₀.
 */
import { createRng, type Rng } from '../../diffusion/rng';
import { runSampler, type EpsPredictor, type Sampler, type SamplerFrame } from '../../diffusion/sampler';
import type { Schedule } from '../../diffusion/schedule';
import { createSampler, type SamplerChoice, type SamplerKind } from '../../diffusion/sampler-choice';
import { formatNumber } from '../../i18n/format';
import { m } from '../../i18n/messages';

export const SAMPLER_LABELS: Readonly<Record<SamplerKind, string>> = {
  'ddpm-beta': 'DDPM, σ² = β_t',
  get 'ddpm-posterior'() { return m.sampler_ddpm_posterior(); },
  get ddim() { return m.sampler_ddim(); },
};

/** The figures' sampler: steps rounded and kept within 1..T, as a slider or a link may give any number. */
export function buildSampler(schedule: Schedule, c: SamplerChoice): Sampler {
  return createSampler(schedule, { ...c, steps: Math.max(1, Math.min(schedule.T, Math.round(c.steps))) });
}

/** A short label: "DDIM-50, η = 0", "DDPM-1000 (σ² = β̃_t)". */
export function describeChoice(c: SamplerChoice): string {
  if (c.kind === 'ddim') return `DDIM-${c.steps}, η = ${formatNumber(c.eta ?? 0)}`;
  return `DDPM-${c.steps}, ${c.kind === 'ddpm-beta' ? 'σ² = β_t' : 'σ² = β̃_t'}`;
}

/**
 * The seeded starting noise and the per-step noise stream, shared by every
 * widget so that the same seed means the same x_T everywhere on the page:
 * x_T from rng.fork(0), step noise from rng.fork(1) (as src/pipelines/generate.ts).
 */
export function seededStart(seed: number, values: number): { xT: Float32Array; stepRng: Rng } {
  const rng = createRng(seed);
  return { xT: rng.fork(0).fillNormal(new Float32Array(values)), stepRng: rng.fork(1) };
}

export class Trajectory {
  readonly sampler: Sampler;
  readonly xT: Float32Array;
  readonly frames: SamplerFrame[] = [];
  private readonly it: AsyncGenerator<SamplerFrame, Float64Array, void>;
  private busy: Promise<SamplerFrame | null> | null = null;

  constructor(sampler: Sampler, xT: Float32Array, predictEps: EpsPredictor, stepRng: Rng) {
    this.sampler = sampler;
    this.xT = xT;
    this.it = runSampler(sampler, { xT, predictEps, rng: stepRng });
  }

  /** Number of steps n (positions run 0..n). */
  get steps(): number {
    return this.sampler.timesteps.length;
  }

  get done(): boolean {
    return this.frames.length >= this.steps;
  }

  /** Computes one more step (one network call); null when finished. Calls never overlap. */
  next(): Promise<SamplerFrame | null> {
    if (this.busy) return this.busy;
    if (this.done) return Promise.resolve(null);
    this.busy = this.it.next().then(
      (r) => {
        this.busy = null;
        if (r.done) return null;
        this.frames.push(r.value);
        return r.value;
      },
      (e: unknown) => {
        this.busy = null;
        throw e;
      },
    );
    return this.busy;
  }

  /** Frames needed before position k can be shown (its ε̂ and x̂₀). */
  framesFor(k: number): number {
    return Math.min(this.clamp(k) + 1, this.steps);
  }

  /** The furthest position that can be shown now. */
  get available(): number {
    const f = this.frames.length;
    return f >= this.steps ? this.steps : Math.max(0, f - 1);
  }

  clamp(k: number): number {
    return Math.max(0, Math.min(this.steps, Math.round(k)));
  }

  /** The paper's t at position k: timesteps[k] + 1, and 0 for the final x_0. */
  timeAt(k: number): number {
    const j = this.clamp(k);
    return j >= this.steps ? 0 : this.sampler.timesteps[j] + 1;
  }

  /** The sample at position k (x_T at 0); null if not computed yet. */
  stateAt(k: number): ArrayLike<number> | null {
    const j = this.clamp(k);
    if (j === 0) return this.xT;
    return this.frames[j - 1]?.xPrev ?? null;
  }

  /** The step whose ε̂ and x̂₀ go with position k (the last step at k = n); null if not computed. */
  frameAt(k: number): SamplerFrame | null {
    const j = Math.min(this.clamp(k), this.steps - 1);
    return this.frames[j] ?? null;
  }

  /**
   * The position of this run whose time is the nearest at or above paper time
   * t (the furthest it may go without passing t): how a compare column
   * follows the main one when their step counts differ.
   */
  positionAtTime(t: number): number {
    if (t <= 0) return this.steps;
    const ts = this.sampler.timesteps;
    let k = 0;
    for (let j = 0; j < ts.length; j++) if (ts[j] + 1 >= t) k = j;
    return k;
  }

  /** Values of pixel p at positions 0..upto (inclusive, clamped to what exists). */
  pixelTrace(p: number, upto: number): { t: number; value: number; k: number }[] {
    const out: { t: number; value: number; k: number }[] = [];
    const last = Math.min(this.clamp(upto), this.frames.length);
    for (let k = 0; k <= last; k++) {
      const x = this.stateAt(k);
      if (x) out.push({ k, t: this.timeAt(k), value: x[p] });
    }
    return out;
  }
}
