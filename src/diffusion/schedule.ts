/**
 * A `Schedule` holds every array a noise schedule implies, computed once when it
 * is built (the improved-diffusion `GaussianDiffusion` idea). Every widget,
 * sampler and test reads these arrays; no formula is written twice.
 *
 * Index convention (openai/improved-diffusion): arrays have length T and index
 * i is timestep i, 0-based. betas[i] is the noise added by step i, and
 * alphaBar[i] = Π_{s≤i} (1 − β_s) is the signal left after it. So index i
 * holds the paper's x_{i+1}; the clean data (the paper's x_0) sits just before
 * index 0 and is written as index −1 where a function needs it (DDIM's last
 * step). alphaBarPrev[0] = 1 for that reason.
 *
 * With zeroTerminalSnr, alphaBar[T−1] = 0: x_{T−1} is pure noise and carries no
 * trace of x_0. Then sqrtRecipAlphaBar and sqrtRecipm1AlphaBar are +∞ and
 * logSnr is −∞ at T−1 (the honest values); the functions that divide by √ᾱ
 * treat that step specially (see predict.ts), so none returns NaN.
 */
import { ScheduleError } from './errors';
import {
  namedBetas,
  rescaleZeroTerminalSnr,
  resolveScheduleOptions,
  SCHEDULE_LABELS,
  type ResolvedScheduleOptions,
  type ScheduleKind,
  type ScheduleOptions,
} from './beta-schedules';

export interface Schedule {
  readonly kind: ScheduleKind;
  /** Human label of the kind, for legends. */
  readonly label: string;
  /** Number of steps = length of every array. */
  readonly T: number;
  /** The options used, defaults filled in. */
  readonly options: ResolvedScheduleOptions;
  readonly zeroTerminalSnr: boolean;
  /** How many β were capped at MAX_BETA (0.999); a widget can say so. */
  readonly clippedBetas: number;
  /**
   * For a respaced schedule (respace.ts), the original timestep of each index,
   * ascending: this is what the network is conditioned on. null otherwise.
   */
  readonly timestepMap: Int32Array | null;

  /** β_t, the variance added by step t. */
  readonly betas: Float64Array;
  /** α_t = 1 − β_t. */
  readonly alphas: Float64Array;
  /** ᾱ_t = Π_{s≤t} α_s. */
  readonly alphaBar: Float64Array;
  /** ᾱ_{t−1}, with 1 at t = 0 (the clean data). */
  readonly alphaBarPrev: Float64Array;
  readonly sqrtAlphaBar: Float64Array;
  /** 1 − ᾱ_t: the noise variance of q(x_t | x_0). */
  readonly oneMinusAlphaBar: Float64Array;
  readonly sqrtOneMinusAlphaBar: Float64Array;
  /** 1/√ᾱ_t (+∞ where ᾱ_t = 0). */
  readonly sqrtRecipAlphaBar: Float64Array;
  /** √(1/ᾱ_t − 1) (+∞ where ᾱ_t = 0). */
  readonly sqrtRecipm1AlphaBar: Float64Array;
  /** SNR_t = ᾱ_t / (1 − ᾱ_t). */
  readonly snr: Float64Array;
  /** ln SNR_t (−∞ where ᾱ_t = 0). */
  readonly logSnr: Float64Array;
  /** β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t), the variance of q(x_{t−1} | x_t, x_0); 0 at t = 0. */
  readonly posteriorVariance: Float64Array;
  /**
   * ln β̃_t with the t = 0 entry (ln 0) replaced by ln β̃_1, as improved-diffusion
   * does. With T = 1 there is no β̃_1, so ln β_0 is used.
   */
  readonly posteriorLogVarianceClipped: Float64Array;
  /** Coefficient of x_0 in the posterior mean: β_t √ᾱ_{t−1} / (1 − ᾱ_t). */
  readonly posteriorMeanCoef1: Float64Array;
  /** Coefficient of x_t in the posterior mean: (1 − ᾱ_{t−1}) √α_t / (1 − ᾱ_t). */
  readonly posteriorMeanCoef2: Float64Array;
}

/** Builds a schedule of a named kind. Throws ScheduleError naming the bad parameter. */
export function makeSchedule(options: ScheduleOptions): Schedule {
  const o = resolveScheduleOptions(options);
  const { betas, clipped } = namedBetas(o);
  const T = o.T;
  let alphaBar: Float64Array = new Float64Array(T);
  let prod = 1;
  for (let i = 0; i < T; i++) {
    prod *= 1 - betas[i];
    alphaBar[i] = prod;
  }
  let finalBetas = betas;
  if (o.zeroTerminalSnr) {
    alphaBar = rescaleZeroTerminalSnr(alphaBar);
    finalBetas = betasFromAlphaBar(alphaBar);
  }
  return buildSchedule(finalBetas, alphaBar, {
    options: o,
    label: SCHEDULE_LABELS[o.kind],
    clippedBetas: clipped,
    timestepMap: null,
  });
}

/** β_i = 1 − ᾱ_i / ᾱ_{i−1}, with ᾱ_{−1} = 1. */
export function betasFromAlphaBar(alphaBar: Float64Array): Float64Array {
  const betas = new Float64Array(alphaBar.length);
  let prev = 1;
  for (let i = 0; i < alphaBar.length; i++) {
    betas[i] = 1 - alphaBar[i] / prev;
    prev = alphaBar[i];
  }
  return betas;
}

export interface ScheduleMeta {
  options: ResolvedScheduleOptions;
  label: string;
  clippedBetas: number;
  timestepMap: Int32Array | null;
}

/**
 * Derives every array from β and ᾱ (ᾱ passed in, not recomputed, so that a
 * rescaled or respaced ᾱ is kept exactly). Internal to the diffusion module.
 */
export function buildSchedule(betas: Float64Array, alphaBar: Float64Array, meta: ScheduleMeta): Schedule {
  const T = betas.length;
  const zts = meta.options.zeroTerminalSnr;

  // A ᾱ that reaches 0 early destroys the signal before the last step (and would
  // make x_0 unrecoverable at several t); only zeroTerminalSnr may end at 0.
  for (let i = 0; i < T; i++) {
    if (1 - betas[i] === 1) {
      throw new ScheduleError('betaStart', `betaStart is too small: 1 − β rounds to 1 at t=${i}`, 'beta-too-small', { t: i });
    }
    if (alphaBar[i] === 0 && !(zts && i === T - 1)) {
      throw new ScheduleError(
        'betaEnd',
        `betaEnd is too large for T=${meta.options.T}: ᾱ underflows to 0 at t=${i}`,
        'alpha-underflow',
        { t: i, T: meta.options.T },
      );
    }
  }

  const f64 = (): Float64Array => new Float64Array(T);
  const alphas = f64();
  const alphaBarPrev = f64();
  const sqrtAlphaBar = f64();
  const oneMinusAlphaBar = f64();
  const sqrtOneMinusAlphaBar = f64();
  const sqrtRecipAlphaBar = f64();
  const sqrtRecipm1AlphaBar = f64();
  const snr = f64();
  const logSnr = f64();
  const posteriorVariance = f64();
  const posteriorLogVarianceClipped = f64();
  const posteriorMeanCoef1 = f64();
  const posteriorMeanCoef2 = f64();

  for (let i = 0; i < T; i++) {
    const ab = alphaBar[i];
    const abPrev = i === 0 ? 1 : alphaBar[i - 1];
    const omab = 1 - ab; // > 0: β_0 > 0 keeps every ᾱ below 1
    alphas[i] = 1 - betas[i];
    alphaBarPrev[i] = abPrev;
    sqrtAlphaBar[i] = Math.sqrt(ab);
    oneMinusAlphaBar[i] = omab;
    sqrtOneMinusAlphaBar[i] = Math.sqrt(omab);
    sqrtRecipAlphaBar[i] = 1 / sqrtAlphaBar[i];
    // √(1−ᾱ)/√ᾱ rather than √(1/ᾱ − 1): no overflow for tiny ᾱ.
    sqrtRecipm1AlphaBar[i] = sqrtOneMinusAlphaBar[i] / sqrtAlphaBar[i];
    snr[i] = ab / omab;
    logSnr[i] = Math.log(ab) - Math.log1p(-ab);
    posteriorVariance[i] = (betas[i] * (1 - abPrev)) / omab;
    posteriorMeanCoef1[i] = (betas[i] * Math.sqrt(abPrev)) / omab;
    posteriorMeanCoef2[i] = ((1 - abPrev) * Math.sqrt(alphas[i])) / omab;
  }
  for (let i = 0; i < T; i++) {
    // β̃_0 = 0 (x_{−1} is the data itself); its log is replaced so learned-variance
    // interpolation and plots stay finite.
    const v = i > 0 ? posteriorVariance[i] : T > 1 ? posteriorVariance[1] : betas[0];
    posteriorLogVarianceClipped[i] = Math.log(v);
  }

  const schedule: Schedule = {
    kind: meta.options.kind,
    label: meta.label,
    T,
    options: meta.options,
    zeroTerminalSnr: zts,
    clippedBetas: meta.clippedBetas,
    timestepMap: meta.timestepMap,
    betas,
    alphas,
    alphaBar,
    alphaBarPrev,
    sqrtAlphaBar,
    oneMinusAlphaBar,
    sqrtOneMinusAlphaBar,
    sqrtRecipAlphaBar,
    sqrtRecipm1AlphaBar,
    snr,
    logSnr,
    posteriorVariance,
    posteriorLogVarianceClipped,
    posteriorMeanCoef1,
    posteriorMeanCoef2,
  };
  return Object.freeze(schedule);
}
