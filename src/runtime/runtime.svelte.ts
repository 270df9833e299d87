/**
 * The page's one TF.js runtime, as reactive state. Nothing starts until a
 * widget calls `ensureTf()`, so pages without models never load TF.js, and the
 * backend badge only appears on pages that use it.
 */
import { backendOverrideFromSearch } from './backends';
import { startTf, TfUnavailableError, type RuntimeReport } from './tf-runtime';

export type RuntimeStatus = 'idle' | 'loading' | 'ready' | 'failed';

class TfRuntime {
  status: RuntimeStatus = $state('idle');
  report: RuntimeReport | null = $state.raw(null);
  error: string | null = $state(null);
  reasons: string[] = $state([]);
  private pending: Promise<RuntimeReport> | null = null;

  ensure(): Promise<RuntimeReport> {
    return this.pending ?? this.start(false);
  }

  /**
   * Times the backends again and switches to the fastest (the system-check
   * page's button). Models already loaded stay where they are until reload.
   */
  remeasure(): Promise<RuntimeReport> {
    return this.start(true);
  }

  private start(remeasure: boolean): Promise<RuntimeReport> {
    this.status = 'loading';
    this.pending = startTf(backendOverrideFromSearch(location.search), { remeasure }).then(
      (report) => {
        this.report = report;
        this.status = 'ready';
        return report;
      },
      (err: unknown) => {
        this.status = 'failed';
        this.error = err instanceof Error ? err.message : String(err);
        this.reasons = err instanceof TfUnavailableError ? err.reasons : [];
        throw err;
      },
    );
    return this.pending;
  }
}

export const tfRuntime = new TfRuntime();

/** Starts TF.js (once per page) and resolves with the runtime report. */
export function ensureTf(): Promise<RuntimeReport> {
  return tfRuntime.ensure();
}
