/** Loss-curve helpers for the lab's chart: plain functions over arrays. */

/** Exponential moving average with bias correction (as in Adam), so early values are not pulled to 0. */
export function smoothLosses(losses: readonly number[], beta = 0.95): number[] {
  const out = new Array<number>(losses.length);
  let m = 0;
  let k = 0;
  for (let i = 0; i < losses.length; i++) {
    const v = losses[i];
    if (!Number.isFinite(v)) {
      out[i] = NaN;
      continue;
    }
    k++;
    m = beta * m + (1 - beta) * v;
    out[i] = m / (1 - beta ** k);
  }
  return out;
}

/** One point of a loss history: a run of consecutive steps, drawn at its last step. */
export interface LossPoint {
  /** The last step of the run (steps count from 1). */
  step: number;
  /** Mean of the run's finite losses (NaN when it had none). */
  mean: number;
  /** How many finite losses the mean is over. */
  n: number;
  /** The bias-corrected EMA of every loss so far, at `step` (what smoothLosses gives there). */
  smooth: number;
}

/** What the chart and the lab's readout need: a copy, so it can be handed to reactive state. */
export interface LossView {
  points: readonly LossPoint[];
  /** Losses seen. */
  steps: number;
  /** The latest loss (NaN before the first). */
  last: number;
  /** Lowest and highest finite positive loss seen (the chart's log axis); NaN before the first. */
  min: number;
  max: number;
}

/** Points a history keeps at most: about one per pixel of the chart. */
export const LOSS_POINTS = 600;

/**
 * The loss of every training step, in bounded memory: a page that trains
 * for hours must not keep one number per step (and redraw from all of
 * them). Each point averages a run of `stride` steps; when the points fill
 * `capacity`, neighbours merge pairwise and the stride doubles, so a
 * history holds between capacity/2 and capacity points, evenly spaced, for
 * any number of steps. The smoothed curve is the EMA over every step (as
 * smoothLosses), read at each point's last step, and the lowest, highest
 * and latest losses are kept exactly.
 */
export class LossHistory {
  private pts: LossPoint[] = [];
  private stride = 1;
  /** The run being filled: steps in it, and the sum and count of its finite losses. */
  private runLen = 0;
  private runSum = 0;
  private runN = 0;
  private m = 0;
  private k = 0;
  private steps = 0;
  private last = NaN;
  private min = Infinity;
  private max = -Infinity;

  constructor(
    readonly capacity = LOSS_POINTS,
    readonly beta = 0.95,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 2 && capacity % 2 === 0)) throw new Error(`capacity must be an even integer ≥ 2, got ${capacity}`);
  }

  static from(losses: readonly number[], capacity = LOSS_POINTS): LossHistory {
    const h = new LossHistory(capacity);
    for (const v of losses) h.push(v);
    return h;
  }

  push(loss: number): void {
    this.steps++;
    this.last = loss;
    this.runLen++;
    if (Number.isFinite(loss)) {
      this.runSum += loss;
      this.runN++;
      this.k++;
      this.m = this.beta * this.m + (1 - this.beta) * loss;
      if (loss > 0) {
        this.min = Math.min(this.min, loss);
        this.max = Math.max(this.max, loss);
      }
    }
    if (this.runLen < this.stride) return;
    this.pts.push(this.runPoint());
    this.runLen = this.runSum = this.runN = 0;
    if (this.pts.length >= this.capacity) this.halve();
  }

  view(): LossView {
    const points = this.pts.slice();
    // The run being filled shows as a last point, so the curve reaches the latest step.
    if (this.runLen > 0) points.push(this.runPoint());
    const seen = this.min <= this.max;
    return { points, steps: this.steps, last: this.last, min: seen ? this.min : NaN, max: seen ? this.max : NaN };
  }

  private runPoint(): LossPoint {
    return { step: this.steps, mean: this.runN ? this.runSum / this.runN : NaN, n: this.runN, smooth: this.k ? this.m / (1 - this.beta ** this.k) : NaN };
  }

  private halve(): void {
    const out: LossPoint[] = [];
    for (let i = 0; i + 1 < this.pts.length; i += 2) {
      const a = this.pts[i];
      const b = this.pts[i + 1];
      const n = a.n + b.n;
      const sum = (a.n ? a.mean * a.n : 0) + (b.n ? b.mean * b.n : 0);
      out.push({ step: b.step, mean: n ? sum / n : NaN, n, smooth: b.smooth });
    }
    this.pts = out;
    this.stride *= 2;
  }
}

/** At most `max` evenly spaced items, always keeping the last. */
export function thin<T>(xs: readonly T[], max: number): T[] {
  if (xs.length <= max) return [...xs];
  const stride = xs.length / max;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(xs[Math.floor(i * stride)]);
  out[out.length - 1] = xs[xs.length - 1];
  return out;
}

export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}
