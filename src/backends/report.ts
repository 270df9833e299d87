/**
 * What a worker tells its page about the backend it started, without TF.js:
 * the page shows it (badge, system-check page) and keeps the measurement in
 * localStorage, which a worker cannot reach. The decision itself is made in
 * the worker that runs the models (src/backends/start.ts), so that a page
 * whose models run in a worker never loads TF.js on its main thread.
 */
import { isBackendName, type BackendAttempt, type BackendName, type GpuFacts, type ProbeTiming } from './choice';

/** Where a page keeps the measurement, per browser (its worker reads it through the page). */
export const PROBE_STORE_KEY = 'dd-backend-probe';

export interface BackendSummary {
  backend: BackendName;
  /** Why this backend, in the badge's words. */
  why: string;
  attempts: BackendAttempt[];
  /** One line per backend left out: "WebGPU: software adapter (SwiftShader)". */
  fallbackReasons: string[];
  /** The probe's figures (ms per U-Net forward), when a measurement chose. */
  probe?: ProbeTiming[];
  probeCached?: boolean;
  forced?: BackendName;
  warning?: string;
  /** What the adapter says of itself, when WebGPU is active. */
  adapterInfo?: string;
  /** wasm: threads in use (1 unless the page is cross-origin isolated). */
  threads?: number;
  facts: GpuFacts;
}

/** What the page asks a worker's start-up: `?backend=`, the stored measurement, and whether to measure again. */
export interface StartAsk {
  override: string | null;
  /** What the page saw of its GPUs (null: the worker looks itself). */
  facts: GpuFacts | null;
  record: string | null;
  remeasure: boolean;
}

/** The worker's answer: its backend, and the measurement to store (null: keep what is stored). */
export interface Started {
  report: BackendSummary;
  record: string | null;
}

/** A one-key Storage for a worker: seeded with the page's record, read back after start-up. */
export function memoryStore(initial: string | null): Pick<Storage, 'getItem' | 'setItem'> & { written: string | null } {
  let value = initial;
  const store = {
    written: null as string | null,
    getItem: () => value,
    setItem: (_key: string, v: string) => {
      value = v;
      store.written = v;
    },
  };
  return store;
}

const KINDS = ['none', 'software', 'hardware'];
function isFacts(v: unknown): v is GpuFacts {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return KINDS.includes(f.webgpu as string) && KINDS.includes(f.webgl as string);
}

const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export function isStartAsk(v: unknown): v is StartAsk {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (a.override === null || typeof a.override === 'string') && (a.facts === null || isFacts(a.facts)) && (a.record === null || typeof a.record === 'string') && typeof a.remeasure === 'boolean';
}

export function isStarted(v: unknown): v is Started {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  if (!(s.record === null || typeof s.record === 'string')) return false;
  const r = s.report as Record<string, unknown> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    isBackendName(r.backend) &&
    typeof r.why === 'string' &&
    Array.isArray(r.attempts) &&
    isStrList(r.fallbackReasons) &&
    isFacts(r.facts)
  );
}
