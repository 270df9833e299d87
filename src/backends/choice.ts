/**
 * Which TF.js backend runs the models, as pure logic (no TF.js, no DOM), so
 * that every rule is unit-tested in Node. One order, one decision and one
 * list of reasons for the page, its workers and the benches.
 *
 * The rules: a software GPU (a WebGPU fallback adapter, a WebGL renderer that
 * is SwiftShader or llvmpipe) or no GPU at all means wasm with the project's
 * kernels, which beats an emulated GPU by far on a CPU. With a real GPU the
 * answer depends on the GPU and the model's size, so it is measured: one
 * U-Net forward pass per candidate, the fastest wins, and the result is kept
 * per browser. `?backend=` forces one.
 */
import { m } from '../i18n/messages';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Every backend, best first when nothing is known: a GPU, then wasm, then plain JavaScript. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'wasm',
  get cpu() {
    return m.backend_cpu_label();
  },
};

/** The words the badge and the lab show, from the message catalogues (messages/<locale>.json). */
export const BACKEND_TEXT = {
  get forced() { return m.backend_forced(); },
  get noGpu() { return m.backend_no_gpu(); },
  get measured() { return m.backend_measured(); },
  get measuredCached() { return m.backend_measured_cached(); },
  get notMeasured() { return m.backend_not_measured(); },
  get softwareWebgpu() { return m.backend_software_webgpu(); },
  get softwareWebgl() { return m.backend_software_webgl(); },
  get noAdapter() { return m.backend_no_adapter(); },
  get noContext() { return m.backend_no_context(); },
  get noWebgpu() { return m.backend_no_webgpu(); },
  get needsHttps() { return m.backend_needs_https(); },
  get lostEarlier() { return m.backend_lost_earlier(); },
  get slower() { return m.backend_slower(); },
  unknownOverride: (value: string) => m.backend_unknown_override({ value, expected: BACKEND_ORDER.join(', ') }),
} as const;

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_ORDER as readonly string[]).includes(value);
}

export function backendOverrideFromSearch(search: string): string | null {
  return new URLSearchParams(search).get('backend');
}

/** What a GPU API offers: nothing, an emulation on the CPU, or real hardware. */
export type GpuKind = 'none' | 'software' | 'hardware';

export interface GpuFacts {
  webgpu: GpuKind;
  /** The adapter's own words (vendor · architecture · description), or why there is none. */
  webgpuName?: string;
  webgl: GpuKind;
  /** The WebGL renderer string, or why there is none. */
  webglName?: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|lavapipe|software rasterizer|microsoft basic render/i;

/** True for a renderer or adapter string that names a CPU emulation of a GPU. */
export function isSoftwareRenderer(name: string | null | undefined): boolean {
  return !!name && SOFTWARE_RENDERER.test(name);
}

/** A WebGPU adapter's kind, from what it says of itself (`isFallbackAdapter`, or its names). */
export function webgpuKind(adapter: { isFallbackAdapter?: boolean; name?: string } | null): GpuKind {
  if (!adapter) return 'none';
  if (adapter.isFallbackAdapter || isSoftwareRenderer(adapter.name)) return 'software';
  return 'hardware';
}

export function webglKind(renderer: string | null | undefined, hasContext: boolean): GpuKind {
  if (!hasContext) return 'none';
  return isSoftwareRenderer(renderer) ? 'software' : 'hardware';
}

/** One probe result: one U-Net forward pass at the figure's batch, in ms. */
export interface ProbeTiming {
  backend: BackendName;
  ms: number;
}

/** A stored measurement: valid only for the same GPUs and the same probe. */
export interface ProbeRecord {
  key: string;
  timings: ProbeTiming[];
  at: number;
}

export interface Decision {
  /** Backends to start, in order; the first that computes right is kept. */
  order: BackendName[];
  /** Candidates to time before starting (empty: the order is already known). */
  measure: BackendName[];
  /** Why the first of `order` is first, in the badge's words. */
  why: string;
  /** One line per backend left out before anything ran: "WebGPU: software adapter (SwiftShader)". */
  skipped: string[];
  forced?: BackendName;
  warning?: string;
  /** The measurement the order comes from, when it came from the cache. */
  cached?: ProbeTiming[];
}

/**
 * The cache key of a probe: the GPUs it ran on and what it timed. A missing
 * API's name is why it is missing, in the page's language: left out, so that
 * both editions share one measurement.
 */
export function probeKey(facts: GpuFacts, what: string): string {
  const name = (kind: GpuKind, n?: string) => (kind === 'none' ? '' : (n ?? ''));
  return [facts.webgpu, name(facts.webgpu, facts.webgpuName), facts.webgl, name(facts.webgl, facts.webglName), what].join('|');
}

/** Why a GPU API the facts show missing is missing, in the reader's words. */
export function missingReason(facts: GpuFacts, api: 'webgpu' | 'webgl'): string {
  return api === 'webgpu' ? (facts.webgpuName ?? BACKEND_TEXT.noAdapter) : (facts.webglName ?? BACKEND_TEXT.noContext);
}

function gpuNotes(facts: GpuFacts): string[] {
  const out: string[] = [];
  const name = (n?: string) => (n ? ` (${n})` : '');
  if (facts.webgpu === 'none') out.push(`${BACKEND_LABELS.webgpu}: ${missingReason(facts, 'webgpu')}`);
  if (facts.webgpu === 'software') out.push(`${BACKEND_LABELS.webgpu}: ${BACKEND_TEXT.softwareWebgpu}${name(facts.webgpuName)}`);
  if (facts.webgl === 'none') out.push(`${BACKEND_LABELS.webgl}: ${missingReason(facts, 'webgl')}`);
  if (facts.webgl === 'software') out.push(`${BACKEND_LABELS.webgl}: ${BACKEND_TEXT.softwareWebgl}${name(facts.webglName)}`);
  return out;
}

/** Fastest first; ties keep BACKEND_ORDER. Non-finite times (a failed probe) go last. */
export function rankTimings(timings: readonly ProbeTiming[]): ProbeTiming[] {
  const rank = (b: BackendName) => BACKEND_ORDER.indexOf(b);
  return [...timings].sort((a, b) => {
    const fa = Number.isFinite(a.ms);
    const fb = Number.isFinite(b.ms);
    if (fa !== fb) return fa ? -1 : 1;
    return (fa && a.ms !== b.ms ? a.ms - b.ms : 0) || rank(a.backend) - rank(b.backend);
  });
}

/** The start order once the candidates are timed: fastest first, then the rest, cpu last. */
export function orderFromTimings(timings: readonly ProbeTiming[]): BackendName[] {
  const ranked = rankTimings(timings)
    .filter((t) => Number.isFinite(t.ms))
    .map((t) => t.backend);
  return [...ranked, ...(['wasm', 'cpu'] as const).filter((b) => !ranked.includes(b))];
}

/** One line per timed candidate that lost: "WebGL: slower here (41 ms vs 12 ms)". */
export function describeLosers(timings: readonly ProbeTiming[]): string[] {
  const ranked = rankTimings(timings);
  const best = ranked[0];
  if (!best) return [];
  return ranked.slice(1).map((t) =>
    Number.isFinite(t.ms)
      ? `${BACKEND_LABELS[t.backend]}: ${BACKEND_TEXT.slower} (${Math.round(t.ms)} ms vs ${Math.round(best.ms)} ms)`
      : `${BACKEND_LABELS[t.backend]}: the measurement failed`,
  );
}

/**
 * The decision before anything runs. `cached` is the stored measurement for
 * this browser (ignored when its key differs: another GPU or another probe).
 */
export function decideBackend(input: { override?: string | null; facts: GpuFacts; cached?: ProbeRecord | null; probe: string }): Decision {
  const { facts } = input;
  const skipped = gpuNotes(facts);
  const raw = input.override?.trim().toLowerCase() ?? '';
  let warning: string | undefined;
  if (raw) {
    if (isBackendName(raw)) {
      return { order: [raw, ...fallbackOrder(facts).filter((b) => b !== raw)], measure: [], why: BACKEND_TEXT.forced, skipped: [], forced: raw };
    }
    warning = BACKEND_TEXT.unknownOverride(input.override!.trim());
  }
  const gpus = (['webgpu', 'webgl'] as const).filter((b) => facts[b] === 'hardware');
  if (gpus.length === 0) return { order: ['wasm', 'cpu'], measure: [], why: BACKEND_TEXT.noGpu, skipped, warning };
  const key = probeKey(facts, input.probe);
  if (input.cached && input.cached.key === key && input.cached.timings.some((t) => Number.isFinite(t.ms))) {
    const order = orderFromTimings(input.cached.timings);
    return { order, measure: [], why: BACKEND_TEXT.measuredCached, skipped: [...skipped, ...describeLosers(input.cached.timings)], warning, cached: input.cached.timings };
  }
  return { order: [...gpus, 'wasm', 'cpu'], measure: [...gpus, 'wasm'], why: BACKEND_TEXT.measured, skipped, warning };
}

/** Without a measurement: real GPUs first, then wasm, then cpu. */
export function fallbackOrder(facts: GpuFacts): BackendName[] {
  const gpus = (['webgpu', 'webgl'] as const).filter((b) => facts[b] === 'hardware');
  const soft = (['webgpu', 'webgl'] as const).filter((b) => facts[b] === 'software');
  return [...gpus, 'wasm', ...soft, 'cpu'];
}

/** One line per backend that was tried and failed, in the words the badge shows: "WebGPU: no adapter". */
export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  reason?: string;
}

export function describeAttempts(attempts: readonly BackendAttempt[]): string[] {
  return attempts.filter((a) => !a.ok).map((a) => `${BACKEND_LABELS[a.backend]}: ${a.reason ?? 'failed to start'}`);
}

/**
 * Walks an order with an async start per backend and keeps every reason.
 * `start` returns null when the backend works, or a short reason.
 */
export async function walkOrder(
  order: readonly BackendName[],
  start: (backend: BackendName) => Promise<string | null>,
): Promise<{ active: BackendName | null; attempts: BackendAttempt[] }> {
  const attempts: BackendAttempt[] = [];
  for (const backend of order) {
    let reason: string | null;
    try {
      reason = await start(backend);
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
    }
    attempts.push(reason == null ? { backend, ok: true } : { backend, ok: false, reason });
    if (reason == null) return { active: backend, attempts };
  }
  return { active: null, attempts };
}

/** Reads a stored probe record, tolerating anything (another version, hand edits). */
export function parseProbeRecord(text: string | null): ProbeRecord | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<ProbeRecord>;
    if (typeof v.key !== 'string' || !Array.isArray(v.timings) || typeof v.at !== 'number') return null;
    const timings = v.timings.filter(
      (t): t is ProbeTiming => !!t && isBackendName((t as ProbeTiming).backend) && typeof (t as ProbeTiming).ms === 'number',
    );
    return { key: v.key, timings, at: v.at };
  } catch {
    return null;
  }
}

/** No backend could start (or TF.js could not be loaded); `reasons` has one line per backend. */
export class TfUnavailableError extends Error {
  constructor(
    message: string,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = 'TfUnavailableError';
  }
}
