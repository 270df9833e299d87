import { describe, expect, it } from 'vitest';
import type { TextModel } from '../../../../src/workers/text/client';
import type { TextFrame, TextSampleSpec } from '../../../../src/pipelines/text-sampling';
import { TextGeneration, type GenerationRequest } from '../../../../src/widgets/text/text-generation.svelte';

/** A model whose runs the test drives by hand: emit(frame), finish(), and cancel() as the worker does. */
function fakeModel() {
  const runs: { onFrame: (f: TextFrame) => void; resolve: (x: Float32Array) => void; reject: (e: Error) => void; cancelled: boolean }[] = [];
  const model = {
    config: {} as TextModel['config'],
    meta: {},
    source: 'fake',
    isTest: true,
    where: 'test',
    tensors: () => 42,
    run(_spec: TextSampleSpec, onFrame: (f: TextFrame) => void) {
      let resolve!: (x: Float32Array) => void;
      let reject!: (e: Error) => void;
      const done = new Promise<Float32Array>((a, b) => ((resolve = a), (reject = b)));
      const r = { onFrame, resolve, reject, cancelled: false };
      runs.push(r);
      return { done, cancel: () => ((r.cancelled = true), reject(new Error('cancelled'))) };
    },
  } satisfies TextModel;
  return { model, runs };
}

const frame = (index: number, v: number): TextFrame => ({
  index, steps: 2, t: 999 - index * 500, tPrev: 499 - index * 500,
  xt: new Float32Array(4).fill(v), x0: new Float32Array(4).fill(v), eps: new Float32Array(4), xPrev: new Float32Array(4).fill(v),
  cross: [{ block: 'mid.attn', size: 1, maps: new Float32Array(16).fill(1 / 16) }],
});

const request = (key: string): GenerationRequest => ({
  spec: { tokens: new Int32Array(16), guidance: [3], seeds: [1], steps: 2, attention: true },
  prompt: '',
  tokens: [],
  key,
});

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('TextGeneration', () => {
  it('collects the steps, then the final image, the time and the tensor count', async () => {
    const { model, runs } = fakeModel();
    const g = new TextGeneration();
    g.start(model, request('a'));
    expect(g.status).toBe('running');
    runs[0].onFrame(frame(0, 0.1));
    runs[0].onFrame(frame(1, 0.2));
    expect(g.steps.map((s) => s.index)).toEqual([0, 1]);
    expect(g.steps[1].x0[0]).toBeCloseTo(0.2);
    runs[0].resolve(new Float32Array(4).fill(0.5));
    await tick();
    expect(g.status).toBe('done');
    expect(g.final?.[0]).toBe(0.5);
    expect(g.tensors).toBe(42);
    expect(g.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('a new run cancels the old one, whose late frames and result are ignored', async () => {
    const { model, runs } = fakeModel();
    const g = new TextGeneration();
    g.start(model, request('a'));
    runs[0].onFrame(frame(0, 0.1));
    g.start(model, request('b'));
    expect(runs[0].cancelled).toBe(true);
    expect(g.steps).toEqual([]);
    runs[0].onFrame(frame(1, 0.9)); // posted before the worker saw the cancel
    runs[1].onFrame(frame(0, 0.3));
    await tick();
    expect(g.status).toBe('running');
    expect(g.request?.key).toBe('b');
    expect(g.steps.map((s) => s.x0[0])).toEqual([Math.fround(0.3)]);
  });

  it('cancel() stops the run and says so; a failed run reports its error', async () => {
    const { model, runs } = fakeModel();
    const g = new TextGeneration();
    g.start(model, request('a'));
    g.cancel();
    expect(g.status).toBe('cancelled');
    expect(runs[0].cancelled).toBe(true);
    g.start(model, request('b'));
    runs[1].reject(new Error('out of memory'));
    await tick();
    expect(g.status).toBe('error');
    expect(g.error).toBe('out of memory');
  });
});
