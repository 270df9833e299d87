/**
 * Image to image (SDEdit, Meng et al. 2022): noise an image to a chosen t with
 * the closed form, then run the reverse process from there. Several start
 * times share one sampler's timestep grid, so at each step every column that
 * has started sits at the same t and one network call serves them all.
 * Plain TypeScript; the network comes in as a function.
 */
import { noisedAt } from './frames';
import type { Sampler } from './sampler';
import type { Schedule } from './schedule';

/** For each wanted paper time, the first step of the sampler at or below it (its start index). */
export function startIndices(sampler: Sampler, paperTimes: readonly number[]): number[] {
  const ts = sampler.timesteps;
  return paperTimes.map((t) => {
    for (let i = 0; i < ts.length; i++) if (ts[i] + 1 <= t) return i;
    return ts.length - 1;
  });
}

/**
 * Start times given for T = 1000, rescaled to a model's own T (a reader's model
 * may use T = 100): the same fractions of the way to pure noise, at least 1.
 */
export function scaleTimes(times: readonly number[], T: number, reference = 1000): number[] {
  return times.map((t) => Math.max(1, Math.min(T, Math.round((t * T) / reference))));
}

export interface SdEditFrame {
  /** Steps done so far and in all (over the longest column). */
  done: number;
  total: number;
  /** Paper time each column actually starts from (a step of the sampler's grid). */
  startT: number[];
  /** Each column's noised start image. */
  noised: Float64Array[];
  /** Each column now: its current x̂₀ while running, its x_0 once finished. */
  current: Float64Array[];
  finished: boolean[];
}

export interface SdEditOptions {
  schedule: Schedule;
  /** A deterministic sampler (DDIM, η = 0): SDEdit here adds no step noise. */
  sampler: Sampler;
  x0: ArrayLike<number>;
  /** ε for the noising, one image's worth, shared by every column. */
  noise: ArrayLike<number>;
  paperTimes: readonly number[];
  /** ε̂ for a batch of images all at schedule index t. */
  predict: (x: Float32Array, t: number) => Promise<ArrayLike<number>>;
}

/**
 * Each column's start: the paper time it starts from on the sampler's grid, and
 * the image noised to it. This half needs no network, so a figure can draw it at
 * once, before any model has loaded.
 */
export function noisedStarts(o: Omit<SdEditOptions, 'predict'>): { starts: number[]; startT: number[]; noised: Float64Array[] } {
  const ts = o.sampler.timesteps;
  const starts = startIndices(o.sampler, o.paperTimes);
  const startT = starts.map((i) => ts[i] + 1);
  return { starts, startT, noised: startT.map((t) => noisedAt(o.schedule, o.x0, t, o.noise)) };
}

export async function* runSdEdit(o: SdEditOptions): AsyncGenerator<SdEditFrame, SdEditFrame, void> {
  if (o.sampler.stochastic) throw new RangeError('runSdEdit wants a deterministic sampler (DDIM, η = 0)');
  const pix = o.x0.length;
  const ts = o.sampler.timesteps;
  const { starts, startT, noised } = noisedStarts(o);
  const state = noised.map((x) => Float32Array.from(x));
  const current: Float64Array[] = noised.map((x) => Float64Array.from(x));
  const finished = starts.map(() => false);
  const first = Math.min(...starts);
  const total = ts.length - first;
  const frame = (done: number): SdEditFrame => ({ done, total, startT, noised, current: [...current], finished: [...finished] });
  yield frame(0);
  for (let i = first; i < ts.length; i++) {
    const active = starts.map((s, c) => (s <= i ? c : -1)).filter((c) => c >= 0);
    const x = new Float32Array(active.length * pix);
    active.forEach((c, j) => x.set(state[c], j * pix));
    const eps = await o.predict(x, ts[i]);
    active.forEach((c, j) => {
      const r = o.sampler.step(i, state[c], Array.prototype.slice.call(eps, j * pix, (j + 1) * pix) as number[]);
      state[c] = Float32Array.from(r.xPrev);
      const last = i === ts.length - 1;
      current[c] = last ? r.xPrev : r.x0;
      finished[c] = last;
    });
    yield frame(i - first + 1);
  }
  return frame(total);
}

/** Box-filter resize of a square grey image (the tiny test model is 8×8; drawings are 28×28). */
export function resizeSquare(x: ArrayLike<number>, from: number, to: number): Float32Array {
  if (from === to) return Float32Array.from(x);
  const out = new Float32Array(to * to);
  for (let r = 0; r < to; r++) {
    for (let c = 0; c < to; c++) {
      const r0 = Math.floor((r * from) / to);
      const r1 = Math.max(r0 + 1, Math.floor(((r + 1) * from) / to));
      const c0 = Math.floor((c * from) / to);
      const c1 = Math.max(c0 + 1, Math.floor(((c + 1) * from) / to));
      let s = 0;
      for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) s += x[i * from + j];
      out[r * to + c] = s / ((r1 - r0) * (c1 - c0));
    }
  }
  return out;
}
