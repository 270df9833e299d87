/**
 * The page's TF.js start-up: src/backends/start.ts with the page's probe
 * (one U-Net forward at the sample grid's batch) and its measurement kept in
 * localStorage. TF.js is imported dynamically so that a page showing no
 * model never downloads it.
 */
import { TfUnavailableError, type BackendName } from '../backends/choice';
import type { BackendReport } from '../backends/start';

export type Tf = typeof import('@tensorflow/tfjs');
export type RuntimeReport = BackendReport;
export { TfUnavailableError };
export type { BackendName };

/** The batch the probe times: the 16-digit grid of lesson 5, the largest the page model runs. */
export const PROBE_BATCH = 16;

export async function startTf(override: string | null = null, options: { remeasure?: boolean } = {}): Promise<RuntimeReport> {
  let start: typeof import('../backends/start');
  let probe: typeof import('../backends/probe');
  try {
    [start, probe] = await Promise.all([import('../backends/start'), import('../backends/probe')]);
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
  return start.startTf({ override, probe: probe.unetProbe(PROBE_BATCH), store, remeasure: options.remeasure });
}
