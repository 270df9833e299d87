/**
 * Argument checks shared by the functions over arrays. They are O(1), so they
 * stay on even in the 60-per-second slider paths: a wrong t or a length
 * mismatch should fail loudly, not draw a plausible wrong picture.
 */
import type { Schedule } from './schedule';

/** t must be an integer timestep of the schedule. */
export function checkTimestep(schedule: Schedule, t: number, name = 't'): void {
  if (!Number.isInteger(t) || t < 0 || t >= schedule.T) {
    throw new RangeError(`${name} must be an integer in [0, ${schedule.T - 1}], got ${String(t)}`);
  }
}

/** b must have the length of a (named for the message). */
export function checkLength(a: ArrayLike<number>, b: ArrayLike<number>, nameA: string, nameB: string): void {
  if (b.length !== a.length) {
    throw new RangeError(`${nameB} has length ${b.length}, expected ${a.length} (the length of ${nameA})`);
  }
}

/** The caller's `out` if it fits, else a fresh array. `out` may alias an input: every loop is element-wise. */
/** `out` checked to hold n values, or a new Float64Array(n); a float32 `out` is written in place too. */
export function outArray<O extends Float64Array | Float32Array = Float64Array>(n: number, out?: O): O {
  if (out === undefined) return new Float64Array(n) as O;
  if (out.length !== n) throw new RangeError(`out has length ${out.length}, expected ${n}`);
  return out;
}

export function checkFinite(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number, got ${String(v)}`);
}
