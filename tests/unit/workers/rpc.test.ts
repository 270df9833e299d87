/**
 * The request/reply helper every worker client uses, on a fake worker: each
 * reply reaches its own request, streamed replies reach its listener, errors
 * reject only their request, and a malformed message or a dead worker fails
 * everything pending (nothing hangs). The protocols' guards reject what the
 * other end could not have sent.
 */
import { describe, expect, it } from 'vitest';
import { RequestChannel, serveRequests, type WorkerPort } from '../../../src/workers/rpc';
import { isWorkerReply, isWorkerRequest } from '../../../src/workers/model/protocol';
import { isTextReply, isTextRequest } from '../../../src/workers/text/protocol';
import { isDataReply, isDataRequest } from '../../../src/workers/data/protocol';

type Req = { type: 'ask'; id: number; n: number } | { type: 'note' };
type Rep = { type: 'tick'; id: number } | { type: 'answer'; id: number; v: number } | { type: 'error'; id?: number; message: string };
const isRep = (m: unknown): m is Rep => typeof m === 'object' && m !== null && ['tick', 'answer', 'error'].includes((m as Rep).type);

function fakeWorker() {
  const sent: unknown[] = [];
  let terminated = false;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => sent.push(m),
    terminate: () => (terminated = true),
  };
  const reply = (m: unknown) => port.onmessage!({ data: m } as MessageEvent);
  const channel = new RequestChannel<Req, Rep>(port, {
    name: 'test worker',
    isReply: isRep,
    idOf: (m) => m.id,
    settle: (m) => (m.type === 'tick' ? { kind: 'progress' } : m.type === 'error' ? { kind: 'error', message: m.message } : { kind: 'done', value: m.v }),
  });
  return { port, sent, reply, channel, terminated: () => terminated };
}

describe('RequestChannel', () => {
  it('routes each answer to its own request, in any order, and streams progress to its listener', async () => {
    const w = fakeWorker();
    const ticks: number[] = [];
    const a = w.channel.request<number>((id) => ({ type: 'ask', id, n: 1 }), { onReply: (m) => m.type === 'tick' && ticks.push(m.id) });
    const b = w.channel.request<number>((id) => ({ type: 'ask', id, n: 2 }));
    expect(a.id).not.toBe(b.id);
    expect(w.sent).toEqual([{ type: 'ask', id: a.id, n: 1 }, { type: 'ask', id: b.id, n: 2 }]);
    w.reply({ type: 'tick', id: a.id });
    w.reply({ type: 'answer', id: b.id, v: 20 });
    w.reply({ type: 'tick', id: a.id });
    w.reply({ type: 'answer', id: a.id, v: 10 });
    expect(await a.done).toBe(10);
    expect(await b.done).toBe(20);
    expect(ticks).toEqual([a.id, a.id]);
    expect(w.channel.busy).toBe(0);
  });

  it('an error reply rejects only its request; a late reply is ignored', async () => {
    const w = fakeWorker();
    const a = w.channel.request<number>((id) => ({ type: 'ask', id, n: 1 }));
    const b = w.channel.request<number>((id) => ({ type: 'ask', id, n: 2 }));
    w.reply({ type: 'error', id: a.id, message: 'bad input' });
    await expect(a.done).rejects.toThrow('bad input');
    w.reply({ type: 'answer', id: a.id, v: 1 });
    w.reply({ type: 'answer', id: b.id, v: 2 });
    expect(await b.done).toBe(2);
    expect(w.channel.dead).toBeNull();
  });

  it('a malformed message fails every pending request and stops the worker', async () => {
    const w = fakeWorker();
    const a = w.channel.request<number>((id) => ({ type: 'ask', id, n: 1 }));
    w.reply({ type: 'nonsense', id: a.id });
    await expect(a.done).rejects.toThrow(/test worker sent a malformed message/);
    expect(w.terminated()).toBe(true);
    await expect(w.channel.request((id) => ({ type: 'ask', id, n: 3 })).done).rejects.toThrow(/malformed/);
  });

  it('an error about the whole worker, or the worker crashing, fails everything pending', async () => {
    const w = fakeWorker();
    const a = w.channel.request<number>((id) => ({ type: 'ask', id, n: 1 }));
    w.reply({ type: 'error', message: 'no backend could start' });
    await expect(a.done).rejects.toThrow('no backend could start');
    const v = fakeWorker();
    const b = v.channel.request<number>((id) => ({ type: 'ask', id, n: 1 }));
    v.port.onerror!({ message: 'boom' } as ErrorEvent);
    await expect(b.done).rejects.toThrow('test worker failed: boom');
  });
});

describe('serveRequests', () => {
  it('hands checked messages to the handler and the rest to onBad', () => {
    const scope = { onmessage: null as ((e: MessageEvent) => void) | null };
    const good: unknown[] = [];
    const bad: unknown[] = [];
    serveRequests(scope, (m): m is { type: 'ok' } => (m as { type?: string })?.type === 'ok', (m) => void good.push(m), (m) => bad.push(m));
    scope.onmessage!({ data: { type: 'ok' } } as MessageEvent);
    scope.onmessage!({ data: { type: 'ko' } } as MessageEvent);
    expect(good).toEqual([{ type: 'ok' }]);
    expect(bad).toEqual([{ type: 'ko' }]);
  });
});

describe('model worker protocols', () => {
  it('accept what the other end sends, reject wrong types and missing fields', () => {
    const eps = { type: 'eps', id: 1, model: 2, x: new Float32Array(4), t: new Int32Array(1), labels: new Int32Array(1), guidance: 2 };
    expect(isWorkerRequest(eps)).toBe(true);
    expect(isWorkerRequest({ ...eps, x: [0, 0, 0, 0] })).toBe(false);
    expect(isWorkerRequest({ ...eps, labels: new Int32Array(2) })).toBe(false);
    expect(isWorkerRequest({ type: 'load', id: 1, backend: 'wasm', url: '/w', tiny: false })).toBe(true);
    expect(isWorkerRequest({ type: 'load', backend: 'wasm', url: '/w', tiny: false })).toBe(false);
    expect(isWorkerReply({ type: 'eps', id: 1, eps: new Float32Array(2), tensors: 3 })).toBe(true);
    expect(isWorkerReply({ type: 'eps', id: 1, eps: [1, 2], tensors: 3 })).toBe(false);
    expect(isWorkerReply({ type: 'error', message: 'x' })).toBe(true);
    expect(isWorkerReply({ type: 'error', id: 'x', message: 'x' })).toBe(false);
    expect(isTextRequest({ type: 'sample', id: 1, spec: { tokens: new Int32Array(4), guidance: [1], seeds: [1], steps: 5 } })).toBe(true);
    expect(isTextRequest({ type: 'sample', id: 1, spec: { tokens: [1], guidance: [1], seeds: [1], steps: 5 } })).toBe(false);
    expect(isTextRequest({ type: 'cancel', id: 4 })).toBe(true);
    expect(isTextReply({ type: 'frame', id: 1, frame: { xt: new Float32Array(1), x0: new Float32Array(1) } })).toBe(true);
    expect(isTextReply({ type: 'done', id: 1, x0: new Float32Array(1) })).toBe(false);
    expect(isTextReply(null)).toBe(false);
  });
});

describe('data worker protocol', () => {
  it('asks for a known data set and split only; takes pixels whose count matches the labels', () => {
    const ask = { type: 'load', id: 1, name: 'mnist', split: 'test', baseUrl: 'http://localhost/data/' };
    expect(isDataRequest(ask)).toBe(true);
    expect(isDataRequest({ ...ask, name: 'cifar' })).toBe(false);
    expect(isDataRequest({ ...ask, split: 'valid' })).toBe(false);
    expect(isDataRequest({ ...ask, baseUrl: undefined })).toBe(false);
    const loaded = { type: 'loaded', id: 1, images: new Uint8Array(2 * 784), labels: new Uint8Array(2) };
    expect(isDataReply(loaded)).toBe(true);
    expect(isDataReply({ ...loaded, labels: new Uint8Array(3) })).toBe(false);
    expect(isDataReply({ ...loaded, images: Array.from(loaded.images) })).toBe(false);
    expect(isDataReply({ type: 'error', id: 1, code: 'download', message: 'HTTP 404' })).toBe(true);
    expect(isDataReply({ type: 'error', id: 1, code: 'no-such-code', message: 'x' })).toBe(false);
  });
});
