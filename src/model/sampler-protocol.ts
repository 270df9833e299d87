/**
 * The messages between the page and the model worker (browser-worker.ts),
 * with a guard for each direction, checked on arrival (src/workers/rpc.ts).
 * A model is known by the id of the request that loaded it.
 *   → load | load-bytes (id)          ← loaded (id) | error (id)
 *   → eps (id, model)                 ← eps (id) | error (id)
 *   → unload (model)
 *   ← error (no id): the worker cannot go on (no backend could start)
 */
import type { UNetConfig } from './config';
import { is } from '../workers/rpc';

export type WorkerRequest =
  | { type: 'load'; id: number; backend: string; url: string; tiny: boolean }
  | { type: 'load-bytes'; id: number; backend: string; bytes: Uint8Array; what: string; source: string }
  | { type: 'unload'; model: number }
  | { type: 'eps'; id: number; model: number; x: Float32Array; t: Int32Array; labels: Int32Array; guidance: number };

export type WorkerReply =
  | { type: 'loaded'; id: number; config: UNetConfig; meta: Record<string, unknown>; backend: string; source: string; isTest: boolean }
  | { type: 'eps'; id: number; eps: Float32Array; tensors: number }
  | { type: 'error'; id?: number; message: string };

export function isWorkerRequest(m: unknown): m is WorkerRequest {
  if (!is.obj(m)) return false;
  switch (m.type) {
    case 'load':
      return is.int(m.id) && is.str(m.backend) && is.str(m.url) && is.bool(m.tiny);
    case 'load-bytes':
      return is.int(m.id) && is.str(m.backend) && is.u8(m.bytes) && is.str(m.what) && is.str(m.source);
    case 'unload':
      return is.int(m.model);
    case 'eps':
      return is.int(m.id) && is.int(m.model) && is.f32(m.x) && is.i32(m.t) && is.i32(m.labels) && m.t.length === m.labels.length && is.num(m.guidance);
    default:
      return false;
  }
}

export function isWorkerReply(m: unknown): m is WorkerReply {
  if (!is.obj(m)) return false;
  switch (m.type) {
    case 'loaded':
      return is.int(m.id) && is.obj(m.config) && is.obj(m.meta) && is.str(m.backend) && is.str(m.source) && is.bool(m.isTest);
    case 'eps':
      return is.int(m.id) && is.f32(m.eps) && is.int(m.tensors);
    case 'error':
      return (m.id === undefined || is.int(m.id)) && is.str(m.message);
    default:
      return false;
  }
}
