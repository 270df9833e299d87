/**
 * Kernel distance (KID; Bińkowski et al. 2018, "Demystifying MMD GANs") on
 * the classifier's features: the unbiased estimate of the squared maximum
 * mean discrepancy with the cubic polynomial kernel k(x, y) = (x·y / d + 1)³.
 *
 * Why next to the FID proxy: the Fréchet distance of a 100-sample set is
 * biased upward by its own sample count (100 real training images against
 * MNIST test score ~69, where 10,000 score ~3), so at the counts an eval run
 * can afford it mostly measures n. The unbiased MMD² is 0 in expectation for
 * two sets from the same distribution at any n, so a small sample set still
 * ranks samplers; its noise is what the real-vs-real figure at the same n
 * shows.
 */

/** k(x, y) for rows i of `a` and j of `b` (row-major, `dim` columns). */
function cubic(a: Float32Array, i: number, b: Float32Array, j: number, dim: number): number {
  let dot = 0;
  const ai = i * dim;
  const bj = j * dim;
  for (let k = 0; k < dim; k++) dot += a[ai + k] * b[bj + k];
  const v = dot / dim + 1;
  return v * v * v;
}

/**
 * Unbiased MMD² against a fixed set `y` (m×dim; m ≥ 2): the y–y term is
 * summed once, so several sets (samples, then each draw of a floor) are
 * measured against it without redoing the largest part of the work.
 */
export function kernelDistanceTo(y: Float32Array, m: number, dim: number): (x: Float32Array, n: number) => number {
  if (m < 2) throw new Error(`kernel distance needs at least 2 rows per set (got ${m})`);
  let yy = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) yy += cubic(y, i, y, j, dim);
  const yyTerm = (2 * yy) / (m * (m - 1));
  return (x, n) => {
    if (n < 2) throw new Error(`kernel distance needs at least 2 rows per set (got ${n})`);
    let xx = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) xx += cubic(x, i, x, j, dim);
    let xy = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) xy += cubic(x, i, y, j, dim);
    return (2 * xx) / (n * (n - 1)) + yyTerm - (2 * xy) / (n * m);
  };
}

/** Unbiased MMD² between the rows of `x` (n×dim) and `y` (m×dim); n, m ≥ 2. */
export function kernelDistance(x: Float32Array, n: number, y: Float32Array, m: number, dim: number): number {
  return kernelDistanceTo(y, m, dim)(x, n);
}

/** The rows `rows` of a row-major n×dim array, as a new array. */
export function pickRows(features: Float32Array, dim: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => out.set(features.subarray(r * dim, (r + 1) * dim), i * dim));
  return out;
}
