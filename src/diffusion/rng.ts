/**
 * Seeded random numbers that are the same in every browser and in Node.
 *
 * - Integers: xoshiro128** (Blackman & Vigna), a 32-bit generator that needs only
 *   Math.imul, shifts and xor, all exactly specified by ECMAScript, so no engine
 *   can differ. Its 128-bit state is filled from the uint32 seed with splitmix32
 *   (a Weyl sequence through the murmur3 finaliser), which spreads nearby seeds
 *   (1, 2, 3…) into unrelated states.
 * - Uniforms: 53 random bits divided by 2^53, exact in a double.
 * - Normals: Marsaglia's polar method, which needs ln and sqrt but no cos/sin.
 *   ln comes from `portableLog` (only + − × ÷, see there) because Math.log may
 *   differ in the last bit between engines; sqrt is correctly rounded by IEEE 754.
 *   So one seed gives the same noise image for every reader of a shared link.
 *
 * Sub-streams: `fork(k)` (or `deriveSeed(seed, k)`) gives a generator that
 * depends only on (seed, k), never on how many numbers were drawn before. A
 * widget can therefore lock the noise of frame k or sampler step k: redrawing
 * step 7 gives the same noise whatever happened to steps 0–6.
 */
import { portableLog } from './portable-log';

export interface Rng {
  /** The uint32 seed this generator started from. */
  readonly seed: number;
  /** Next raw 32-bit output, in [0, 2^32). */
  nextUint32(): number;
  /** Uniform in [0, 1), with 53 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Fills `out` with standard normals and returns it. */
  fillNormal<A extends Float32Array | Float64Array>(out: A): A;
  /** n fresh standard normals. */
  normals(n: number): Float64Array;
  /** Uniform integer in [0, n), without modulo bias; n is an integer in [1, 2^32]. */
  int(n: number): number;
  /** An independent generator that depends only on (this.seed, k). */
  fork(k: number): Rng;
}

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;

/** murmur3's 32-bit finaliser: a bijection on uint32 that mixes every bit into every other. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function checkSeed(seed: number, name: string): number {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`${name} must be an integer, got ${String(seed)}`);
  }
  // Taken modulo 2^32 (ECMAScript ToUint32), so −1 and 2^32 − 1 are the same seed.
  return seed >>> 0;
}

/**
 * A seed for sub-stream k of `seed`: a pure function of both, so a widget can
 * ask for "the noise of step k" without keeping a generator around.
 */
export function deriveSeed(seed: number, k: number): number {
  const s = checkSeed(seed, 'seed');
  const j = checkSeed(k, 'k');
  // Hash k first so that (seed, k) and (seed + 1, k − 1) do not meet.
  return fmix32((s ^ fmix32((j + 0x9e3779b9) >>> 0)) + 0x6a09e667);
}

/** A generator seeded with an integer (taken modulo 2^32). */
export function createRng(seed: number): Rng {
  const seed32 = checkSeed(seed, 'seed');

  // splitmix32 fills the four state words.
  let sm = seed32;
  const splitmix32 = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    return fmix32(sm);
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point; never happens in practice

  // xoshiro128**
  const nextUint32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r;
  };

  const uniform = (): number => {
    const a = nextUint32() >>> 5; // 27 bits
    const b = nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / TWO53; // exact: fewer than 2^53
  };

  // The polar method makes normals in pairs; the second one waits here.
  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * portableLog(s)) / s);
    spare = v * factor;
    hasSpare = true;
    return u * factor;
  };

  const rng: Rng = {
    seed: seed32,
    nextUint32,
    uniform,
    normal,
    fillNormal<A extends Float32Array | Float64Array>(out: A): A {
      for (let i = 0; i < out.length; i++) out[i] = normal();
      return out;
    },
    normals(n: number): Float64Array {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = normal();
      return out;
    },
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO32) {
        throw new RangeError(`n must be an integer in [1, 2^32], got ${String(n)}`);
      }
      if (n === TWO32) return nextUint32();
      // Reject the top sliver of [0, 2^32) that would make small values more likely.
      const limit = TWO32 - (TWO32 % n);
      let x: number;
      do x = nextUint32();
      while (x >= limit);
      return x % n;
    },
    fork(k: number): Rng {
      return createRng(deriveSeed(seed32, k));
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
