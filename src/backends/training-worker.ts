/**
 * TF.js start-up for the training worker: src/backends/start.ts (the same
 * rules and reasons as the page), with the lab's probe and no storage (a
 * worker has no localStorage; the page keeps the measurement).
 */
import type { BackendName } from './choice';
import { unetProbe } from './probe';
import { startTf, webgpuDevice } from './start';

export { webgpuDevice };

export interface WorkerTfReport {
  backend: BackendName;
  why: string;
  fallbackReasons: string[];
  adapterInfo?: string;
  threads?: number;
}

/**
 * Starts TF.js on the chosen backend, skipping `exclude` (backends that
 * already failed, e.g. after a lost device).
 */
export async function startWorkerTf(override: string | null, exclude: BackendName[] = []): Promise<WorkerTfReport> {
  const r = await startTf({ override, exclude, probe: unetProbe(16) });
  return { backend: r.backend, why: r.why, fallbackReasons: r.fallbackReasons, adapterInfo: r.adapterInfo, threads: r.threads };
}

/**
 * Where training goes after `after` failed: a lost GPU device usually means
 * the GPU is gone for every API, so the CPU path (wasm with our kernels), and
 * after wasm, plain JavaScript.
 */
export function nextBackend(after: BackendName): BackendName | null {
  if (after === 'cpu') return null;
  return after === 'wasm' ? 'cpu' : 'wasm';
}
