/**
 * The text model's Web Worker (lessons 6–8): it holds the text-scenes model
 * and runs whole sampling runs, posting every step as it goes, so that the
 * page never waits on the network. It speaks the protocol in
 * text-protocol.ts (text-client.ts is the other end).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { fetchModel, type BrowserModel } from '../../model/browser-model';
import { isTextRequest, type TextReply, type TextRequest } from './protocol';
import { serveRequests } from '../rpc';
import { CodedError, failureReply } from '../../failures/failure';
import { tinyTextModel } from '../../model/text-model';
import { sampleTextModel, type TextFrame } from '../../pipelines/text-sampling';
import { startBackend, startWorkerBackend } from '../../backends/model-worker';

let model: BrowserModel | null = null;
const cancelled = new Set<number>();
const post = (m: TextReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function buffers(f: TextFrame): Transferable[] {
  const out: Transferable[] = [f.xt.buffer, f.x0.buffer, f.eps.buffer, f.xPrev.buffer];
  if (f.epsU) out.push(f.epsU.buffer);
  if (f.epsC && f.epsC.buffer !== f.epsU?.buffer) out.push(f.epsC.buffer);
  for (const c of f.cross ?? []) out.push(c.maps.buffer);
  return [...new Set(out)];
}

async function handle(m: TextRequest) {
  try {
    if (m.type === 'start') {
      post({ type: 'started', id: m.id, started: await startBackend(m.ask) });
    } else if (m.type === 'load') {
      const backend = await startWorkerBackend(m.backend);
      model = m.tiny ? tinyTextModel() : await fetchModel(m.url);
      if (!model.config.text) throw new CodedError('model-file', 'this weight file is not a text model');
      post({ type: 'loaded', id: m.id, config: model.config, meta: model.meta, backend, source: model.source, isTest: model.isTest });
    } else if (m.type === 'cancel') {
      cancelled.add(m.id);
    } else if (m.type === 'sample') {
      if (!model) throw new Error('the text model is not loaded');
      const it = sampleTextModel(model, m.spec);
      for (;;) {
        if (cancelled.delete(m.id)) {
          await it.return(new Float32Array(0));
          post({ type: 'cancelled', id: m.id });
          return;
        }
        const r = await it.next();
        if (r.done) {
          post({ type: 'done', id: m.id, x0: r.value, tensors: tf.memory().numTensors }, [r.value.buffer]);
          return;
        }
        post({ type: 'frame', id: m.id, frame: r.value }, buffers(r.value));
      }
    }
  } catch (err) {
    post({ type: 'error', id: m.id, ...failureReply(err) });
  }
}

serveRequests(self as unknown as Worker, isTextRequest, handle, () => post({ type: 'error', code: 'malformed', message: 'malformed request to the text model worker' }));
