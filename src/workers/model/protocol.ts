/**
 * The messages between the page and the model worker (browser-worker.ts),
 * with a guard for each direction, checked on arrival (src/workers/rpc.ts).
 * A model is known by the id of the request that loaded it.
 *   → start (id)                      ← started (id) | error (id): the backend, decided here
 *   → load | load-bytes (id)          ← loaded (id) | error (id)
 *   → smoke (id)                      ← smoke (id): a small op with a known answer (system check)
 *   → one-step (id, model)            ← one-step (id) | error (id): lesson 4's step, taken apart
 *   → eps (id, model)                 ← eps (id) | error (id)
 *   → unload (model)
 *   ← error (no id): the worker cannot go on (no backend could start)
 */
import type { UNetConfig } from '../../model/config';
import { isStartAsk, isStarted, type StartAsk, type Started } from '../../backends/report';
import type { OneStepResult } from '../../train/one-step';
import { is } from '../rpc';
import { isFailureCode, type FailureCode } from '../../failures/failure-codes';

/** Lesson 4's one training step, on a loaded model (its schedule read from its weights). */
export interface OneStepAsk {
  x0: Float32Array;
  /** null = label dropped. */
  label: number | null;
  t: number;
  seed: number;
}

export type WorkerRequest =
  | { type: 'start'; id: number; ask: StartAsk }
  | { type: 'one-step'; id: number; model: number; step: OneStepAsk }
  | { type: 'smoke'; id: number }
  | { type: 'load'; id: number; backend: string; url: string; tiny: boolean }
  | { type: 'load-bytes'; id: number; backend: string; bytes: Uint8Array; what: string; source: string }
  | { type: 'unload'; model: number }
  | { type: 'eps'; id: number; model: number; x: Float32Array; t: Int32Array; labels: Int32Array; guidance: number };

export type WorkerReply =
  | { type: 'started'; id: number; started: Started }
  | { type: 'one-step'; id: number; result: OneStepResult }
  | { type: 'smoke'; id: number; values: number[]; ok: boolean; ms: number }
  | { type: 'loaded'; id: number; config: UNetConfig; meta: Record<string, unknown>; backend: string; source: string; isTest: boolean }
  | { type: 'eps'; id: number; eps: Float32Array; tensors: number }
  /** code: why, for the page to word (src/failures/failure-codes.ts); message: the English detail. */
  | { type: 'error'; id?: number; code?: FailureCode; message: string };

export function isWorkerRequest(m: unknown): m is WorkerRequest {
  if (!is.obj(m)) return false;
  switch (m.type) {
    case 'start':
      return is.int(m.id) && isStartAsk(m.ask);
    case 'smoke':
      return is.int(m.id);
    case 'one-step': {
      const st = m.step as Record<string, unknown> | null;
      return is.int(m.id) && is.int(m.model) && is.obj(st) && is.f32(st.x0) && (st.label === null || is.int(st.label)) && is.int(st.t) && is.int(st.seed);
    }
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
    case 'started':
      return is.int(m.id) && isStarted(m.started);
    case 'smoke':
      return is.int(m.id) && Array.isArray(m.values) && m.values.every(is.num) && is.bool(m.ok) && is.num(m.ms);
    case 'one-step': {
      const r = m.result as Record<string, unknown> | null;
      return is.int(m.id) && is.obj(r) && is.f32(r.eps) && is.f32(r.xt) && is.f32(r.epsHat) && is.f32(r.err) && r.x0Hat instanceof Float64Array && is.num(r.mse) && is.num(r.weight);
    }
    case 'loaded':
      return is.int(m.id) && is.obj(m.config) && is.obj(m.meta) && is.str(m.backend) && is.str(m.source) && is.bool(m.isTest);
    case 'eps':
      return is.int(m.id) && is.f32(m.eps) && is.int(m.tensors);
    case 'error':
      return (m.id === undefined || is.int(m.id)) && (m.code === undefined || isFailureCode(m.code)) && is.str(m.message);
    default:
      return false;
  }
}
