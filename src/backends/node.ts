/**
 * Node: start TF.js on the wasm backend with our training kernels (the fast
 * path on a CPU-only machine), or on another backend when asked.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './wasm-kernels';

export async function startNodeBackend(name = 'wasm'): Promise<string> {
  if (name === 'wasm') registerWasmTrainingKernels();
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`TF.js backend "${name}" could not start.`);
  await tf.ready();
  return tf.getBackend();
}
