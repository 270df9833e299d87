/**
 * The page's side of the text model: `TextModel.run(spec, onFrame)` samples
 * in a Web Worker (text-worker.ts) and calls onFrame at every step, so a
 * widget can draw x_t and the attention maps as they come. Where no worker
 * can start, it runs on the main thread instead, yielding to the page between
 * steps, and `where` says so. One model per page, loaded once.
 */
import * as tf from '@tensorflow/tfjs';
import { fetchModel, modelChoiceFromSearch } from './browser-model';
import type { UNetConfig } from './config';
import { SHIPPED_TEXT_MODEL_URL, tinyTextModel } from './text-model';
import { sampleTextModel, type TextFrame, type TextSampleSpec } from './text-sampling';
import { isTextReply, type TextReply, type TextRequest } from './text-protocol';
import { RequestChannel } from '../workers/rpc';
import { startTfWorker } from '../workers/start-worker';

export type { TextReply, TextRequest } from './text-protocol';

export interface TextRun {
  /** The final images; rejects with Error('cancelled') after cancel(). */
  done: Promise<Float32Array>;
  cancel(): void;
}

export interface TextModel {
  config: UNetConfig;
  meta: Record<string, unknown>;
  source: string;
  isTest: boolean;
  /** 'worker (webgpu)', or 'main thread (…)' when no worker could run it. */
  where: string;
  /** Tensors alive in the model's TF.js after the last finished run (leak checks). */
  tensors(): number;
  run(spec: TextSampleSpec, onFrame: (f: TextFrame) => void): TextRun;
}

const CANCELLED = 'cancelled';

async function startWorker(backend: string, search: string): Promise<TextModel> {
  const worker = startTfWorker('text');
  let lastTensors = 0;
  const channel = new RequestChannel<TextRequest, TextReply>(worker, {
    name: 'text model worker',
    isReply: isTextReply,
    idOf: (m) => m.id,
    settle: (m) => {
      if (m.type === 'frame') return { kind: 'progress' };
      if (m.type === 'error') return { kind: 'error', message: m.message };
      if (m.type === 'cancelled') return { kind: 'error', message: CANCELLED };
      if (m.type === 'done') lastTensors = m.tensors;
      return { kind: 'done', value: m };
    },
  });
  const tiny = modelChoiceFromSearch(search) === 'tiny';
  const loaded = await channel.request<Extract<TextReply, { type: 'loaded' }>>((id) => ({
    type: 'load',
    id,
    backend,
    url: new URL(SHIPPED_TEXT_MODEL_URL, location.href).href,
    tiny,
  })).done.catch((e: unknown) => {
    // A worker that cannot load the model is of no further use.
    channel.fail(e instanceof Error ? e : new Error(String(e)));
    throw e;
  });
  return {
    config: loaded.config, meta: loaded.meta, source: loaded.source, isTest: loaded.isTest, where: `worker (${loaded.backend})`,
    tensors: () => lastTensors,
    run(spec, onFrame) {
      const { id, done } = channel.request<Extract<TextReply, { type: 'done' }>>((id) => ({ type: 'sample', id, spec }), {
        onReply: (m) => m.type === 'frame' && onFrame(m.frame),
      });
      return { done: done.then((m) => m.x0), cancel: () => channel.send({ type: 'cancel', id }) };
    },
  };
}

async function mainThread(backend: string, why: string, search: string): Promise<TextModel> {
  const m = modelChoiceFromSearch(search) === 'tiny' ? tinyTextModel() : await fetchModel(SHIPPED_TEXT_MODEL_URL);
  if (!m.config.text) throw new Error('the shipped text model file is not a text model');
  return {
    config: m.config, meta: m.meta, source: m.source, isTest: m.isTest, where: `main thread (${backend}; no worker: ${why})`,
    tensors: () => tf.memory().numTensors,
    run(spec, onFrame) {
      let stop = false;
      const done = (async () => {
        const it = sampleTextModel(m, spec);
        for (;;) {
          if (stop) {
            await it.return(new Float32Array(0));
            throw new Error(CANCELLED);
          }
          const r = await it.next();
          if (r.done) return r.value;
          onFrame(r.value);
          await new Promise((res) => setTimeout(res, 0));
        }
      })();
      return { done, cancel: () => (stop = true) };
    },
  };
}

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && e.message === CANCELLED;
}

let shared: Promise<TextModel> | null = null;

/** The page's text model (shared by every widget). `?worker=0` forces the main thread; `?model=tiny` the test model. */
export function loadTextModel(backend: string, search: string = location.search): Promise<TextModel> {
  if (shared) return shared;
  const noWorker = new URLSearchParams(search).get('worker') === '0';
  shared = noWorker
    ? mainThread(backend, '?worker=0', search)
    : startWorker(backend, search).catch((e: unknown) => mainThread(backend, e instanceof Error ? e.message : String(e), search));
  shared.catch(() => (shared = null));
  return shared;
}
