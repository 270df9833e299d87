/**
 * The model's Web Worker: lessons 1 and 5 run every U-Net call here, so the
 * page's main thread never waits on the network, whatever the backend (even
 * TF.js' cpu backend, which computes synchronously). It speaks the protocol
 * in sampler-protocol.ts (browser-sampler-client.ts is the other end), and
 * holds several models at once, each under the id of the request that loaded
 * it, on one backend (started by the first load).
 */
import * as tf from '@tensorflow/tfjs';
import { disposeModel, fetchModel, modelFromBytes, tinyTestModel, type BrowserModel } from '../../model/browser-model';
import { predictEpsBatch } from '../../model/eps-predictor';
import { isWorkerRequest, type WorkerReply, type WorkerRequest } from './protocol';
import { startBackend, startWorkerBackend } from '../../backends/model-worker';
import { modelSchedule } from '../../model/model-info';
import { oneTrainingStep } from '../../train/one-step';
import { runSmokeTest } from '../../backends/smoke-test';
import { serveRequests } from '../rpc';
import { failureReply } from '../../failures/failure';

const models = new Map<number, BrowserModel>();

/** The model a request names; a request may arrive after a newer model replaced it. */
function loadedModel(id: number) {
  const model = models.get(id);
  if (!model) throw new Error('the model is not loaded (it was replaced by a newer one)');
  return model;
}
const post = (m: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

async function handle(m: WorkerRequest) {
  if (m.type === 'start') {
    try {
      post({ type: 'started', id: m.id, started: await startBackend(m.ask) });
    } catch (err) {
      post({ type: 'error', id: m.id, ...failureReply(err) });
    }
  } else if (m.type === 'load' || m.type === 'load-bytes') {
    let backend: string;
    try {
      backend = await startWorkerBackend(m.backend);
    } catch (err) {
      post({ type: 'error', ...failureReply(err) });
      return;
    }
    try {
      const model =
        m.type === 'load-bytes' ? { ...modelFromBytes(m.bytes, m.what), source: m.source } : m.tiny ? tinyTestModel() : await fetchModel(m.url);
      models.set(m.id, model);
      post({ type: 'loaded', id: m.id, config: model.config, meta: model.meta, backend, source: model.source, isTest: model.isTest });
    } catch (err) {
      post({ type: 'error', id: m.id, ...failureReply(err) });
    }
  } else if (m.type === 'unload') {
    const model = models.get(m.model);
    models.delete(m.model);
    if (model) disposeModel(model);
  } else if (m.type === 'smoke') {
    try {
      await startWorkerBackend(null);
      post({ type: 'smoke', id: m.id, ...(await runSmokeTest(tf)) });
    } catch (err) {
      post({ type: 'error', id: m.id, ...failureReply(err) });
    }
  } else if (m.type === 'one-step') {
    try {
      const model = loadedModel(m.model);
      const result = await oneTrainingStep({ weights: model.weights, config: model.config, schedule: modelSchedule(model.config, model.meta), ...m.step });
      post({ type: 'one-step', id: m.id, result }, [result.eps.buffer, result.xt.buffer, result.epsHat.buffer, result.err.buffer, result.x0Hat.buffer]);
    } catch (err) {
      post({ type: 'error', id: m.id, ...failureReply(err) });
    }
  } else if (m.type === 'eps') {
    try {
      const model = loadedModel(m.model);
      const eps = await predictEpsBatch(model.weights, model.config, { x: m.x, t: m.t, labels: m.labels, guidance: m.guidance });
      post({ type: 'eps', id: m.id, eps, tensors: tf.memory().numTensors }, [eps.buffer]);
    } catch (err) {
      post({ type: 'error', id: m.id, ...failureReply(err) });
    }
  }
}

serveRequests(self as unknown as Worker, isWorkerRequest, handle, (bad) => {
  const id = typeof bad === 'object' && bad && Number.isInteger((bad as { id?: unknown }).id) ? (bad as { id: number }).id : undefined;
  post({ type: 'error', id, code: 'malformed', message: 'malformed request to the model worker' });
});
