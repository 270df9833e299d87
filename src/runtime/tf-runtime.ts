/**
 * Starts TF.js on the best backend the browser has. TF.js is imported
 * dynamically so that a page showing no model never downloads it.
 */
import {
  BACKEND_LABELS,
  chooseBackend,
  describeAttempts,
  planBackends,
  type BackendAttempt,
  type BackendName,
} from './backends';
import { activateBackend } from './tf-backend-check';

export type Tf = typeof import('@tensorflow/tfjs');

export interface RuntimeReport {
  tf: Tf;
  backend: BackendName;
  attempts: BackendAttempt[];
  /** Why better backends were skipped, e.g. ["WebGPU: no adapter"]. */
  fallbackReasons: string[];
  forced?: BackendName;
  warning?: string;
  /** What the adapter says of itself, when WebGPU is active. */
  adapterInfo?: string;
}

export class TfUnavailableError extends Error {
  constructor(
    message: string,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = 'TfUnavailableError';
  }
}

async function loadTf(): Promise<Tf> {
  const [tf] = await Promise.all([import('@tensorflow/tfjs'), import('@tensorflow/tfjs-backend-webgpu')]);
  return tf;
}

async function probeWebgpu(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return window.isSecureContext ? 'not supported by this browser' : 'needs a secure (https) page';
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return 'no adapter';
  return null;
}

function probeWebgl(): string | null {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return 'no context';
  if (gl.isContextLost()) return 'context lost';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return null;
}

async function adapterDescription(): Promise<string | undefined> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  const adapter = await gpu?.requestAdapter().catch(() => null);
  if (!adapter) return undefined;
  const info = adapter.info;
  const parts = [info?.vendor, info?.architecture, info?.description].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

export async function startTf(override: string | null = null): Promise<RuntimeReport> {
  const plan = planBackends(override);
  let tf: Tf;
  try {
    tf = await loadTf();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TfUnavailableError(`TensorFlow.js could not be loaded: ${why}`, [why]);
  }
  const { active, attempts } = await chooseBackend(plan, async (backend) => {
    const pre = backend === 'webgpu' ? await probeWebgpu() : backend === 'webgl' ? probeWebgl() : null;
    if (pre) return pre;
    return activateBackend(tf, backend);
  });
  const reasons = describeAttempts(attempts);
  if (!active) {
    throw new TfUnavailableError(`No TensorFlow.js backend could start (${reasons.join('; ')}).`, reasons);
  }
  return {
    tf,
    backend: active,
    attempts,
    fallbackReasons: reasons,
    forced: plan.forced,
    warning: plan.warning,
    adapterInfo: active === 'webgpu' ? await adapterDescription() : undefined,
  };
}

export function backendLabel(name: BackendName): string {
  return BACKEND_LABELS[name];
}
