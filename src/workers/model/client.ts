/**
 * The page's side of the model: `PageModel.predict` computes ε̂ for a batch
 * (per-image t and labels, guidance, one network call). It runs in a Web
 * Worker (browser-worker.ts) so that sampling never blocks the page, and so
 * that the page never loads TF.js itself: the worker also decides the
 * backend (`startModelBackend`, for the page's runtime and badge).
 *
 * One worker serves the whole page and may hold several models at once, each
 * under a number: the shipped model, and the reader's own model from lesson 4
 * (sent as the bytes of its weight file), so that switching between them and
 * back costs one load each, not a new worker and a new backend.
 */
import type { UNetConfig } from '../../model/config';
import type { BatchEpsInput } from '../../model/eps-predictor';
import { modelChoiceFromSearch, SHIPPED_MODEL_URL } from '../../model/shipped';
import { isWorkerReply, type OneStepAsk, type WorkerReply, type WorkerRequest } from './protocol';
import type { StartAsk, Started } from '../../backends/report';
import type { OneStepResult } from '../../train/one-step';
import { RequestChannel } from '../rpc';
import { startTfWorker } from '../start-worker';

export type { WorkerReply, WorkerRequest } from './protocol';

/** Which model to load: the shipped one (or ?model=tiny), or a weight file's bytes (the reader's model). */
export type ModelSpec = { kind: 'shipped' } | { kind: 'bytes'; key: string; bytes: Uint8Array; source: string };

export interface PageModel {
  config: UNetConfig;
  meta: Record<string, unknown>;
  /** 'shipped', 'tiny (random, tests only)', or the source a ModelSpec named (e.g. 'yours'). */
  source: string;
  isTest: boolean;
  /** 'worker (webgpu)'. */
  where: string;
  predict(input: BatchEpsInput): Promise<Float32Array>;
  /** Lesson 4's one training step, taken apart, with the schedule the model's weights name. */
  oneStep(step: OneStepAsk): Promise<OneStepResult>;
}

/** The page's one model worker; throws from its constructor when no worker can run here. */
class ModelWorker {
  private channel: RequestChannel<WorkerRequest, WorkerReply>;

  constructor() {
    const worker = startTfWorker('model');
    this.channel = new RequestChannel(worker, {
      name: 'model worker',
      isReply: isWorkerReply,
      idOf: (m) => m.id,
      settle: (m) => (m.type === 'error' ? { kind: 'error', message: m.message, code: m.code } : { kind: 'done', value: m }),
    });
  }

  get dead(): Error | null {
    return this.channel.dead;
  }

  private pageModel(m: Extract<WorkerReply, { type: 'loaded' }>): PageModel {
    const model = m.id;
    return {
      config: m.config,
      meta: m.meta,
      source: m.source,
      isTest: m.isTest,
      where: `worker (${m.backend})`,
      predict: async (input) => {
        const n = input.t.length;
        const reply = await this.channel.request<Extract<WorkerReply, { type: 'eps' }>>(
          (id) => ({
            type: 'eps',
            id,
            model,
            x: Float32Array.from(input.x),
            t: Int32Array.from(input.t),
            labels: input.labels ? Int32Array.from(input.labels) : new Int32Array(n).fill(m.config.numClasses),
            guidance: input.guidance ?? 1,
          }),
          { transfer: (r) => (r.type === 'eps' ? [r.x.buffer, r.t.buffer, r.labels.buffer] : []) },
        ).done;
        return reply.eps;
      },
      oneStep: async (step) => {
        const reply = await this.channel.request<Extract<WorkerReply, { type: 'one-step' }>>((id) => ({ type: 'one-step', id, model, step: { ...step, x0: Float32Array.from(step.x0) } }), {
          transfer: (r) => (r.type === 'one-step' ? [r.step.x0.buffer] : []),
        }).done;
        return reply.result;
      },
    };
  }

  smoke(): Promise<{ values: number[]; ok: boolean; ms: number }> {
    return this.channel.request<Extract<WorkerReply, { type: 'smoke' }>>((id) => ({ type: 'smoke', id })).done;
  }

  /** Starts the worker's backend (the decision is made there); resolves with what the page shows and stores. */
  start(ask: StartAsk): Promise<Started> {
    return this.channel.request<Extract<WorkerReply, { type: 'started' }>>((id) => ({ type: 'start', id, ask })).done.then((m) => m.started);
  }

  /** Loads a model into the worker; resolves with its handle and number. */
  load(spec: ModelSpec, search: string, backend: string): { model: number; ready: Promise<PageModel> } {
    const { id, done } =
      spec.kind === 'shipped'
        ? this.channel.request<Extract<WorkerReply, { type: 'loaded' }>>((id) => ({
            type: 'load',
            id,
            backend,
            url: new URL(SHIPPED_MODEL_URL, location.href).href,
            tiny: modelChoiceFromSearch(search) === 'tiny',
          }))
        : // A copy: the caller keeps its bytes, and the copy's buffer moves to the worker.
          this.channel.request<Extract<WorkerReply, { type: 'loaded' }>>(
            (id) => ({ type: 'load-bytes', id, backend, bytes: spec.bytes.slice(), what: `${spec.source} model`, source: spec.source }),
            { transfer: (r) => (r.type === 'load-bytes' ? [r.bytes.buffer] : []) },
          );
    return { model: id, ready: done.then((m) => this.pageModel(m)) };
  }

  unload(model: number) {
    this.channel.send({ type: 'unload', model });
  }
}

let worker: ModelWorker | null = null;

function modelWorker(): ModelWorker {
  if (!worker || worker.dead) worker = new ModelWorker();
  return worker;
}

/** The system check's small op with a known answer, computed on the model worker's backend. */
export function modelWorkerSmokeTest(): Promise<{ values: number[]; ok: boolean; ms: number }> {
  return modelWorker().smoke();
}

/** Starts TF.js in the page's model worker: the page's runtime passes this to ensureTf. */
export function startModelBackend(ask: StartAsk): Promise<Started> {
  return modelWorker().start(ask);
}
/** Loaded (or loading) models by key: 'shipped', or a ModelSpec's key. */
const models = new Map<string, { ready: Promise<PageModel>; model: number | null }>();

function keyOf(spec: ModelSpec): string {
  return spec.kind === 'shipped' ? 'shipped' : spec.key;
}

/**
 * A model of the page (each loaded once, shared by every widget). `backend` is
 * the one the page's runtime chose (ensureTf), tried first in the worker.
 * Loading a model of bytes frees the models of bytes loaded before it (a
 * reader has one model of their own; an older save of it is stale), but the
 * shipped model stays, for switching back.
 */
export function loadPageModel(backend: string, search: string = location.search, spec: ModelSpec = { kind: 'shipped' }): Promise<PageModel> {
  const key = keyOf(spec);
  const known = models.get(key);
  if (known) return known.ready;
  let entry: { ready: Promise<PageModel>; model: number | null };
  try {
    const { model, ready } = modelWorker().load(spec, search, backend);
    entry = { model, ready };
  } catch (e) {
    entry = { ready: Promise.reject(e instanceof Error ? e : new Error(String(e))), model: null };
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
