/**
 * The model's Web Worker: lessons 1 and 5 run every U-Net call here, so the
 * page's main thread never waits on the network, whatever the backend (even
 * TF.js' cpu backend, which computes synchronously). It speaks a tiny
 * protocol (browser-sampler-client.ts is the other end):
 *   → { type: 'load', model, backend, url | tiny }          ← { type: 'loaded', model, config, meta, backend, source, isTest }
 *   → { type: 'load-bytes', model, backend, bytes, what, source }   (a weight file: the reader's model)
 *   → { type: 'unload', model }
 *   → { type: 'eps', id, model, x, t, labels, guidance }   ← { type: 'eps', id, eps }   (buffers transferred)
 *   ← { type: 'error', id? | model?, message }   (neither: the backend could not start)
 * It holds several models at once, by number, on one backend (started by the first load).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { disposeModel, fetchModel, modelFromBytes, tinyTestModel, type BrowserModel } from './browser-model';
import { predictEpsBatch } from './browser-eps';
import type { WorkerReply, WorkerRequest } from './browser-sampler-client';
import { startWorkerBackend } from './worker-backend';

const models = new Map<number, BrowserModel>();
let backendReady: Promise<string> | null = null;
const post = (m: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  if (m.type === 'load' || m.type === 'load-bytes') {
    let backend: string;
    try {
      backendReady ??= startWorkerBackend(m.backend);
      backend = await backendReady;
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    try {
      const model =
        m.type === 'load-bytes' ? { ...modelFromBytes(m.bytes, m.what), source: m.source } : m.tiny ? tinyTestModel() : await fetchModel(m.url);
      models.set(m.model, model);
      post({ type: 'loaded', model: m.model, config: model.config, meta: model.meta, backend, source: model.source, isTest: model.isTest });
    } catch (err) {
      post({ type: 'error', model: m.model, message: err instanceof Error ? err.message : String(err) });
    }
  } else if (m.type === 'unload') {
    const model = models.get(m.model);
    models.delete(m.model);
    if (model) disposeModel(model);
  } else if (m.type === 'eps') {
    try {
      const model = models.get(m.model);
      if (!model) throw new Error('the model is not loaded (it was replaced by a newer one)');
      const eps = await predictEpsBatch(model.weights, model.config, { x: m.x, t: m.t, labels: m.labels, guidance: m.guidance });
      post({ type: 'eps', id: m.id, eps, tensors: tf.memory().numTensors }, [eps.buffer]);
    } catch (err) {
      post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
};
