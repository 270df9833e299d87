/**
 * TF.js inside a model Web Worker (images or text): src/backends/start.ts,
 * once per worker. The first start decides, with the page's `?backend=` and
 * its stored measurement (a worker has no localStorage; the page keeps what
 * the worker measured); later loads reuse that backend. The page's badge
 * shows the summary this returns.
 */
import { PROBE_BATCH, unetProbe } from './probe';
import { memoryStore, type StartAsk, type Started } from './report';
import { startTf, summarize } from './start';

let current: Promise<Started> | null = null;

/** Starts the backend (or measures again when asked); every later call gets the same start. */
export function startBackend(ask: StartAsk): Promise<Started> {
  if (current && !ask.remeasure) return current;
  const store = memoryStore(ask.record);
  const run = startTf({ override: ask.override, facts: ask.facts, probe: unetProbe(PROBE_BATCH), store, remeasure: ask.remeasure }).then((r) => ({ report: summarize(r), record: store.written }));
  current = run;
  // A failed start may be tried again (the page reports it and a later load retries).
  run.catch(() => current === run && (current = null));
  return run;
}

/** The backend name, starting with `preferred` (the page's choice) if nothing started yet. */
export async function startWorkerBackend(preferred: string | null): Promise<string> {
  return (await startBackend({ override: preferred, facts: null, record: null, remeasure: false })).report.backend;
}
