/**
 * A small op with a known answer, used by the system-check page and the
 * browser tests to prove a backend computes correctly, not just that it starts.
 */
import type { Tf } from './page';

/** [[1,2],[3,4]] · [[5,6],[7,8]] = [[19,22],[43,50]] */
export const SMOKE_EXPECTED = [19, 22, 43, 50];

export async function runSmokeTest(tf: Tf): Promise<{ values: number[]; ok: boolean; ms: number }> {
  const t0 = performance.now();
  const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
  const b = tf.tensor2d([5, 6, 7, 8], [2, 2]);
  const c = tf.matMul(a, b);
  try {
    const values = Array.from(await c.data());
    const ok = values.length === 4 && values.every((v, i) => Math.abs(v - SMOKE_EXPECTED[i]) < 1e-4);
    return { values, ok, ms: performance.now() - t0 };
  } finally {
    tf.dispose([a, b, c]);
  }
}
