/**
 * The page's side of the model: `PageModel.predict` computes ε̂ for a batch
 * (per-image t and labels, guidance, one network call). It runs in a Web
 * Worker (browser-worker.ts) so that sampling never blocks the page; where a
 * worker cannot start the model, it runs on the main thread instead, one
 * awaited call at a time, and `where` says so.
 */
import type { UNetConfig } from './config';
import { predictEpsBatch, type BatchEpsInput } from './browser-eps';
import { modelChoiceFromSearch, pageModel, SHIPPED_MODEL_URL } from './browser-model';

export type WorkerRequest =
  | { type: 'load'; backend: string; url: string; tiny: boolean }
  | { type: 'eps'; id: number; x: Float32Array; t: Int32Array; labels: Int32Array; guidance: number };

export type WorkerReply =
  | { type: 'loaded'; config: UNetConfig; meta: Record<string, unknown>; backend: string; source: string; isTest: boolean }
  | { type: 'eps'; id: number; eps: Float32Array; tensors: number }
  | { type: 'error'; id?: number; message: string };

export interface PageModel {
  config: UNetConfig;
  meta: Record<string, unknown>;
  source: string;
  isTest: boolean;
  /** 'worker (webgpu)', or 'main thread (webgl)' when no worker could run it. */
  where: string;
  predict(input: BatchEpsInput): Promise<Float32Array>;
}

function startWorker(backend: string, search: string): Promise<PageModel> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const pending = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
    let nextId = 1;
    let loaded = false;
    worker.onerror = (e) => {
      const err = new Error(`model worker failed: ${e.message || 'unknown error'}`);
      if (!loaded) reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'loaded') {
        loaded = true;
        resolve({
          config: m.config,
          meta: m.meta,
          source: m.source,
          isTest: m.isTest,
          where: `worker (${m.backend})`,
          predict(input) {
            const id = nextId++;
            const n = input.t.length;
            const req: WorkerRequest = {
              type: 'eps',
              id,
              x: Float32Array.from(input.x),
              t: Int32Array.from(input.t),
              labels: input.labels ? Int32Array.from(input.labels) : new Int32Array(n).fill(m.config.numClasses),
              guidance: input.guidance ?? 1,
            };
            return new Promise<Float32Array>((res, rej) => {
              pending.set(id, { resolve: res, reject: rej });
              worker.postMessage(req, [req.x.buffer, req.t.buffer, req.labels.buffer]);
            });
          },
        });
      } else if (m.type === 'eps') {
        pending.get(m.id)?.resolve(m.eps);
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
    worker.postMessage({ type: 'load', backend, url: new URL(SHIPPED_MODEL_URL, location.href).href, tiny } satisfies WorkerRequest);
  });
}

async function mainThread(backend: string, why: string): Promise<PageModel> {
  const m = await pageModel();
  return {
    config: m.config,
    meta: m.meta,
    source: m.source,
    isTest: m.isTest,
    where: `main thread (${backend}; no worker: ${why})`,
    predict: (input) => predictEpsBatch(m.weights, m.config, input),
  };
}

let shared: Promise<PageModel> | null = null;

/**
 * The page's one model (loaded once, shared by every widget). `backend` is the
 * one the page's runtime chose (ensureTf), tried first in the worker.
 * `?worker=0` forces the main-thread path.
 */
export function loadPageModel(backend: string, search: string = location.search): Promise<PageModel> {
  if (shared) return shared;
  const noWorker = new URLSearchParams(search).get('worker') === '0';
  shared = (noWorker ? mainThread(backend, '?worker=0') : startWorker(backend, search).catch((e: unknown) => mainThread(backend, e instanceof Error ? e.message : String(e))));
  shared.catch(() => (shared = null));
  return shared;
}
