/**
 * The messages between the page and the text model's worker (text-worker.ts),
 * with a guard for each direction, checked on arrival (src/workers/rpc.ts).
 *   → start (id)             ← started (id) | error (id): the backend, decided here
 *   → load (id)              ← loaded (id) | error (id)
 *   → sample (id, spec)      ← frame (id) … ← done (id) | cancelled (id) | error (id)
 *   → cancel (id of the sample)
 */
import type { UNetConfig } from '../../model/config';
import type { TextFrame, TextSampleSpec } from '../../pipelines/text-sampling';
import { isStartAsk, isStarted, type StartAsk, type Started } from '../../backends/report';
import { is } from '../rpc';
import { isFailureCode, type FailureCode } from '../../failures/failure-codes';

export type TextRequest =
  | { type: 'start'; id: number; ask: StartAsk }
  | { type: 'load'; id: number; backend: string; url: string; tiny: boolean }
  | { type: 'sample'; id: number; spec: TextSampleSpec }
  | { type: 'cancel'; id: number };

export type TextReply =
  | { type: 'started'; id: number; started: Started }
  | { type: 'loaded'; id: number; config: UNetConfig; meta: Record<string, unknown>; backend: string; source: string; isTest: boolean }
  | { type: 'frame'; id: number; frame: TextFrame }
  | { type: 'done'; id: number; x0: Float32Array; tensors: number }
  | { type: 'cancelled'; id: number }
  /** code: why, for the page to word (src/failures/failure-codes.ts); message: the English detail. */
  | { type: 'error'; id?: number; code?: FailureCode; message: string };

function isSpec(s: unknown): s is TextSampleSpec {
  return is.obj(s) && is.i32(s.tokens) && is.obj(s.guidance) && is.obj(s.seeds) && is.int(s.steps);
}

export function isTextRequest(m: unknown): m is TextRequest {
  if (!is.obj(m) || !is.int(m.id)) return false;
  switch (m.type) {
    case 'start':
      return isStartAsk(m.ask);
    case 'load':
      return is.str(m.backend) && is.str(m.url) && is.bool(m.tiny);
    case 'sample':
      return isSpec(m.spec);
    case 'cancel':
      return true;
    default:
      return false;
  }
}

export function isTextReply(m: unknown): m is TextReply {
  if (!is.obj(m)) return false;
  switch (m.type) {
    case 'started':
      return is.int(m.id) && isStarted(m.started);
    case 'loaded':
      return is.int(m.id) && is.obj(m.config) && is.obj(m.meta) && is.str(m.backend) && is.str(m.source) && is.bool(m.isTest);
    case 'frame':
      return is.int(m.id) && is.obj(m.frame) && is.f32(m.frame.xt) && is.f32(m.frame.x0);
    case 'done':
      return is.int(m.id) && is.f32(m.x0) && is.int(m.tensors);
    case 'cancelled':
      return is.int(m.id);
    case 'error':
      return (m.id === undefined || is.int(m.id)) && (m.code === undefined || isFailureCode(m.code)) && is.str(m.message);
    default:
      return false;
  }
}
