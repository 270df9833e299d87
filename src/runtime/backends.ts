/**
 * Which TF.js backend to try, in which order, and how to say why one was
 * skipped. Pure logic, no TF.js, so it is unit-tested in Node.
 */
export type BackendName = 'webgpu' | 'webgl' | 'cpu';

/** Best first: WebGPU has compute shaders, WebGL emulates them, cpu always works. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'CPU',
};

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_ORDER as readonly string[]).includes(value);
}

export interface BackendPlan {
  order: BackendName[];
  /** Set when the reader asked for a backend by URL. */
  forced?: BackendName;
  /** Set when the URL asked for something we do not know. */
  warning?: string;
}

/**
 * The order to try backends in. A `?backend=` override is tried alone first;
 * if it cannot start we still fall back through the rest, so a bad link never
 * leaves the page without TF.js.
 */
export function planBackends(override: string | null | undefined): BackendPlan {
  if (override == null || override === '') return { order: [...BACKEND_ORDER] };
  const wanted = override.trim().toLowerCase();
  if (!isBackendName(wanted)) {
    return {
      order: [...BACKEND_ORDER],
      warning: `Unknown backend "${override}" in the URL; expected one of ${BACKEND_ORDER.join(', ')}.`,
    };
  }
  return { order: [wanted, ...BACKEND_ORDER.filter((b) => b !== wanted)], forced: wanted };
}

export function backendOverrideFromSearch(search: string): string | null {
  return new URLSearchParams(search).get('backend');
}

/** One line per skipped backend, in the words the badge shows: "WebGPU: no adapter". */
export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  reason?: string;
}

export function describeAttempts(attempts: readonly BackendAttempt[]): string[] {
  return attempts.filter((a) => !a.ok).map((a) => `${BACKEND_LABELS[a.backend]}: ${a.reason ?? 'failed to start'}`);
}

/**
 * Walks the plan with an async probe per backend and keeps every reason.
 * The probe returns null when the backend works, or a short reason.
 */
export async function chooseBackend(
  plan: BackendPlan,
  probe: (backend: BackendName) => Promise<string | null>,
): Promise<{ active: BackendName | null; attempts: BackendAttempt[] }> {
  const attempts: BackendAttempt[] = [];
  for (const backend of plan.order) {
    let reason: string | null;
    try {
      reason = await probe(backend);
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
    }
    attempts.push(reason == null ? { backend, ok: true } : { backend, ok: false, reason });
    if (reason == null) return { active: backend, attempts };
  }
  return { active: null, attempts };
}
