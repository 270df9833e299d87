/**
 * Starts TF.js inside a model Web Worker: the page's backend first, then
 * webgpu → webgl → cpu, keeping the first that computes a probe right (a
 * backend can initialise and still be broken, e.g. a lost GPU adapter).
 */
import * as tf from '@tensorflow/tfjs';

export async function startWorkerBackend(preferred: string): Promise<string> {
  const order = [preferred, 'webgpu', 'webgl', 'cpu'].filter((b, i, a) => a.indexOf(b) === i && ['webgpu', 'webgl', 'cpu'].includes(b));
  const warn = console.warn;
  console.warn = () => {};
  try {
    for (const b of order) {
      if (b === 'webgpu' && !(navigator as Navigator & { gpu?: unknown }).gpu) continue;
      if (b === 'webgl' && typeof OffscreenCanvas === 'undefined') continue;
      try {
        if (!(await tf.setBackend(b))) continue;
        await tf.ready();
        const probe = tf.tensor1d([1, 2, 3]).square().sum();
        const [v] = await probe.data();
        probe.dispose();
        if (v === 14) return b;
      } catch {
        /* try the next one */
      }
    }
  } finally {
    console.warn = warn;
  }
  throw new Error('no TF.js backend could start in the worker');
}

