/**
 * The named noise schedules: which β_t each kind produces, and the checks on
 * the options a reader can set with sliders. `makeSchedule` (schedule.ts)
 * turns these β into every derived array.
 */
import { ScheduleError } from './errors';

export type ScheduleKind = 'linear' | 'cosine' | 'sigmoid' | 'scaled-linear';

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['linear', 'cosine', 'sigmoid', 'scaled-linear'];

/** Labels for menus and legends. */
export const SCHEDULE_LABELS: Readonly<Record<ScheduleKind, string>> = {
  linear: 'linear (Ho et al. 2020)',
  cosine: 'cosine (Nichol & Dhariwal 2021)',
  sigmoid: 'sigmoid in β (GeoDiff, Xu et al. 2022)',
  'scaled-linear': 'scaled linear (linear in √β, Stable Diffusion)',
};

/** No β is allowed above this (Nichol & Dhariwal 2021): a step that keeps < 0.1% of the signal. */
export const MAX_BETA = 0.999;
/** The largest T accepted: more steps teach nothing and cost memory in every array. */
export const MAX_T = 10000;
/** β ranges are given at this T and rescaled by REFERENCE_T / T (see `namedBetas`). */
export const REFERENCE_T = 1000;
/** Nichol & Dhariwal's offset s, which keeps β_0 from being vanishingly small. */
export const DEFAULT_COSINE_S = 0.008;

/** Default β range at T = 1000 for each kind that has one. */
export const DEFAULT_BETA_RANGE: Readonly<Record<Exclude<ScheduleKind, 'cosine'>, { start: number; end: number }>> = {
  linear: { start: 1e-4, end: 0.02 }, // Ho et al. 2020
  // GeoDiff used 1e-7..2e-3 at T = 5000; the linear range is used here so that
  // lesson 3 compares shapes, not ranges.
  sigmoid: { start: 1e-4, end: 0.02 },
  'scaled-linear': { start: 0.00085, end: 0.012 }, // Stable Diffusion v1
};

export interface ScheduleOptions {
  kind: ScheduleKind;
  /** Number of diffusion steps, an integer in [1, MAX_T]. */
  T: number;
  /** First β at the T = 1000 reference scale (ignored by 'cosine'). */
  betaStart?: number;
  /** Last β at the T = 1000 reference scale (ignored by 'cosine'). */
  betaEnd?: number;
  /** Rescale so the last step is pure noise (Lin et al. 2024). Default false. */
  zeroTerminalSnr?: boolean;
  /** Cosine offset s, in [0, 1). Default 0.008. Only for 'cosine'. */
  cosineS?: number;
}

/** The options a schedule was built with, defaults filled in; null where a kind has no such option. */
export interface ResolvedScheduleOptions {
  readonly kind: ScheduleKind;
  readonly T: number;
  readonly betaStart: number | null;
  readonly betaEnd: number | null;
  readonly zeroTerminalSnr: boolean;
  readonly cosineS: number | null;
}

function fmt(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}

function checkBeta(name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0 && v < 1)) {
    throw new ScheduleError(name, `${name} must be in (0, 1), got ${fmt(v)}`, 'beta-range', typeof v === 'number' ? { value: v } : {});
  }
  return v;
}

/** Checks every option and fills in the defaults. Throws ScheduleError naming the parameter. */
export function resolveScheduleOptions(options: ScheduleOptions): ResolvedScheduleOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ScheduleError('options', `options must be an object, got ${fmt(options)}`);
  }
  const { kind, T } = options;
  if (!SCHEDULE_KINDS.includes(kind)) {
    throw new ScheduleError('kind', `kind must be one of ${SCHEDULE_KINDS.join(', ')}, got ${fmt(kind)}`);
  }
  if (typeof T !== 'number' || !Number.isInteger(T) || T < 1 || T > MAX_T) {
    throw new ScheduleError('T', `T must be an integer in [1, ${MAX_T}], got ${fmt(T)}`, 'T-range', typeof T === 'number' ? { value: T, max: MAX_T } : { max: MAX_T });
  }
  const zts = options.zeroTerminalSnr ?? false;
  if (typeof zts !== 'boolean') {
    throw new ScheduleError('zeroTerminalSnr', `zeroTerminalSnr must be a boolean, got ${fmt(zts)}`);
  }
  // A β given to 'cosine' is checked (NaN is never silently accepted) but not used.
  const start = options.betaStart === undefined ? undefined : checkBeta('betaStart', options.betaStart);
  const end = options.betaEnd === undefined ? undefined : checkBeta('betaEnd', options.betaEnd);

  if (kind === 'cosine') {
    const s = options.cosineS ?? DEFAULT_COSINE_S;
    if (typeof s !== 'number' || !(s >= 0 && s < 1)) {
      throw new ScheduleError('cosineS', `cosineS must be in [0, 1), got ${fmt(s)}`);
    }
    return { kind, T, betaStart: null, betaEnd: null, zeroTerminalSnr: zts, cosineS: s };
  }
  if (options.cosineS !== undefined) {
    throw new ScheduleError('cosineS', `cosineS only applies to the cosine schedule, not '${kind}'`);
  }
  const betaStart = start ?? DEFAULT_BETA_RANGE[kind].start;
  const betaEnd = end ?? DEFAULT_BETA_RANGE[kind].end;
  // Linear-type ranges need a real slope; the sigmoid may be flat (constant β).
  const ok = kind === 'sigmoid' ? betaStart <= betaEnd : betaStart < betaEnd;
  if (!ok) {
    const rel = kind === 'sigmoid' ? 'at most' : 'less than';
    throw new ScheduleError(
      'betaStart',
      `betaStart must be ${rel} betaEnd, got betaStart=${betaStart}, betaEnd=${betaEnd}`,
      'order',
      { start: betaStart, end: betaEnd },
    );
  }
  return { kind, T, betaStart, betaEnd, zeroTerminalSnr: zts, cosineS: null };
}

/** n evenly spaced values from a to b inclusive, as numpy.linspace (n = 1 gives [a]). */
function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = a;
    return out;
  }
  const step = (b - a) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = a + i * step;
  out[n - 1] = b; // exact end, as numpy does
  return out;
}

/**
 * β for a named kind, index i = the step from timestep i−1 to i (0-based, as
 * openai/improved-diffusion). `clipped` counts the β that were capped at
 * MAX_BETA, so a widget can say so.
 *
 * β ranges (betaStart/betaEnd, defaults included) are at the T = 1000 reference
 * scale and multiplied by 1000/T, as improved-diffusion's
 * get_named_beta_schedule does for the linear default. Applying the same rule to
 * a slider value means a slider position means the same process for any T: the
 * total noise Σβ ≈ T·β̄ stays the same, so ᾱ at the end hardly moves when T
 * changes. At T = 1000 every kind equals its published form. (diffusers does not
 * rescale 'scaled-linear'; at its T = 1000 the two agree.) For small T the
 * scaled β can pass MAX_BETA; those are clipped one by one.
 */
export function namedBetas(o: ResolvedScheduleOptions): { betas: Float64Array; clipped: number } {
  const { T } = o;
  let betas: Float64Array;
  if (o.kind === 'cosine') {
    // β_i = 1 − f((i+1)/T)/f(i/T) (improved-diffusion's betas_for_alpha_bar), so the
    // cumulative product telescopes to ᾱ_i = f((i+1)/T)/f(0) until a clip.
    const s = o.cosineS as number;
    const f = (u: number): number => {
      const c = Math.cos(((u + s) / (1 + s)) * (Math.PI / 2));
      return c * c;
    };
    betas = new Float64Array(T);
    for (let i = 0; i < T; i++) betas[i] = 1 - f((i + 1) / T) / f(i / T);
  } else {
    const scale = REFERENCE_T / T;
    const start = (o.betaStart as number) * scale;
    const end = (o.betaEnd as number) * scale;
    if (o.kind === 'linear') {
      betas = linspace(start, end, T);
    } else if (o.kind === 'scaled-linear') {
      betas = linspace(Math.sqrt(start), Math.sqrt(end), T);
      for (let i = 0; i < T; i++) betas[i] *= betas[i];
    } else {
      // sigmoid(linspace(−6, 6, T))·(end − start) + start, as GeoDiff's get_beta_schedule.
      betas = linspace(-6, 6, T);
      for (let i = 0; i < T; i++) betas[i] = (1 / (1 + Math.exp(-betas[i]))) * (end - start) + start;
    }
  }
  let clipped = 0;
  for (let i = 0; i < T; i++) {
    if (betas[i] > MAX_BETA) {
      betas[i] = MAX_BETA;
      clipped++;
    }
  }
  return { betas, clipped };
}

/**
 * Lin et al. 2024, "Common Diffusion Noise Schedules and Sampling Steps Are
 * Flawed", Algorithm 1: shift √ᾱ so the last value is 0 and scale it so the
 * first is unchanged. Training then sees pure noise at the last step, which is
 * what sampling starts from. The two ends are set exactly rather than left to
 * rounding. With T = 1 the first step is the last, so it becomes pure noise.
 * The rescale is applied after the 0.999 clip and is not clipped again: the
 * last β becomes exactly 1, and for very small T (≈10) the one before it can
 * pass 0.999 too. Returns the new ᾱ; β follow from ratios of consecutive ᾱ.
 */
export function rescaleZeroTerminalSnr(alphaBar: Float64Array): Float64Array {
  const T = alphaBar.length;
  const out = new Float64Array(T);
  if (T === 1) return out; // ᾱ_0 = 0
  const a0 = Math.sqrt(alphaBar[0]);
  const aT = Math.sqrt(alphaBar[T - 1]);
  const scale = a0 / (a0 - aT);
  for (let i = 1; i < T - 1; i++) {
    const r = (Math.sqrt(alphaBar[i]) - aT) * scale;
    out[i] = r * r;
  }
  out[0] = alphaBar[0];
  out[T - 1] = 0;
  return out;
}
