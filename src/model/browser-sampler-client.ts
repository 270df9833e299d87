/**
 * The page's side of the model: `PageModel.predict` computes ε̂ for a batch
 * (per-image t and labels, guidance, one network call). It runs in a Web
 * Worker (browser-worker.ts) so that sampling never blocks the page; where a
 * worker cannot start the model, it runs on the main thread instead, one
 * awaited call at a time, and `where` says so.
 *
 * One worker serves the whole page and may hold several models at once, each
 * under a number: the shipped model, and the reader's own model from lesson 4
 * (sent as the bytes of its weight file), so that switching between them and
 * back costs one load each, not a new worker and a new backend.
 */
import type { UNetConfig } from './config';
import { predictEpsBatch, type BatchEpsInput } from './browser-eps';
import { modelChoiceFromSearch, modelFromBytes, pageModel, SHIPPED_MODEL_URL, type BrowserModel } from './browser-model';

export type WorkerRequest =
  | { type: 'load'; model: number; backend: string; url: string; tiny: boolean }
  | { type: 'load-bytes'; model: number; backend: string; bytes: Uint8Array; what: string; source: string }
  | { type: 'unload'; model: number }
  | { type: 'eps'; id: number; model: number; x: Float32Array; t: Int32Array; labels: Int32Array; guidance: number };

export type WorkerReply =
  | { type: 'loaded'; model: number; config: UNetConfig; meta: Record<string, unknown>; backend: string; source: string; isTest: boolean }
  | { type: 'eps'; id: number; eps: Float32Array; tensors: number }
  /** `id`: a failed eps request; `model`: a failed load; neither: the worker cannot go on. */
  | { type: 'error'; id?: number; model?: number; message: string };

/** Which model to load: the shipped one (or ?model=tiny), or a weight file's bytes (the reader's model). */
export type ModelSpec = { kind: 'shipped' } | { kind: 'bytes'; key: string; bytes: Uint8Array; source: string };

export interface PageModel {
  config: UNetConfig;
  meta: Record<string, unknown>;
  /** 'shipped', 'tiny (random, tests only)', or the source a ModelSpec named (e.g. 'yours'). */
  source: string;
  isTest: boolean;
  /** 'worker (webgpu)', or 'main thread (webgl)' when no worker could run it. */
  where: string;
  predict(input: BatchEpsInput): Promise<Float32Array>;
}

type Pending<T> = { resolve: (v: T) => void; reject: (e: Error) => void };

/** The page's one model worker; throws from `start` when no worker can run here. */
class ModelWorker {
  private worker: Worker;
  private nextId = 1;
  private nextModel = 1;
  private eps = new Map<number, Pending<Float32Array>>();
  private loads = new Map<number, Pending<PageModel>>();
  dead: Error | null = null;

  constructor(private backend: string) {
    this.worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onerror = (e) => this.die(new Error(`model worker failed: ${e.message || 'unknown error'}`));
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
  }

  private die(err: Error) {
    this.dead = err;
    for (const p of [...this.eps.values(), ...this.loads.values()]) p.reject(err);
    this.eps.clear();
    this.loads.clear();
    this.worker.terminate();
  }

  private receive(m: WorkerReply) {
    if (m.type === 'loaded') {
      const p = this.loads.get(m.model);
      this.loads.delete(m.model);
      p?.resolve(this.pageModel(m));
    } else if (m.type === 'eps') {
      this.eps.get(m.id)?.resolve(m.eps);
      this.eps.delete(m.id);
    } else if (m.id !== undefined) {
      this.eps.get(m.id)?.reject(new Error(m.message));
      this.eps.delete(m.id);
    } else if (m.model !== undefined) {
      this.loads.get(m.model)?.reject(new Error(m.message));
      this.loads.delete(m.model);
    } else {
      this.die(new Error(m.message));
    }
  }

  private pageModel(m: Extract<WorkerReply, { type: 'loaded' }>): PageModel {
    const model = m.model;
    return {
      config: m.config,
      meta: m.meta,
      source: m.source,
      isTest: m.isTest,
      where: `worker (${m.backend})`,
      predict: (input) => {
        if (this.dead) return Promise.reject(this.dead);
        const id = this.nextId++;
        const n = input.t.length;
        const req: WorkerRequest = {
          type: 'eps',
          id,
          model,
          x: Float32Array.from(input.x),
          t: Int32Array.from(input.t),
          labels: input.labels ? Int32Array.from(input.labels) : new Int32Array(n).fill(m.config.numClasses),
          guidance: input.guidance ?? 1,
        };
        return new Promise<Float32Array>((resolve, reject) => {
          this.eps.set(id, { resolve, reject });
          this.worker.postMessage(req, [req.x.buffer, req.t.buffer, req.labels.buffer]);
        });
      },
    };
  }

  /** Loads a model into the worker; resolves with its handle and number. */
  load(spec: ModelSpec, search: string): { model: number; ready: Promise<PageModel> } {
    const model = this.nextModel++;
    const ready = new Promise<PageModel>((resolve, reject) => {
      if (this.dead) return reject(this.dead);
      this.loads.set(model, { resolve, reject });
      if (spec.kind === 'shipped') {
        const tiny = modelChoiceFromSearch(search) === 'tiny';
        this.worker.postMessage({ type: 'load', model, backend: this.backend, url: new URL(SHIPPED_MODEL_URL, location.href).href, tiny } satisfies WorkerRequest);
      } else {
        // A copy: the caller keeps its bytes, and the copy's buffer moves to the worker.
        const bytes = spec.bytes.slice();
        const req: WorkerRequest = { type: 'load-bytes', model, backend: this.backend, bytes, what: `${spec.source} model`, source: spec.source };
        this.worker.postMessage(req, [bytes.buffer]);
      }
    });
    return { model, ready };
  }

  unload(model: number) {
    if (!this.dead) this.worker.postMessage({ type: 'unload', model } satisfies WorkerRequest);
  }
}

function fromBrowserModel(m: BrowserModel, where: string): PageModel {
  return { config: m.config, meta: m.meta, source: m.source, isTest: m.isTest, where, predict: (input) => predictEpsBatch(m.weights, m.config, input) };
}

async function mainThread(spec: ModelSpec, backend: string, why: string): Promise<PageModel> {
  const where = `main thread (${backend}; no worker: ${why})`;
  if (spec.kind === 'shipped') return fromBrowserModel(await pageModel(), where);
  const m = modelFromBytes(spec.bytes, `${spec.source} model`);
  return fromBrowserModel({ ...m, source: spec.source }, where);
}

let worker: ModelWorker | null = null;
/** Loaded (or loading) models by key: 'shipped', or a ModelSpec's key. */
const models = new Map<string, { ready: Promise<PageModel>; model: number | null }>();

function keyOf(spec: ModelSpec): string {
  return spec.kind === 'shipped' ? 'shipped' : spec.key;
}

/**
 * A model of the page (each loaded once, shared by every widget). `backend` is
 * the one the page's runtime chose (ensureTf), tried first in the worker.
 * `?worker=0` forces the main-thread path. Loading a model of bytes frees the
 * models of bytes loaded before it (a reader has one model of their own; an
 * older save of it is stale), but the shipped model stays, for switching back.
 */
export function loadPageModel(backend: string, search: string = location.search, spec: ModelSpec = { kind: 'shipped' }): Promise<PageModel> {
  const key = keyOf(spec);
  const known = models.get(key);
  if (known) return known.ready;
  let entry: { ready: Promise<PageModel>; model: number | null };
  const noWorker = new URLSearchParams(search).get('worker') === '0';
  if (noWorker) {
    entry = { ready: mainThread(spec, backend, '?worker=0'), model: null };
  } else {
    try {
      if (!worker || worker.dead) worker = new ModelWorker(backend);
      const w = worker;
      const { model, ready } = w.load(spec, search);
      entry = { model, ready: ready.catch((e: unknown) => (w.dead ? mainThread(spec, backend, e instanceof Error ? e.message : String(e)) : Promise.reject(e))) };
    } catch (e) {
      entry = { ready: mainThread(spec, backend, e instanceof Error ? e.message : String(e)), model: null };
    }
  }
  models.set(key, entry);
  entry.ready.then(
    () => {
      if (spec.kind !== 'bytes') return;
      for (const [k, old] of models) {
        if (k === key || k === 'shipped') continue;
        models.delete(k);
        if (old.model !== null) worker?.unload(old.model);
      }
    },
    () => models.get(key) === entry && models.delete(key),
  );
  return entry.ready;
}
