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

export type TextRequest =
  | { type: 'load'; backend: string; url: string; tiny: boolean }
  | { type: 'sample'; id: number; spec: TextSampleSpec }
  | { type: 'cancel'; id: number };

export type TextReply =
  | { type: 'loaded'; config: UNetConfig; meta: Record<string, unknown>; backend: string; source: string; isTest: boolean }
  | { type: 'frame'; id: number; frame: TextFrame }
  | { type: 'done'; id: number; x0: Float32Array; tensors: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id?: number; message: string };

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

function startWorker(backend: string, search: string): Promise<TextModel> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./text-worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    type Pending = { onFrame: (f: TextFrame) => void; resolve: (x: Float32Array) => void; reject: (e: Error) => void };
    const pending = new Map<number, Pending>();
    let nextId = 1;
    let loaded = false;
    let lastTensors = 0;
    worker.onerror = (e) => {
      const err = new Error(`text model worker failed: ${e.message || 'unknown error'}`);
      if (!loaded) reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    worker.onmessage = (e: MessageEvent<TextReply>) => {
      const m = e.data;
      if (m.type === 'loaded') {
        loaded = true;
        resolve({
          config: m.config, meta: m.meta, source: m.source, isTest: m.isTest, where: `worker (${m.backend})`,
          tensors: () => lastTensors,
          run(spec, onFrame) {
            const id = nextId++;
            const done = new Promise<Float32Array>((res, rej) => pending.set(id, { onFrame, resolve: res, reject: rej }));
            worker.postMessage({ type: 'sample', id, spec } satisfies TextRequest);
            return { done, cancel: () => worker.postMessage({ type: 'cancel', id } satisfies TextRequest) };
          },
        });
      } else if (m.type === 'frame') {
        pending.get(m.id)?.onFrame(m.frame);
      } else if (m.type === 'done') {
        lastTensors = m.tensors;
        pending.get(m.id)?.resolve(m.x0);
        pending.delete(m.id);
      } else if (m.type === 'cancelled') {
        pending.get(m.id)?.reject(new Error(CANCELLED));
        pending.delete(m.id);
      } else if (m.type === 'error') {
        if (m.id === undefined) {
          if (!loaded) reject(new Error(m.message));
          worker.terminate();
        } else {
          pending.get(m.id)?.reject(new Error(m.message));
          pending.delete(m.id);
        }
      }
    };
    const tiny = modelChoiceFromSearch(search) === 'tiny';
    worker.postMessage({ type: 'load', backend, url: new URL(SHIPPED_TEXT_MODEL_URL, location.href).href, tiny } satisfies TextRequest);
  });
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
