/**
 * TF.js inside a model Web Worker: src/backends/start.ts told to use the
 * backend its page chose (falling back in the same order with the same
 * reasons when that one cannot start here).
 */
import { startTf } from '../backends/start';

export async function startWorkerBackend(preferred: string): Promise<string> {
  return (await startTf({ override: preferred })).backend;
}
