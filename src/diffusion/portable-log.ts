/**
 * A natural logarithm built only from + − × ÷, so it returns the same bits in
 * every JavaScript engine.
 *
 * Why not Math.log: ECMAScript lets Math.log, Math.exp, Math.cos and friends be
 * "implementation-approximated", and V8, SpiderMonkey and JavaScriptCore do not
 * promise the same last bit. The seeded normals must be identical for every
 * reader (a seed in a URL has to reproduce the same picture in Firefox, Safari,
 * Chrome and in the Node tests), so the normal generator cannot use them.
 * IEEE 754 requires + − × ÷ and sqrt to be correctly rounded, so a fixed
 * sequence of those operations gives the same bits everywhere.
 *
 * Method (fdlibm's e_log.c, with plain Taylor coefficients instead of its
 * minimax ones): write x = m·2^k with m in [√½, √2] by exact scaling with
 * powers of two (a frexp done with arithmetic), then with f = m − 1 and
 * s = f/(2+f), ln m = 2·atanh(s) = f − f²/2 + s·(f²/2 + R(s²)) where
 * R(z) = Σ_{j≥1} 2·z^j/(2j+1). Since |s| ≤ 0.1716, z ≤ 0.0295 and twelve
 * terms push the truncation below 2^-60. ln 2 is split in two (Cody–Waite) so
 * that k·LN2_HI is exact. The result agrees with Math.log to about 1 ulp.
 */

const LN2_HI = 6.93147180369123816490e-1; // upper bits of ln 2: k·LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const TWO32 = 4294967296;
const TWO_M32 = 1 / TWO32;
const TWO54 = 18014398509481984;
const MIN_NORMAL = 2.2250738585072014e-308;

// 2/(2j+1) for j = 1..12; each is one correctly rounded division, so the same bits everywhere.
const C1 = 2 / 3;
const C2 = 2 / 5;
const C3 = 2 / 7;
const C4 = 2 / 9;
const C5 = 2 / 11;
const C6 = 2 / 13;
const C7 = 2 / 15;
const C8 = 2 / 17;
const C9 = 2 / 19;
const C10 = 2 / 21;
const C11 = 2 / 23;
const C12 = 2 / 25;

/** ln x, bit-identical across engines. ln 0 = −∞, ln(negative) = NaN. */
export function portableLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN; // also catches NaN
  if (x === Infinity) return Infinity;

  // Range reduction by exact multiplications with powers of two.
  let m = x;
  let k = 0;
  if (m < MIN_NORMAL) {
    m *= TWO54; // subnormal: make it normal first (exact)
    k -= 54;
  }
  while (m >= TWO32) {
    m *= TWO_M32;
    k += 32;
  }
  while (m < TWO_M32) {
    m *= TWO32;
    k -= 32;
  }
  while (m >= 2) {
    m *= 0.5;
    k += 1;
  }
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }

  const f = m - 1; // exact (Sterbenz): m is within a factor 2 of 1
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  // R(z) by Horner's rule, from the smallest term up.
  let p = C12;
  p = C11 + z * p;
  p = C10 + z * p;
  p = C9 + z * p;
  p = C8 + z * p;
  p = C7 + z * p;
  p = C6 + z * p;
  p = C5 + z * p;
  p = C4 + z * p;
  p = C3 + z * p;
  p = C2 + z * p;
  p = C1 + z * p;
  const R = z * p;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}
