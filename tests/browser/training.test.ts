// Runs inside headless Chromium on wasm and on WebGPU (SwiftShader, forced): the lab's training
// code (TrainingSession, the same the worker drives) trains a tiny U-Net on one
// fixed batch. On wasm the loss on a fixed noised batch falls over 20 steps; on
// WebGPU three steps give wasm's losses. The tensor count stays flat, and the
// sample grid draws. Then the real worker answers the protocol on wasm: init →
// start → progress → pause → saved → resume. A GPU lost mid-training (deviceLost
// → fallback to wasm → the saved state → resume) is driven through the lab's
// page in tests/e2e/denoiser-training-url-gpu.alone.test.ts: on SwiftShader each
// WebGPU step takes seconds, so that scenario runs once, end to end.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { startWorkerTf } from '../../src/backends/training-worker';
import { selectClasses, TrainingSession } from '../../src/train/lab-session';
import { loadDigits } from '../../src/data/digits';
import { isFromWorker, type FromWorker } from '../../src/workers/training/protocol';
import { normaliseSettings, TINY_SETTINGS } from '../../src/train/lab-settings';
import { signedToRgba } from '../../src/viz/grey';
import { idbClear } from '../../src/model/reader-store-idb';

/** A fresh tiny lab model on `override`'s backend, trained `steps` times on one fixed batch. */
async function trainFixedBatch(override: 'webgpu' | null, steps: number) {
  const report = await startWorkerTf(override);
  const set = await loadDigits('mnist', 'test', { baseUrl: '/site/public/data/' });
  const settings = normaliseSettings({ ...TINY_SETTINGS, lr: 3e-3 });
  const session = new TrainingSession({ settings, data: selectClasses(set, settings.classes, 64) });
  const batch = session.nextBatch();
  const before = await session.evalLoss(batch);
  const counts: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    const r = await session.trainStep(batch);
    ms.push(performance.now() - t0);
    expect(Number.isFinite(r.loss)).toBe(true);
    counts.push(tf.memory().numTensors);
  }
  const after = await session.evalLoss(batch);
  console.log(`${report.backend}: eval loss ${before.toFixed(4)} → ${after.toFixed(4)}; tensors ${counts[0]} … ${counts.at(-1)}; losses ${session.losses.map((l) => l.toFixed(3)).join(' ')}; step ms ${ms.map((t) => t.toFixed(0)).join(' ')}`);
  return { backend: report.backend, session, before, after, counts, losses: [...session.losses] };
}

/** Samples from the session, finite and in range, drawn on a canvas as PixelImage does; no tensor left behind. */
async function samplesDraw(session: TrainingSession) {
  const n0 = tf.memory().numTensors;
  const pixels = await session.samples([0, 1, 2, 3], 3);
  expect(tf.memory().numTensors).toBe(n0);
  expect(pixels.length).toBe(4 * 784);
  expect(pixels.every((v) => Number.isFinite(v) && v >= -1 && v <= 1)).toBe(true);
  const canvas = document.createElement('canvas');
  canvas.width = 28 * 4;
  canvas.height = 28;
  document.body.append(canvas);
  const ctx = canvas.getContext('2d')!;
  for (let i = 0; i < 4; i++) {
    const img = new ImageData(28, 28);
    signedToRgba(pixels.subarray(i * 784, (i + 1) * 784), img.data);
    ctx.putImageData(img, i * 28, 0);
  }
  const drawn = ctx.getImageData(0, 0, 112, 28).data;
  let lit = 0;
  for (let i = 0; i < drawn.length; i += 4) if (drawn[i] > 0) lit++;
  expect(lit).toBeGreaterThan(0);
  canvas.remove();
  return n0;
}

/** What every training run must show: a flat tensor count over its steps, samples that draw, and nothing left after dispose. */
async function flatThenSamples(r: Awaited<ReturnType<typeof trainFixedBatch>>) {
  expect(new Set(r.counts.slice(1)).size).toBe(1);
  const n0 = await samplesDraw(r.session);
  r.session.dispose();
  expect(tf.memory().numTensors).toBeLessThan(n0);
}

describe('training in the browser', () => {
  // wasm with the project's kernels is what a reader without a GPU trains on (the worker's own choice here).
  it('a tiny U-Net learns a fixed batch on wasm, with a flat tensor count, and its samples draw', async () => {
    const r = await trainFixedBatch(null, 20);
    expect(r.backend).toBe('wasm');
    expect(r.after).toBeLessThan(r.before * 0.9);
    await flatThenSamples(r);
  }, 600_000);

  // SwiftShader runs a WebGPU step in seconds, not milliseconds: a few steps, each
  // checked against wasm's. Same seed, same batch, same noise draws: the losses
  // must agree to float tolerance while they fall, which pins WebGPU's gradients
  // and optimiser to another backend's, step by step.
  it('WebGPU (forced) trains as wasm does: the same losses step by step, a flat tensor count, samples that draw', async () => {
    const steps = 3;
    const wasm = await trainFixedBatch(null, steps);
    wasm.session.dispose();
    const gpu = await trainFixedBatch('webgpu', steps);
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.losses.length).toBe(steps);
    for (let i = 0; i < steps; i++) expect(Math.abs(gpu.losses[i] - wasm.losses[i]), `step ${i + 1}: ${gpu.losses[i]} vs ${wasm.losses[i]}`).toBeLessThan(0.01 + 0.02 * wasm.losses[i]);
    expect(Math.abs(gpu.before - wasm.before)).toBeLessThan(1e-3 + 1e-3 * wasm.before);
    expect(gpu.after).toBeLessThan(gpu.before);
    await flatThenSamples(gpu);
  }, 600_000);

  it('the worker speaks the protocol: start, progress, a bad message, a new rate, pause, saved, resume', async () => {
    await idbClear();
    const worker = new Worker(new URL('../../src/workers/training/worker.ts', import.meta.url), { type: 'module' });
    const seen: FromWorker[] = [];
    const waitFor = (pred: (m: FromWorker) => boolean, ms = 150_000) =>
      new Promise<FromWorker>((resolve, reject) => {
        const found = seen.find(pred);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`timed out; saw ${seen.map((m) => (m.type === 'error' ? `error(${m.where}: ${m.message})` : m.type)).join(',')}`)), ms);
        worker.addEventListener('message', (e) => {
          if (isFromWorker(e.data) && pred(e.data)) {
            clearTimeout(timer);
            resolve(e.data);
          }
        });
      });
    worker.onmessage = (e) => {
      expect(isFromWorker(e.data)).toBe(true);
      seen.push(e.data);
    };
    const settings = normaliseSettings({ ...TINY_SETTINGS });
    worker.postMessage({ type: 'init', settings, backend: 'wasm', dataBase: '/site/public/data/' });
    const ready = (await waitFor((m) => m.type === 'ready')) as Extract<FromWorker, { type: 'ready' }>;
    expect(ready.info.backend).toBe('wasm');
    await waitFor((m) => m.type === 'status' && m.phase === 'idle');
    worker.postMessage({ type: 'bogus' });
    await waitFor((m) => m.type === 'error' && m.where === 'protocol');
    worker.postMessage({ type: 'start', settings, from: 'scratch' });
    await waitFor((m) => m.type === 'progress' && m.step >= 2);
    worker.postMessage({ type: 'setLr', lr: 5e-4 });
    const atNewLr = (await waitFor((m) => m.type === 'progress' && Math.abs(m.lr - 5e-4) < 1e-9)) as Extract<FromWorker, { type: 'progress' }>;
    worker.postMessage({ type: 'pause' });
    const paused = await waitFor((m) => m.type === 'status' && m.phase === 'paused');
    // The save the pause asked for comes after 'paused'; an earlier one may be a periodic save.
    const saved = (await waitFor((m) => m.type === 'saved' && seen.indexOf(m) > seen.indexOf(paused))) as Extract<FromWorker, { type: 'saved' }>;
    expect(saved.step).toBeGreaterThanOrEqual(atNewLr.step);
    // Paused means paused: no step after the save.
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen.filter((m) => m.type === 'progress' && m.step > saved.step)).toEqual([]);

    // Resume: training goes on from the saved step, at the rate it was given.
    worker.postMessage({ type: 'resume', settings: { ...settings, lr: 5e-4 } });
    await waitFor((m) => m.type === 'status' && m.phase === 'training' && seen.indexOf(m) > seen.indexOf(saved));
    const next = (await waitFor((m) => m.type === 'progress' && m.step === saved.step + 1)) as Extract<FromWorker, { type: 'progress' }>;
    expect(Number.isFinite(next.loss)).toBe(true);
    expect(next.lr).toBeCloseTo(5e-4, 12);
    // Only the bad message was answered with an error.
    expect(seen.filter((m) => m.type === 'error')).toEqual([seen.find((m) => m.type === 'error' && m.where === 'protocol')]);
    worker.postMessage({ type: 'pause' });
    worker.terminate();
  }, 600_000);
});
