import { describe, expect, it } from 'vitest';
import type { TextModel } from '../../../../src/workers/text/client';
import type { TextFrame, TextSampleSpec } from '../../../../src/pipelines/text-sampling';
import { StreamedTextRun, type TextRunRequest } from '../../../../src/widgets/text/text-run.svelte';

/**
 * A model whose runs the test drives by hand: emit(frame), finish(), and cancel() as the worker does
 * (at once, or, with cancelAnswers off, whenever the test rejects the run itself).
 */
function fakeModel({ cancelAnswers = true } = {}) {
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
      return {
        done,
        cancel: () => {
          r.cancelled = true;
          if (cancelAnswers) reject(new Error('cancelled'));
        },
      };
    },
  } satisfies TextModel;
  return { model, runs };
}

const frame = (index: number, v: number): TextFrame => ({
  index, steps: 2, t: 999 - index * 500, tPrev: 499 - index * 500,
  xt: new Float32Array(4).fill(v), x0: new Float32Array(4).fill(v), eps: new Float32Array(4), xPrev: new Float32Array(4).fill(-v),
  cross: [{ block: 'mid.attn', size: 1, maps: new Float32Array(16).fill(1 / 16) }],
});

interface KeyedRequest extends TextRunRequest {
  key: string;
}

const request = (key: string): KeyedRequest => ({
  spec: { tokens: new Int32Array(16), guidance: [3], seeds: [1], steps: 2, attention: true },
  key,
});

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Runs whose request goes to the model at once: the tests below drive the model by hand. */
const NOW = { begin: (go: () => void) => go() };

describe('StreamedTextRun', () => {
  it('collects the steps, then the final image, the time and the tensor count', async () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun<KeyedRequest>(NOW);
    expect(g.status).toBe('idle');
    expect(g.total).toBe(0);
    g.start(model, request('a'));
    expect(g.status).toBe('running');
    expect(g.total).toBe(2);
    runs[0].onFrame(frame(0, 0.1));
    runs[0].onFrame(frame(1, 0.2));
    expect(g.frames.map((s) => s.index)).toEqual([0, 1]);
    expect(g.frames[1].x0[0]).toBeCloseTo(0.2);
    runs[0].resolve(new Float32Array(4).fill(0.5));
    await tick();
    expect(g.status).toBe('done');
    expect(g.final?.[0]).toBe(0.5);
    expect(g.tensors).toBe(42);
    expect(g.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('a new run cancels the old one, whose late frames and result are ignored', async () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun<KeyedRequest>(NOW);
    g.start(model, request('a'));
    runs[0].onFrame(frame(0, 0.1));
    g.start(model, request('b'));
    expect(runs[0].cancelled).toBe(true);
    expect(g.frames).toEqual([]);
    runs[0].onFrame(frame(1, 0.9)); // posted before the worker saw the cancel
    runs[1].onFrame(frame(0, 0.3));
    runs[0].resolve(new Float32Array(4).fill(0.9));
    await tick();
    expect(g.status).toBe('running');
    expect(g.final).toBeNull();
    expect(g.request?.key).toBe('b');
    expect(g.frames.map((s) => s.x0[0])).toEqual([Math.fround(0.3)]);
  });

  it('cancel() stops the run and says so; a failed run reports its error', async () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun<KeyedRequest>(NOW);
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

  it('a model that throws at once fails the run with its reason', () => {
    const { model } = fakeModel();
    const g = new StreamedTextRun(NOW);
    g.start({ ...model, run: () => { throw new Error('bad spec'); } }, request('a'));
    expect(g.status).toBe('error');
    expect(g.error).toBe('bad spec');
  });

  // Where the two classes this one replaced disagreed: a cancelled run is 'cancelled' (lesson 6 says so),
  // never an error, and it keeps the frames it had drawn; whatever the cancelled run still reports is dropped.
  it('a cancelled run shows no error, even one its worker reports after the cancel, and keeps its frames', async () => {
    const { model, runs } = fakeModel({ cancelAnswers: false });
    const g = new StreamedTextRun(NOW);
    g.start(model, request('a'));
    runs[0].onFrame(frame(0, 0.1));
    g.cancel();
    runs[0].reject(new Error('out of memory')); // the worker failed before it read the cancel
    runs[0].onFrame(frame(1, 0.2));
    await tick();
    expect(g.status).toBe('cancelled');
    expect(g.error).toBeNull();
    expect(g.frames.map((f) => f.index)).toEqual([0]);
  });

  it('a run the worker cancels on its own ends as cancelled, not running for ever and not as an error', async () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun(NOW);
    g.start(model, request('a'));
    runs[0].reject(new Error('cancelled'));
    await tick();
    expect(g.status).toBe('cancelled');
    expect(g.error).toBeNull();
  });

  it('cancel() after a run has finished keeps its result and its status', async () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun(NOW);
    g.start(model, request('a'));
    runs[0].resolve(new Float32Array(4).fill(0.5));
    await tick();
    g.cancel();
    expect(g.status).toBe('done');
    expect(g.final?.[0]).toBe(0.5);
    expect(runs[0].cancelled).toBe(false);
  });

  it('keepAll off keeps only the newest frame; preview and latest read it, then the final images', async () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun({ keepAll: false, ...NOW });
    expect(g.preview).toBeNull();
    g.start(model, request('a'));
    runs[0].onFrame(frame(0, 0.1));
    runs[0].onFrame(frame(1, 0.2));
    expect(g.frames.map((f) => f.index)).toEqual([1]);
    expect(g.preview).toMatchObject({ done: false, step: 2, steps: 2 });
    expect(g.preview?.x[0]).toBeCloseTo(0.2); // x̂₀
    expect(g.latest?.x[0]).toBeCloseTo(-0.2); // the sample after the step
    runs[0].resolve(new Float32Array(4).fill(0.5));
    await tick();
    expect(g.preview).toMatchObject({ done: true, step: 2, steps: 2 });
    expect(g.latest?.x[0]).toBe(0.5);
  });

  it('until the new run reaches a step, frameAt shows it from the run before, flagged stale', () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun(NOW);
    g.start(model, request('a'));
    runs[0].onFrame(frame(0, 0.1));
    runs[0].onFrame(frame(1, 0.2));
    g.start(model, request('b'));
    runs[1].onFrame(frame(0, 0.3));
    expect(g.frameAt(0)?.stale).toBe(false);
    expect(g.frameAt(0)?.frame.x0[0]).toBeCloseTo(0.3);
    expect(g.frameAt(1)?.stale).toBe(true);
    expect(g.frameAt(1)?.frame.x0[0]).toBeCloseTo(0.2);
    expect(g.frameAt(2)).toBeNull();
  });

  it('with keepPrevious off the run before is not held', () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun({ keepPrevious: false, ...NOW });
    g.start(model, request('a'));
    runs[0].onFrame(frame(0, 0.1));
    g.start(model, request('b'));
    expect(g.previous).toEqual([]);
    expect(g.frameAt(0)).toBeNull();
  });

  it('by default sends the request only after the page has painted the start, and not at all if cancelled first', async () => {
    const { model, runs } = fakeModel();
    const g = new StreamedTextRun();
    g.start(model, request('a'));
    expect(g.status).toBe('running');
    expect(runs).toHaveLength(0); // the worker is not asked yet
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toHaveLength(1);
    g.start(model, request('b'));
    expect(runs[0].cancelled).toBe(true);
    g.cancel(); // before b went out
    expect(g.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toHaveLength(1); // b never reached the model
  });
});
