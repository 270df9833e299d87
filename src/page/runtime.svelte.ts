/**
 * The page's backend, as reactive state. Nothing starts until a widget calls
 * `ensureTf(start)`, so pages without models never load TF.js, and the
 * backend badge only appears on pages that use it.
 *
 * TF.js itself never runs on the page: `start` asks the worker that will run
 * the models (src/workers/model/client.ts, text-client.ts) to start
 * its backend. That worker decides with `?backend=` and the measurement this
 * browser stored earlier, and sends back what the badge shows and what to
 * store. Other workers of the page then start on the backend it chose.
 */
import { backendOverrideFromSearch, TfUnavailableError } from '../backends/choice';
import { gpuFacts } from '../backends/gpu-facts';
import { PROBE_STORE_KEY, type BackendSummary, type StartAsk, type Started } from '../backends/report';

export type RuntimeStatus = 'idle' | 'loading' | 'ready' | 'failed';
export type RuntimeReport = BackendSummary;
/** Starts TF.js in some worker of the page. */
export type BackendStarter = (ask: StartAsk) => Promise<Started>;


function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

class TfRuntime {
  status: RuntimeStatus = $state('idle');
  report: RuntimeReport | null = $state.raw(null);
  error: string | null = $state(null);
  reasons: string[] = $state([]);
  private pending: Promise<RuntimeReport> | null = null;

  ensure(start: BackendStarter): Promise<RuntimeReport> {
    return this.pending ?? this.start(start, false);
  }

  /**
   * Times the backends again and switches to the fastest (the system-check
   * page's button). Models already loaded stay where they are until reload.
   */
  remeasure(start: BackendStarter): Promise<RuntimeReport> {
    return this.start(start, true);
  }

  private start(start: BackendStarter, remeasure: boolean): Promise<RuntimeReport> {
    this.status = 'loading';
    let record: string | null = null;
    try {
      record = storage()?.getItem(PROBE_STORE_KEY) ?? null;
    } catch {
      /* private mode: measure again */
    }
    // The page looks at its GPUs itself (cheap, no TF.js): the worker decides on what the page sees.
    this.pending = gpuFacts().then((facts) => start({ override: backendOverrideFromSearch(location.search), facts, record, remeasure })).then(
      (started) => {
        try {
          if (started.record !== null) storage()?.setItem(PROBE_STORE_KEY, started.record);
        } catch {
          /* full or private: measure again next time */
        }
        this.report = started.report;
        this.status = 'ready';
        return started.report;
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

/** Starts TF.js (once per page) in the worker `start` talks to, and resolves with its report. */
export function ensureTf(start: BackendStarter): Promise<RuntimeReport> {
  return tfRuntime.ensure(start);
}
