/**
 * The page asks a worker to start TF.js and gets back what the badge shows
 * and what to store: both directions are checked on arrival, and the
 * worker's stand-in for localStorage hands back only what was measured.
 */
import { describe, expect, it } from 'vitest';
import { isStartAsk, isStarted, memoryStore } from '../../../src/backends/report';
import { isWorkerReply, isWorkerRequest } from '../../../src/workers/model/protocol';
import { isTextRequest } from '../../../src/workers/text/protocol';

const summary = { backend: 'wasm', why: 'no hardware GPU', attempts: [{ backend: 'wasm', ok: true }], fallbackReasons: ['WebGPU: no adapter'], facts: { webgpu: 'none', webgl: 'software' } };

describe('starting a backend in a worker', () => {
  it('the stored measurement goes in, and a new one comes back only if the worker measured', () => {
    const store = memoryStore('{"old":1}');
    expect(store.getItem('k')).toBe('{"old":1}');
    expect(store.written).toBeNull();
    store.setItem('k', '{"new":2}');
    expect(store.getItem('k')).toBe('{"new":2}');
    expect(store.written).toBe('{"new":2}');
  });

  it('checks the request and the answer', () => {
    expect(isStartAsk({ override: null, facts: null, record: null, remeasure: false })).toBe(true);
    expect(isStartAsk({ override: null, facts: { webgpu: 'software', webgl: 'none' }, record: null, remeasure: false })).toBe(true);
    expect(isStartAsk({ override: null, facts: { webgpu: 'fast' }, record: null, remeasure: false })).toBe(false);
    expect(isStartAsk({ override: 'wasm', facts: null, record: 7, remeasure: false })).toBe(false);
    expect(isStarted({ report: summary, record: null })).toBe(true);
    expect(isStarted({ report: { ...summary, backend: 'tpu' }, record: null })).toBe(false);
    expect(isStarted({ report: { ...summary, fallbackReasons: [1] }, record: null })).toBe(false);
    expect(isStarted({ report: summary })).toBe(false);
  });

  it('both model workers speak it, and lesson 4’s step is checked too', () => {
    const ask = { override: null, facts: null, record: null, remeasure: true };
    expect(isWorkerRequest({ type: 'start', id: 1, ask })).toBe(true);
    expect(isTextRequest({ type: 'start', id: 1, ask })).toBe(true);
    expect(isWorkerRequest({ type: 'start', id: 1, ask: {} })).toBe(false);
    expect(isWorkerReply({ type: 'started', id: 1, started: { report: summary, record: '{}' } })).toBe(true);
    const step = { x0: new Float32Array(4), label: null, t: 10, seed: 1 };
    expect(isWorkerRequest({ type: 'one-step', id: 2, model: 1, step })).toBe(true);
    expect(isWorkerRequest({ type: 'one-step', id: 2, model: 1, step: { ...step, x0: [0, 0] } })).toBe(false);
    expect(isWorkerRequest({ type: 'one-step', id: 2, model: 1, step: { ...step, t: 1.5 } })).toBe(false);
  });
});
