/**
 * Switching TF.js to one backend and proving it computes: shared by the page
 * (tf-runtime.ts) and the training worker (src/train/browser-tf.ts), which
 * differ only in how they probe for a GPU before this step.
 */
import type { BackendName } from './backends';

type Tf = typeof import('@tensorflow/tfjs');

/**
 * Returns null when `backend` is active and a small op gives the known answer,
 * or a short reason. TF.js logs its own fallbacks as warnings; callers report
 * the reason themselves, so the warnings are silenced meanwhile.
 */
export async function activateBackend(tf: Tf, backend: BackendName): Promise<string | null> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    if (!(await tf.setBackend(backend))) return 'failed to initialise';
    await tf.ready();
  } finally {
    console.warn = warn;
  }
  // Read back the async way: WebGPU's dataSync is unreliable.
  const a = tf.tensor1d([1, 2, 3]);
  const b = a.square().sum();
  try {
    const [v] = await b.data();
    return v === 14 ? null : `wrong result from a test op (${v} instead of 14)`;
  } finally {
    tf.dispose([a, b]);
  }
}
