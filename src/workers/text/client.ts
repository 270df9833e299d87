/**
 * The page's side of the text model: `TextModel.run(spec, onFrame)` samples
 * in a Web Worker (text-worker.ts) and calls onFrame at every step, so a
 * widget can draw x_t and the attention maps as they come. The worker also
 * decides the backend (`startTextBackend`, for the page's runtime and
 * badge), so the page never loads TF.js itself. One model per page, loaded
 * once.
 */
import type { UNetConfig } from '../../model/config';
import { modelChoiceFromSearch, SHIPPED_TEXT_MODEL_URL } from '../../model/shipped';
import type { TextFrame, TextSampleSpec } from '../../pipelines/text-sampling';
import { isTextReply, type TextReply, type TextRequest } from './protocol';
import type { StartAsk, Started } from '../../backends/report';
import { RequestChannel } from '../rpc';
import { startTfWorker } from '../start-worker';

export type { TextReply, TextRequest } from './protocol';

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
  /** 'worker (webgpu)'. */
  where: string;
  /** Tensors alive in the model's TF.js after the last finished run (leak checks). */
  tensors(): number;
  run(spec: TextSampleSpec, onFrame: (f: TextFrame) => void): TextRun;
}

const CANCELLED = 'cancelled';

let lastTensors = 0;
let channel: RequestChannel<TextRequest, TextReply> | null = null;

/** The page's one text worker (a new one after a failure). */
function textChannel(): RequestChannel<TextRequest, TextReply> {
  if (channel && !channel.dead) return channel;
  channel = new RequestChannel<TextRequest, TextReply>(startTfWorker('text'), {
    name: 'text model worker',
    isReply: isTextReply,
    idOf: (m) => m.id,
    settle: (m) => {
      if (m.type === 'frame') return { kind: 'progress' };
      if (m.type === 'error') return { kind: 'error', message: m.message, code: m.code };
      if (m.type === 'cancelled') return { kind: 'error', message: CANCELLED };
      if (m.type === 'done') lastTensors = m.tensors;
      return { kind: 'done', value: m };
    },
  });
  return channel;
}

/** Starts TF.js in the page's text worker: the page's runtime passes this to ensureTf. */
export function startTextBackend(ask: StartAsk): Promise<Started> {
  return textChannel()
    .request<Extract<TextReply, { type: 'started' }>>((id) => ({ type: 'start', id, ask }))
    .done.then((m) => m.started);
}

async function startWorker(backend: string, search: string): Promise<TextModel> {
  const channel = textChannel();
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

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && e.message === CANCELLED;
}

let shared: Promise<TextModel> | null = null;

/** The page's text model (shared by every widget). `?model=tiny` the test model. */
export function loadTextModel(backend: string, search: string = location.search): Promise<TextModel> {
  if (shared) return shared;
  shared = startWorker(backend, search);
  shared.catch(() => (shared = null));
  return shared;
}
