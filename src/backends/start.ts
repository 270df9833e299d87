/**
 * Starting TF.js in a browser, on the page or in a Web Worker (the same code:
 * nothing here needs `document`). It loads TF.js with its webgpu and wasm
 * backends, registers the project's wasm kernels (so wasm can also train),
 * looks at the GPUs, decides with ./choice.ts, times the candidates when
 * the decision asks for it, and starts the first backend of the order that
 * computes a known answer.
 *
 * The wasm binaries are imported as assets, so the build ships them next to
 * the JavaScript and nothing is fetched from elsewhere. With threads
 * (cross-origin isolated pages: the dev and preview servers send COOP/COEP)
 * TF.js picks the SIMD + threads binary by itself; on a plain static server
 * it runs SIMD on one thread.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmTrainingKernels } from './wasm-kernels';
import {
  BACKEND_LABELS,
  BACKEND_TEXT,
  decideBackend,
  TfUnavailableError,
  describeAttempts,
  describeLosers,
  missingReason,
  orderFromTimings,
  parseProbeRecord,
  probeKey,
  walkOrder,
  type BackendName,
  type GpuFacts,
  type ProbeTiming,
} from './choice';
import { PROBE_STORE_KEY, type BackendSummary } from './report';
import { gpuFacts } from './gpu-facts';

export type Tf = typeof tf;

/** The summary a page shows (./report.ts), with the TF.js it is about. */
export interface BackendReport extends BackendSummary {
  tf: Tf;
}

/** The report without its TF.js, to post to a page. */
export function summarize(r: BackendReport): BackendSummary {
  const { tf: _tf, ...summary } = r;
  return summary;
}

export { TfUnavailableError };

/** Times one U-Net forward on the active backend, in ms (see ./probe.ts); `what` keys the cache. */
export interface Probe {
  what: string;
  run(tf: Tf): Promise<number>;
}

export interface StartOptions {
  /** `?backend=` value, or the backend the page chose (a worker follows its page). */
  override?: string | null;
  /** Backends that failed earlier (a lost GPU device): never tried again. */
  exclude?: BackendName[];
  probe?: Probe;
  /** Where the measurement is kept (localStorage on a page; none in a worker). */
  store?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Measure again even if a measurement is stored. */
  remeasure?: boolean;
  /** What the page saw of its GPUs (a worker starting for its page); looked at here when absent. */
  facts?: GpuFacts | null;
}

export { PROBE_STORE_KEY };

let wasmReady = false;
function prepareWasm() {
  if (wasmReady) return;
  wasmReady = true;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
  });
  registerWasmTrainingKernels();
  if (globalThis.crossOriginIsolated) useEveryCore();
}

/**
 * TF.js' wasm binary caps its thread pool at half of navigator.hardwareConcurrency
 * (it assumes two hyper-threads per core), read once when the module starts:
 * one thread on a 2-core machine, whatever setThreadsCount asks. Take every
 * core, up to 8 (the pool the binary ships), by showing the binary twice the
 * count before it starts. Only this context's navigator changes, and only
 * when threads can run at all (a cross-origin isolated page or worker).
 */
function useEveryCore() {
  const cores = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1));
  setThreadsCount(cores);
  try {
    Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores * 2, configurable: true });
  } catch {
    // A navigator that cannot be shadowed keeps TF.js' own cap: fewer threads, still correct.
  }
}

export { gpuFacts };

/**
 * Returns null when `backend` is active and a small op gives the known answer,
 * or a short reason. TF.js logs its own fallbacks as warnings; callers report
 * the reason themselves, so the warnings are silenced meanwhile.
 */
export async function activateBackend(backend: BackendName): Promise<string | null> {
  if (backend === 'wasm') prepareWasm();
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

function adapterInfo(): string | undefined {
  if (tf.getBackend() !== 'webgpu') return undefined;
  const info = (tf.backend() as unknown as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
  return info ? [info.vendor, info.architecture].filter(Boolean).join(' · ') || undefined : undefined;
}

function wasmThreads(): number | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  try {
    return getThreadsCount();
  } catch {
    return undefined;
  }
}

/** Starts TF.js on the backend the rules and (when asked) a measurement choose. */
export async function startTf(options: StartOptions = {}): Promise<BackendReport> {
  const exclude = options.exclude ?? [];
  const facts = options.facts ?? (await gpuFacts());
  const probeWhat = options.probe?.what ?? 'none';
  const stored = options.remeasure ? null : parseProbeRecord(safeGet(options.store, PROBE_STORE_KEY));
  const decision = decideBackend({ override: options.override, facts, cached: stored, probe: probeWhat });
  let order = decision.order;
  let skipped = decision.skipped;
  let probe: ProbeTiming[] | undefined = decision.cached;
  if (decision.measure.length && options.probe) {
    probe = [];
    for (const b of decision.measure.filter((x) => !exclude.includes(x))) {
      let ms = Number.POSITIVE_INFINITY;
      try {
        if ((await activateBackend(b)) == null) ms = await options.probe.run(tf);
      } catch {
        /* a failed probe ranks last */
      }
      probe.push({ backend: b, ms });
    }
    order = orderFromTimings(probe);
    skipped = [...skipped, ...describeLosers(probe)];
    safeSet(options.store, PROBE_STORE_KEY, JSON.stringify({ key: probeKey(facts, probeWhat), timings: probe, at: Date.now() }));
  }
  order = order.filter((b) => !exclude.includes(b));
  // A GPU API seen missing is not started (TF.js would reuse a backend it started earlier).
  const { active, attempts } = await walkOrder(order, async (b) =>
    (b === 'webgpu' || b === 'webgl') && facts[b] === 'none' ? missingReason(facts, b) : activateBackend(b),
  );
  const reasons = [...exclude.map((b) => `${BACKEND_LABELS[b]}: ${BACKEND_TEXT.lostEarlier}`), ...skipped, ...describeAttempts(attempts)];
  if (!active) throw new TfUnavailableError(`No TensorFlow.js backend could start (${reasons.join('; ')}).`, reasons);
  const first = attempts[0]?.backend;
  return {
    tf,
    backend: active,
    why: active === first ? decision.why : `${BACKEND_LABELS[first!]} could not start`,
    attempts,
    fallbackReasons: reasons,
    probe,
    probeCached: !!decision.cached,
    forced: decision.forced,
    warning: decision.warning,
    adapterInfo: adapterInfo(),
    threads: wasmThreads(),
    facts,
  };
}

/** The GPUDevice TF.js' WebGPU backend runs on, when that backend is active. */
export function webgpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GPUDevice }).device ?? null;
}

function safeGet(store: StartOptions['store'], key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(store: StartOptions['store'], key: string, value: string) {
  try {
    store?.setItem(key, value);
  } catch {
    /* private mode or full: measure again next time */
  }
}
