import { describe, expect, it } from 'vitest';
import { fitGaussian, frechetDistance, sqrtmPsd, symmetricEigen, type Gaussian } from '../../../src/eval/frechet';
import { createRng } from '../../../src/diffusion/rng';

/** A random rotation (orthonormal columns from Gram–Schmidt). */
function rotation(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const q = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const v = rng.normals(n);
    for (let k = 0; k < j; k++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += v[i] * q[i * n + k];
      for (let i = 0; i < n; i++) v[i] -= d * q[i * n + k];
    }
    const norm = Math.hypot(...v);
    for (let i = 0; i < n; i++) q[i * n + j] = v[i] / norm;
  }
  return q;
}

/** R diag(d) Rᵀ */
function rotated(r: Float64Array, d: number[]): Float64Array {
  const n = d.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j] += r[i * n + k] * d[k] * r[j * n + k];
  return out;
}

describe('Fréchet distance', () => {
  it('Jacobi finds the eigenvalues of a rotated diagonal matrix', () => {
    const d = [5, 3, 2, 0.5, 0.1, 7];
    const { values } = symmetricEigen(rotated(rotation(6, 1), d), 6);
    expect(Array.from(values).sort((a, b) => a - b)).toEqual(d.sort((a, b) => a - b).map((v) => expect.closeTo(v, 10)));
  });

  it('sqrtm squares back to the matrix', () => {
    const m = rotated(rotation(5, 2), [4, 1, 9, 0.25, 2]);
    const s = sqrtmPsd(m, 5);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
      let v = 0;
      for (let k = 0; k < 5; k++) v += s[i * 5 + k] * s[k * 5 + j];
      expect(v).toBeCloseTo(m[i * 5 + j], 10);
    }
  });

  it('matches the closed form for commuting covariances: ‖Δμ‖² + Σ(√a − √b)²', () => {
    const n = 6;
    const r = rotation(n, 3);
    const a = [1, 2, 3, 4, 5, 6];
    const b = [2, 2, 1, 9, 0.5, 6];
    const g1: Gaussian = { dim: n, mean: Float64Array.from([0, 1, 0, 0, 2, 0]), cov: rotated(r, a) };
    const g2: Gaussian = { dim: n, mean: Float64Array.from([1, 1, 0, 0, 0, 0]), cov: rotated(r, b) };
    const expected = 1 + 4 + a.reduce((s, ai, i) => s + (Math.sqrt(ai) - Math.sqrt(b[i])) ** 2, 0);
    expect(frechetDistance(g1, g2)).toBeCloseTo(expected, 9);
    expect(frechetDistance(g1, g1)).toBeCloseTo(0, 9);
  });

  it('non-commuting 2-D case against the closed form Tr√(A^½BA^½) = √(λ₁) + √(λ₂)', () => {
    // A = I: Tr√(B) for B = [[2,1],[1,2]] is √3 + 1.
    const g1: Gaussian = { dim: 2, mean: new Float64Array(2), cov: Float64Array.from([1, 0, 0, 1]) };
    const g2: Gaussian = { dim: 2, mean: new Float64Array(2), cov: Float64Array.from([2, 1, 1, 2]) };
    expect(frechetDistance(g1, g2)).toBeCloseTo(2 + 4 - 2 * (Math.sqrt(3) + 1), 10);
  });

  it('fitGaussian recovers mean and covariance of samples', () => {
    const rng = createRng(9);
    const n = 20000;
    const f = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const z1 = rng.normal();
      const z2 = rng.normal();
      f[2 * i] = 1 + 2 * z1;
      f[2 * i + 1] = -1 + z1 + z2;
    }
    const g = fitGaussian(f, n, 2);
    expect(g.mean[0]).toBeCloseTo(1, 1);
    expect(g.cov[0]).toBeCloseTo(4, 0);
    expect(g.cov[1]).toBeCloseTo(2, 0);
    expect(g.cov[3]).toBeCloseTo(2, 0);
  });
});
