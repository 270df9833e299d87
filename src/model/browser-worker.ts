/**
 * The model's Web Worker: lessons 1 and 5 run every U-Net call here, so the
 * page's main thread never waits on the network, whatever the backend (even
 * TF.js' cpu backend, which computes synchronously). It speaks a tiny
 * protocol (browser-sampler-client.ts is the other end):
 *   → { type: 'load', backend, url | tiny }   ← { type: 'loaded', config, meta, backend, source, isTest }
 *   → { type: 'eps', id, x, t, labels, guidance }   ← { type: 'eps', id, eps }   (buffers transferred)
 *   ← { type: 'error', id?, message }
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { fetchModel, tinyTestModel, type BrowserModel } from './browser-model';
import { predictEpsBatch } from './browser-eps';
import type { WorkerReply, WorkerRequest } from './browser-sampler-client';

let model: BrowserModel | null = null;
const post = (m: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

async function startBackend(preferred: string): Promise<string> {
  const order = [preferred, 'webgpu', 'webgl', 'cpu'].filter((b, i, a) => a.indexOf(b) === i && ['webgpu', 'webgl', 'cpu'].includes(b));
  const warn = console.warn;
  console.warn = () => {};
  try {
    for (const b of order) {
      if (b === 'webgpu' && !(navigator as Navigator & { gpu?: unknown }).gpu) continue;
      if (b === 'webgl' && typeof OffscreenCanvas === 'undefined') continue;
      try {
        if (!(await tf.setBackend(b))) continue;
        await tf.ready();
        const probe = tf.tensor1d([1, 2, 3]).square().sum();
        const [v] = await probe.data();
        probe.dispose();
        if (v === 14) return b;
      } catch {
        /* try the next one */
      }
    }
  } finally {
    console.warn = warn;
  }
  throw new Error('no TF.js backend could start in the worker');
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'load') {
      const backend = await startBackend(m.backend);
      model = m.tiny ? tinyTestModel() : await fetchModel(m.url);
      post({ type: 'loaded', config: model.config, meta: model.meta, backend, source: model.source, isTest: model.isTest });
    } else if (m.type === 'eps') {
      if (!model) throw new Error('the model is not loaded');
      const eps = await predictEpsBatch(model.weights, model.config, { x: m.x, t: m.t, labels: m.labels, guidance: m.guidance });
      post({ type: 'eps', id: m.id, eps, tensors: tf.memory().numTensors }, [eps.buffer]);
    }
  } catch (err) {
    post({ type: 'error', id: m.type === 'eps' ? m.id : undefined, message: err instanceof Error ? err.message : String(err) });
  }
};
