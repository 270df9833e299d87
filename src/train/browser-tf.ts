/**
 * TF.js start-up for a Web Worker: the same order and reasons as
 * src/runtime/tf-runtime.ts (webgpu → webgl → cpu, via backends.ts's pure
 * logic), without `document`/`window`: WebGL is probed on an OffscreenCanvas.
 * Also watches the WebGPU device so a lost GPU is reported, not hung on.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { BACKEND_ORDER, chooseBackend, describeAttempts, planBackends, type BackendName } from '../runtime/backends';
import { activateBackend } from '../runtime/tf-backend-check';

export interface WorkerTfReport {
  backend: BackendName;
  fallbackReasons: string[];
  adapterInfo?: string;
}

async function probe(backend: BackendName): Promise<string | null> {
  if (backend === 'webgpu') {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    if (!gpu) return 'not supported here';
    const adapter = await gpu.requestAdapter().catch(() => null);
    if (!adapter) return 'no adapter';
  } else if (backend === 'webgl') {
    if (typeof OffscreenCanvas === 'undefined') return 'no OffscreenCanvas in workers';
    const c = new OffscreenCanvas(1, 1);
    const gl = c.getContext('webgl2');
    if (!gl) return 'no context';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return activateBackend(tf, backend);
}

/**
 * Starts TF.js on the best backend, skipping `exclude` (backends that already
 * failed, e.g. after a lost device).
 */
export async function startWorkerTf(override: string | null, exclude: BackendName[] = []): Promise<WorkerTfReport> {
  const plan = planBackends(override);
  plan.order = plan.order.filter((b) => !exclude.includes(b));
  const { active, attempts } = await chooseBackend(plan, probe);
  const reasons = [...exclude.map((b) => `${b === 'webgpu' ? 'WebGPU' : b === 'webgl' ? 'WebGL' : 'CPU'}: lost earlier`), ...describeAttempts(attempts)];
  if (!active) throw new Error(`No TensorFlow.js backend could start (${reasons.join('; ')}).`);
  let adapterInfo: string | undefined;
  if (active === 'webgpu') {
    const info = (tf.backend() as unknown as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
    adapterInfo = info ? [info.vendor, info.architecture].filter(Boolean).join(' · ') || undefined : undefined;
  }
  return { backend: active, fallbackReasons: reasons, adapterInfo };
}

/** The GPUDevice TF.js' WebGPU backend runs on, when that backend is active. */
export function webgpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GPUDevice }).device ?? null;
}

export function nextBackend(after: BackendName): BackendName | null {
  const i = BACKEND_ORDER.indexOf(after);
  return BACKEND_ORDER[i + 1] ?? null;
}
