/**
 * One small request/reply helper for every Web Worker of the site, the way
 * src/workers/training/protocol.ts talks: each message is checked on arrival by a type
 * guard, and a bad one is reported instead of half-handled.
 *
 * Page side: `RequestChannel` numbers each request, keeps its pending
 * promise, passes streamed replies (progress, frames) to the request's
 * listener, settles it on its final reply, and fails every pending request
 * at once when the worker dies. Worker side: `serveRequests` checks each
 * incoming message and hands good ones to the worker's handler.
 *
 * Every request and every reply that answers one carries `id`; a reply
 * without one is about the whole worker (it could not start).
 */

import { CodedError, type FailureCode } from '../failures/failure-codes';

/** What the page needs of a Worker (a MessagePort-like object in tests). */
export interface WorkerPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror?: ((e: ErrorEvent) => void) | null;
  terminate?(): void;
}

/** How a reply bears on its request. */
export type Settlement = { kind: 'progress' } | { kind: 'done'; value: unknown } | { kind: 'error'; message: string; code?: FailureCode };

/** A worker's error as the page's: with its failure code when it sent one, so the page can word it. */
function replyError(s: { message: string; code?: FailureCode }): Error {
  return s.code && s.code !== 'unexpected' ? new CodedError(s.code, s.message) : new Error(s.message);
}

export interface ChannelProtocol<Reply> {
  /** Type guard for everything the worker sends. */
  isReply(m: unknown): m is Reply;
  /** The request a reply answers; undefined for a reply about the whole worker. */
  idOf(m: Reply): number | undefined;
  settle(m: Reply): Settlement;
  /** Said when the worker fails: "model worker". */
  name: string;
}

type Pending<Reply> = { resolve: (v: unknown) => void; reject: (e: Error) => void; onReply?: (m: Reply) => void };

export class RequestChannel<Req, Reply> {
  private pending = new Map<number, Pending<Reply>>();
  private nextId = 1;
  /** Set once the worker has failed; every later request rejects with it. */
  dead: Error | null = null;

  constructor(
    private port: WorkerPort,
    private protocol: ChannelProtocol<Reply>,
  ) {
    port.onmessage = (e) => this.receive(e.data);
    port.onerror = (e) => this.fail(new Error(`${protocol.name} failed: ${e.message || 'unknown error'}`));
  }

  /**
   * Sends a request made for a fresh id; resolves with its final reply's
   * value. `onReply` sees every reply to it, streamed ones included.
   */
  request<T>(make: (id: number) => Req, opts: { transfer?: (req: Req) => Transferable[]; onReply?: (m: Reply) => void } = {}): { id: number; done: Promise<T> } {
    const id = this.nextId++;
    const done = new Promise<T>((resolve, reject) => {
      if (this.dead) return reject(this.dead);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onReply: opts.onReply });
      const req = make(id);
      try {
        this.port.postMessage(req, opts.transfer?.(req) ?? []);
      } catch (e) {
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    return { id, done };
  }

  /** A message that expects no answer (cancel, unload). */
  send(message: Req, transfer: Transferable[] = []): void {
    if (!this.dead) this.port.postMessage(message, transfer);
  }

  get busy(): number {
    return this.pending.size;
  }

  private receive(data: unknown) {
    if (!this.protocol.isReply(data)) {
      this.fail(new Error(`${this.protocol.name} sent a malformed message: ${preview(data)}`));
      return;
    }
    const id = this.protocol.idOf(data);
    const s = this.protocol.settle(data);
    if (id === undefined) {
      if (s.kind === 'error') this.fail(replyError(s));
      return;
    }
    const p = this.pending.get(id);
    if (!p) return; // a late reply to a request given up on
    p.onReply?.(data);
    if (s.kind === 'progress') return;
    this.pending.delete(id);
    if (s.kind === 'done') p.resolve(s.value);
    else p.reject(replyError(s));
  }

  /** Rejects every pending request and stops the worker. */
  fail(err: Error): void {
    if (this.dead) return;
    this.dead = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.port.terminate?.();
  }
}

/** Worker side: every incoming message is checked; a bad one gets `onBad`, a good one `handle`. */
export function serveRequests<Req>(
  scope: { onmessage: ((e: MessageEvent) => void) | null },
  isRequest: (m: unknown) => m is Req,
  handle: (m: Req) => void | Promise<void>,
  onBad: (m: unknown) => void,
): void {
  scope.onmessage = (e) => {
    if (!isRequest(e.data)) onBad(e.data);
    else void handle(e.data);
  };
}

function preview(m: unknown): string {
  try {
    return JSON.stringify(m)?.slice(0, 80) ?? String(m);
  } catch {
    return String(m);
  }
}

/** Small guards the protocols share. */
export const is = {
  obj: (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null,
  str: (v: unknown): v is string => typeof v === 'string',
  int: (v: unknown): v is number => Number.isInteger(v),
  num: (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v),
  bool: (v: unknown): v is boolean => typeof v === 'boolean',
  f32: (v: unknown): v is Float32Array => v instanceof Float32Array,
  i32: (v: unknown): v is Int32Array => v instanceof Int32Array,
  u8: (v: unknown): v is Uint8Array => v instanceof Uint8Array,
};
