/**
 * The forward process run two ways, for the widget that compares them:
 *
 *  - step by step: the Markov chain x_0 → x_1 → … → x_t, one qStep per step;
 *  - one jump: the closed form q(x_t | x_0), noisedAt in frames.ts.
 *
 * Time here is the paper's t in 0..T: t = 0 is the data x_0 itself, and t ≥ 1
 * is schedule index t − 1 (see schedule.ts for the 0-based array convention).
 *
 * Noise is locked to a seed with sub-streams (rng.ts): sub-stream k ≥ 1 is the
 * noise of step k of the chain, sub-stream 0 is the noise of the one jump. So
 * scrubbing t back and forth redraws the same chain, and neither path's noise
 * depends on the other's.
 *
 * MarkovChain keeps checkpoints (every `interval` steps) and the last state it
 * computed, so a request costs at most `interval − 1` steps once the
 * checkpoints below it exist, and one step when t moves up by one. The results
 * are bit-identical to the plain loop `forwardChainPlain`, whatever the order
 * of requests: both apply the same qStep to the same numbers.
 */
import { createRng, deriveSeed } from './rng';
import { qStep } from './forward';
import type { Schedule } from './schedule';

/** Sub-stream of the seed that holds the one-jump noise. */
export const JUMP_STREAM = 0;

/** The noise ε_k of step k (k = 1..T) of the chain, a pure function of (seed, k). */
export function stepNoise(seed: number, k: number, out: Float64Array): Float64Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`step k must be an integer ≥ 1, got ${String(k)}`);
  return createRng(deriveSeed(seed, k)).fillNormal(out);
}

/** The noise ε of the one jump q(x_t | x_0), a pure function of the seed. */
export function jumpNoise(seed: number, n: number): Float64Array {
  return createRng(deriveSeed(seed, JUMP_STREAM)).normals(n);
}

function checkPaperT(schedule: Schedule, t: number): void {
  if (!Number.isInteger(t) || t < 0 || t > schedule.T) {
    throw new RangeError(`t must be an integer in [0, ${schedule.T}], got ${String(t)}`);
  }
}

/** The reference: x_t by walking the chain from x_0 with a plain loop. */
export function forwardChainPlain(schedule: Schedule, x0: ArrayLike<number>, t: number, seed: number): Float64Array {
  checkPaperT(schedule, t);
  const x = Float64Array.from(x0);
  const eps = new Float64Array(x.length);
  for (let k = 1; k <= t; k++) qStep(schedule, x, k - 1, stepNoise(seed, k, eps), x);
  return x;
}

export interface MarkovChainOptions {
  /** Steps between checkpoints (default 10). */
  interval?: number;
}

/** The step-by-step chain of one image, seed and schedule, with checkpoints. */
export class MarkovChain {
  readonly schedule: Schedule;
  readonly seed: number;
  readonly interval: number;
  readonly n: number;
  /** checkpoints[j] holds x_{j·interval}, or null until computed. */
  private readonly checkpoints: (Float64Array | null)[];
  /** The last state computed and its t. */
  private readonly cur: Float64Array;
  private curT = 0;
  private readonly eps: Float64Array;
  /** Highest t such that every checkpoint ≤ t exists. */
  private filledTo = 0;
  /** Steps of qStep applied so far (for tests and the performance budget). */
  stepsTaken = 0;

  constructor(schedule: Schedule, x0: ArrayLike<number>, seed: number, opts: MarkovChainOptions = {}) {
    const interval = opts.interval ?? 10;
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`interval must be a positive integer, got ${interval}`);
    this.schedule = schedule;
    this.seed = seed;
    this.interval = interval;
    this.n = x0.length;
    this.checkpoints = new Array<Float64Array | null>(Math.floor(schedule.T / interval) + 1).fill(null);
    this.checkpoints[0] = Float64Array.from(x0);
    this.cur = Float64Array.from(x0);
    this.eps = new Float64Array(this.n);
  }

  get T(): number {
    return this.schedule.T;
  }

  /** True once every checkpoint exists, so any request costs < interval steps. */
  get complete(): boolean {
    return this.filledTo >= this.lastCheckpointT();
  }

  /** Fraction of checkpoints filled, 0..1. */
  get progress(): number {
    const last = this.lastCheckpointT();
    return last === 0 ? 1 : this.filledTo / last;
  }

  private lastCheckpointT(): number {
    return (this.checkpoints.length - 1) * this.interval;
  }

  /** Moves `cur` from its t forward to t, storing checkpoints crossed. */
  private walk(t: number): void {
    const x = this.cur;
    for (let k = this.curT + 1; k <= t; k++) {
      qStep(this.schedule, x, k - 1, stepNoise(this.seed, k, this.eps), x);
      this.stepsTaken++;
      if (k % this.interval === 0) {
        const j = k / this.interval;
        if (!this.checkpoints[j]) this.checkpoints[j] = Float64Array.from(x);
        if (j * this.interval === this.filledTo + this.interval) this.advanceFilled();
      }
    }
    this.curT = t;
  }

  private advanceFilled(): void {
    let j = this.filledTo / this.interval;
    while (j + 1 < this.checkpoints.length && this.checkpoints[j + 1]) j++;
    this.filledTo = j * this.interval;
  }

  /** Puts `cur` at the best starting point at or below t. */
  private seek(t: number): void {
    if (this.curT <= t && t - this.curT < this.interval) return;
    // The highest stored checkpoint at or below t.
    let j = Math.floor(t / this.interval);
    while (!this.checkpoints[j]) j--;
    const cpT = j * this.interval;
    if (this.curT <= t && this.curT >= cpT) return; // cur is already closer
    this.cur.set(this.checkpoints[j] as Float64Array);
    this.curT = cpT;
  }

  /** x_t of the chain, t in 0..T; written into `out` (a fresh array if absent). */
  stateAt(t: number, out?: Float64Array): Float64Array {
    checkPaperT(this.schedule, t);
    this.seek(t);
    this.walk(t);
    const y = out ?? new Float64Array(this.n);
    y.set(this.cur);
    return y;
  }

  /**
   * Extends the checkpoints by at most `maxSteps` steps of work (for filling
   * them in idle time). Returns true while there is more to do. Leaves the
   * current state where it was.
   */
  fillAhead(maxSteps: number): boolean {
    if (this.complete) return false;
    const savedT = this.curT;
    const saved = Float64Array.from(this.cur);
    const from = this.filledTo;
    const to = Math.min(this.lastCheckpointT(), from + Math.max(1, Math.floor(maxSteps)));
    this.cur.set(this.checkpoints[from / this.interval] as Float64Array);
    this.curT = from;
    this.walk(to);
    this.cur.set(saved);
    this.curT = savedT;
    return !this.complete;
  }
}

export interface PixelStats {
  mean: number;
  /** Population variance (divide by n). */
  variance: number;
  std: number;
}

/** Mean, variance and standard deviation of the pixel values. */
export function pixelStats(x: ArrayLike<number>): PixelStats {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = n ? s / n : 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    v += d * d;
  }
  const variance = n ? v / n : 0;
  return { mean, variance, std: Math.sqrt(variance) };
}

/**
 * What theory says about the pixels of x_t, over the noise: each pixel is
 * √ᾱ_t x_0[i] + √(1 − ᾱ_t) ε_i, so the image's mean is √ᾱ_t·mean(x_0) and its
 * pixel variance ᾱ_t·var(x_0) + (1 − ᾱ_t) (in expectation). t in 0..T.
 */
export function theoryStats(schedule: Schedule, t: number, x0: PixelStats): PixelStats & { alphaBar: number } {
  checkPaperT(schedule, t);
  const ab = t === 0 ? 1 : schedule.alphaBar[t - 1];
  const mean = Math.sqrt(ab) * x0.mean;
  const variance = ab * x0.variance + (1 - ab);
  return { mean, variance, std: Math.sqrt(variance), alphaBar: ab };
}

