/**
 * The sampler interface and the one driver that runs any sampler (the diffusers
 * idea: the network knows nothing of the sampler, the sampler nothing of the
 * network). A sampler only says which timesteps it visits and how to take one
 * step given the network's ε; `runSampler` calls the network, draws noise, and
 * yields every intermediate, so a step-through widget, a batch generator and a
 * test drive the same code. Adding DPM-Solver means one file with a
 * `createXSampler` that returns a `Sampler`.
 */
import type { Rng } from './rng';
import type { Schedule } from './schedule';

export interface SamplerStepResult {
  /** The timestep this step starts from (what the network was called with). */
  t: number;
  /** The timestep it lands on; −1 means the clean data x_0. */
  tPrev: number;
  /** The next, less noisy sample. */
  xPrev: Float64Array;
  /** The predicted clean image at this step. */
  x0: Float64Array;
}

export interface Sampler {
  /** 'ddpm', 'ddim', … for labels. */
  readonly name: string;
  /** The schedule the network was trained with. */
  readonly schedule: Schedule;
  /** The timesteps visited, strictly descending; step i starts at timesteps[i]. */
  readonly timesteps: Int32Array;
  /** Whether `step` uses its noise argument (DDPM, DDIM with η > 0). */
  readonly stochastic: boolean;
  /** Step i, from x at timesteps[i] to the next timestep (or x_0 after the last). */
  step(i: number, xt: ArrayLike<number>, eps: ArrayLike<number>, noise?: ArrayLike<number>): SamplerStepResult;
}

/**
 * The network, seen from a sampler: ε̂(x_t, t). x is flat (a batch of images
 * laid end to end); the predictor knows the shape. Float32 because that is what
 * the network reads.
 */
export type EpsPredictor = (xt: Float32Array, t: number) => ArrayLike<number> | Promise<ArrayLike<number>>;
export type EpsPredictorSync = (xt: Float32Array, t: number) => ArrayLike<number>;

export interface RunSamplerOptions<P> {
  /** The starting noise x_T (not modified). */
  xT: ArrayLike<number>;
  predictEps: P;
  /**
   * Where per-step noise comes from, needed when the sampler is stochastic.
   * Step i uses rng.fork(i), so the noise of a step depends only on the seed
   * and the step index: a locked seed gives the same run every time, and the
   * rng passed in is not advanced.
   */
  rng?: Rng;
}

/** Everything about one step, for display. Each frame has its own arrays (safe to keep for scrubbing). */
export interface SamplerFrame {
  /** Step number, 0-based. */
  index: number;
  t: number;
  tPrev: number;
  /** The sample the network saw (float32, as the network reads it). */
  xt: Float32Array;
  /** The network's ε̂. */
  eps: Float64Array;
  /** The predicted clean image. */
  x0: Float64Array;
  /** The sample after the step. */
  xPrev: Float64Array;
}

/**
 * The state carried between steps is a Float32Array: the network reads float32,
 * and rounding the state once per step means the sampler's step and the
 * network see exactly the same x_t (so an exact ε gives an exact x_0).
 */
function prepare(sampler: Sampler, opts: RunSamplerOptions<unknown>): Float32Array {
  if (sampler.stochastic && opts.rng === undefined) {
    throw new RangeError(`rng is required: the ${sampler.name} sampler adds noise at each step`);
  }
  return Float32Array.from(opts.xT);
}

function advance(sampler: Sampler, index: number, xt: Float32Array, epsRaw: ArrayLike<number>, rng?: Rng): SamplerFrame {
  if (epsRaw.length !== xt.length) {
    throw new RangeError(`predictEps returned ${epsRaw.length} values, expected ${xt.length}`);
  }
  const eps = Float64Array.from(epsRaw); // the predictor may reuse its buffer
  const noise = sampler.stochastic ? rng!.fork(index).fillNormal(new Float64Array(xt.length)) : undefined;
  const r = sampler.step(index, xt, eps, noise);
  return { index, t: r.t, tPrev: r.tPrev, xt, eps, x0: r.x0, xPrev: r.xPrev };
}

/**
 * Runs a sampler from x_T, awaiting the network at each step, and yields one
 * frame per step. Returns the final sample x_0.
 */
export async function* runSampler(
  sampler: Sampler,
  opts: RunSamplerOptions<EpsPredictor>,
): AsyncGenerator<SamplerFrame, Float64Array, void> {
  let xt = prepare(sampler, opts);
  let last: Float64Array = Float64Array.from(xt);
  for (let i = 0; i < sampler.timesteps.length; i++) {
    const eps = await opts.predictEps(xt, sampler.timesteps[i]);
    const frame = advance(sampler, i, xt, eps, opts.rng);
    yield frame;
    last = frame.xPrev;
    xt = Float32Array.from(last);
  }
  return last;
}

/** The synchronous twin of runSampler, for tests and CPU toys. */
export function* runSamplerSync(
  sampler: Sampler,
  opts: RunSamplerOptions<EpsPredictorSync>,
): Generator<SamplerFrame, Float64Array, void> {
  let xt = prepare(sampler, opts);
  let last: Float64Array = Float64Array.from(xt);
  for (let i = 0; i < sampler.timesteps.length; i++) {
    const eps = opts.predictEps(xt, sampler.timesteps[i]);
    if (typeof (eps as { then?: unknown }).then === 'function') {
      throw new TypeError('predictEps returned a Promise; use runSampler');
    }
    const frame = advance(sampler, i, xt, eps, opts.rng);
    yield frame;
    last = frame.xPrev;
    xt = Float32Array.from(last);
  }
  return last;
}

/** Runs to the end and returns only the final sample. */
export async function sample(sampler: Sampler, opts: RunSamplerOptions<EpsPredictor>): Promise<Float64Array> {
  const it = runSampler(sampler, opts);
  for (;;) {
    const r = await it.next();
    if (r.done) return r.value;
  }
}

/** Synchronous `sample`. */
export function sampleSync(sampler: Sampler, opts: RunSamplerOptions<EpsPredictorSync>): Float64Array {
  const it = runSamplerSync(sampler, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Checks a step index against a sampler's timesteps. */
export function checkStepIndex(timesteps: Int32Array, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= timesteps.length) {
    throw new RangeError(`i must be an integer in [0, ${timesteps.length - 1}], got ${String(i)}`);
  }
}
