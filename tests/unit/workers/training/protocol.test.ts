import { describe, expect, it } from 'vitest';
import { isFromWorker, isToWorker } from '../../../../src/workers/training/protocol';
import { DEFAULT_SETTINGS, isLabSettings, needsNewModel, normaliseSettings, TINY_SETTINGS } from '../../../../src/train/lab-settings';
import { unetBlocks } from '../../../../src/widgets/unet-diagram/unet-blocks';
import { smoothLosses, thin, formatDuration } from '../../../../src/widgets/training/loss-series';
import { unetConfig } from '../../../../src/model/config';
import { describeUNet } from '../../../../src/model/unet';
import { labModelConfig, readModelFile, stateFromWeights } from '../../../../src/train/lab-session';
import { saveWeights, WeightFileError } from '../../../../src/model/weight-io';
import { initValues } from '../../../../src/model/params';

describe('training protocol', () => {
  it('accepts every well-formed command and rejects malformed ones', () => {
    const s = DEFAULT_SETTINGS;
    for (const m of [
      { type: 'init', settings: s, backend: null },
      { type: 'init', settings: s, backend: 'webgl' },
      { type: 'start', settings: s, from: 'scratch' },
      { type: 'start', settings: s, from: 'shipped' },
      { type: 'pause' },
      { type: 'resume', settings: s },
      { type: 'reset' },
      { type: 'setLr', lr: 3e-4 },
      { type: 'setSettings', settings: s },
      { type: 'export' },
      { type: 'import', bytes: new Uint8Array(4), name: 'a.ddmw' },
      { type: 'fallback' },
      { type: 'loseDevice' },
    ]) expect(isToWorker(m), JSON.stringify(m)).toBe(true);
    for (const m of [
      null,
      'pause',
      { type: 'nope' },
      { type: 'start', settings: s, from: 'elsewhere' },
      { type: 'start', settings: { ...s, classes: [] }, from: 'scratch' },
      { type: 'setLr', lr: -1 },
      { type: 'setLr', lr: NaN },
      { type: 'import', bytes: [1, 2], name: 'x' },
      { type: 'resume', settings: { ...s, batch: 0 } },
    ]) expect(isToWorker(m), JSON.stringify(m)).toBe(false);
  });

  it('checks worker messages', () => {
    expect(isFromWorker({ type: 'progress', step: 1, loss: 0.5, lr: 1e-3, elapsedMs: 10, stepsPerSec: 1, imagesPerSec: 4, msPerStep: 10, tensors: 100, bytes: 1000 })).toBe(true);
    expect(isFromWorker({ type: 'progress', step: 1, loss: 0.5 })).toBe(false);
    expect(isFromWorker({ type: 'samples', grid: { step: 5, pixels: new Float32Array(784), labels: [3], size: 28, accuracy: null } })).toBe(true);
    expect(isFromWorker({ type: 'samples', grid: { step: 5, pixels: [0], labels: [3], size: 28, accuracy: null } })).toBe(false);
    expect(isFromWorker({ type: 'deviceLost', message: 'gone', savedStep: null, next: 'webgl' })).toBe(true);
    expect(isFromWorker({ type: 'status', phase: 'idle', step: 0, settings: null })).toBe(true);
    expect(isFromWorker({ type: 'error', where: 'import', code: 'model-file', message: 'bad' })).toBe(true);
    // The page words the code: an error with none (or an unknown one) would leave it English words only.
    expect(isFromWorker({ type: 'error', where: 'import', message: 'bad' })).toBe(false);
    expect(isFromWorker({ type: 'error', where: 'import', code: 'The file is bad', message: 'bad' })).toBe(false);
    expect(isFromWorker({ type: 'status', phase: 'paused', step: 3, settings: null, note: 'nan-loss' })).toBe(true);
    expect(isFromWorker({ type: 'status', phase: 'paused', step: 3, settings: null, note: 'The loss is no longer a number' })).toBe(false);
    expect(isFromWorker({ type: 'samples', grid: { step: 5, pixels: new Float32Array(784), labels: [3], size: 28, accuracy: null, accuracyNote: 'classifier not available' } })).toBe(false);
    expect(isFromWorker({ type: 'saved', step: 3 })).toBe(false);
  });

  it('says which changes need a new model', () => {
    expect(needsNewModel(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, lr: 1e-4, batch: 8, dataset: 'fashion', classes: [1], weighting: 'mse' })).toEqual([]);
    expect(needsNewModel(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, width: 24, T: 500 })).toEqual(['width', 'T']);
  });

  it('normalises partial settings', () => {
    const n = normaliseSettings({ ...TINY_SETTINGS, classes: [3, 3, 12, 1], lr: 5 });
    expect(isLabSettings(n)).toBe(true);
    expect(n.classes).toEqual([1, 3]);
    expect(n.lr).toBe(DEFAULT_SETTINGS.lr);
    expect(n.width).toBe(8);
  });
});

describe('lab model files', () => {
  it('the standard lab config at width 24 is the shipped architecture', () => {
    expect(labModelConfig({ preset: 'standard', width: 24, T: 1000 })).toEqual(unetConfig('mnist-cond'));
  });

  it('reads a weight file as a resumable state, and refuses an incompatible one clearly', () => {
    const cfg = labModelConfig({ preset: 'tiny', width: 8, T: 1000 });
    const w = initValues(describeUNet(cfg).specs, { seed: 1 });
    const m = readModelFile(saveWeights(cfg, w, { dtype: 'float32', meta: { step: 12 } }), 'w.ddmw');
    expect(m.kind).toBe('weights');
    expect(m.state.step).toBe(12);
    expect(m.state.adamM.get('in.w')!.every((v) => v === 0)).toBe(true);
    const eight = unetConfig('tiny');
    const bytes = saveWeights(eight, initValues(describeUNet(eight).specs, { seed: 1 }));
    expect(() => readModelFile(bytes, 'small.ddmw')).toThrow(WeightFileError);
    expect(() => readModelFile(bytes, 'small.ddmw')).toThrow(/8×8×1 images.*28×28 grey digits/);
    expect(() => readModelFile(new Uint8Array(3), 'x')).toThrow(/too short/);
    expect(stateFromWeights(cfg, w, 0).ema.get('in.w')).not.toBe(w.get('in.w'));
  });
});

describe('U-Net diagram blocks', () => {
  it('account for every parameter, with shapes that chain', () => {
    const cfg = unetConfig('mnist-cond');
    const l = unetBlocks(cfg);
    expect(l.blocks.reduce((n, b) => n + b.params, 0)).toBe(describeUNet(cfg).params);
    const body = l.blocks.filter((b) => b.side !== 'embed');
    expect(body[0].inShape).toEqual([28, 28, 1]);
    expect(body.at(-1)!.outShape).toEqual([28, 28, 1]);
    for (let i = 1; i < body.length; i++) {
      const prev = body[i - 1].outShape;
      const cur = body[i].inShape;
      expect(cur.slice(0, 2)).toEqual(prev.slice(0, 2));
      if (!body[i].skipFrom) expect(cur[2]).toBe(prev[2]);
      else expect(cur[2]).toBe(prev[2] + l.blocks.find((b) => b.id === body[i].skipFrom)!.outShape[2]);
    }
    expect(body.find((b) => b.id === 'mid.attn')!.outShape).toEqual([7, 7, 48]);
  });
});

describe('loss series helpers', () => {
  it('smooths without bias at the start, thins keeping the last point, formats time', () => {
    expect(smoothLosses([2, 2, 2])).toEqual([2, 2, 2].map((v) => expect.closeTo(v, 10)));
    const t = thin(Array.from({ length: 1000 }, (_, i) => i), 100);
    expect(t).toHaveLength(100);
    expect(t.at(-1)).toBe(999);
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(65_000)).toBe('1:05');
  });
});
