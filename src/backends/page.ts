/**
 * TF.js on the calling thread: src/backends/start.ts with the page's probe
 * (one U-Net forward at the sample grid's batch) and its measurement kept in
 * localStorage. The site itself never calls this (its models run in workers,
 * see src/backends/model-worker.ts); tests and benchmarks that run TF.js in
 * their own page do.
 */
import { TfUnavailableError, type BackendName } from './choice';
import type { BackendReport } from './start';

export type Tf = typeof import('@tensorflow/tfjs');
export type RuntimeReport = BackendReport;
export { TfUnavailableError };
export type { BackendName };


export async function startTf(override: string | null = null, options: { remeasure?: boolean } = {}): Promise<RuntimeReport> {
  let start: typeof import('./start');
  let probe: typeof import('./probe');
  try {
    [start, probe] = await Promise.all([import('./start'), import('./probe')]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TfUnavailableError(`TensorFlow.js could not be loaded: ${why}`, [why]);
  }
  const store = (() => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  })();
  return start.startTf({ override, probe: probe.unetProbe(probe.PROBE_BATCH), store, remeasure: options.remeasure });
}
