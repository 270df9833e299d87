// Runs inside headless Chromium on WebGPU (SwiftShader, forced) and on wasm: the lab's training
// code (TrainingSession, the same the worker drives) trains a tiny U-Net for
// 20 steps on one fixed batch. The loss on a fixed noised batch falls, the
// tensor count stays flat, and the sample grid draws. Then the real worker
// answers the protocol: init → start → progress → pause → saved → resume, and
// a lost GPU: deviceLost → fallback to wasm → the saved state → resume.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { startWorkerTf } from '../../src/train/browser-tf';
import { selectClasses, TrainingSession } from '../../src/train/browser-session';
import { loadDigits } from '../../src/data/digits';
import { normaliseSettings, TINY_SETTINGS, isFromWorker, type FromWorker } from '../../src/train/protocol';
import { signedToRgba } from '../../src/viz/grey';
import { idbClear } from '../../src/runtime/model-store-idb';

describe('training in the browser', () => {
  // wasm with the project's kernels is what a reader without a GPU trains on (the worker's own choice here).
  it.each([['webgpu', 'webgpu'], ['wasm', null]] as const)('a tiny U-Net learns a fixed batch on %s, with a flat tensor count', async (name, override) => {
    const report = await startWorkerTf(override);
    expect(report.backend).toBe(name);
    const set = await loadDigits('mnist', 'test', { baseUrl: '/site/public/data/' });
    const settings = normaliseSettings({ ...TINY_SETTINGS, lr: 3e-3 });
    const session = new TrainingSession({ settings, data: selectClasses(set, settings.classes, 64) });
    const batch = session.nextBatch();
    const before = await session.evalLoss(batch);
    const counts: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await session.trainStep(batch);
      expect(Number.isFinite(r.loss)).toBe(true);
      counts.push(tf.memory().numTensors);
    }
    const after = await session.evalLoss(batch);
    console.log(`eval loss ${before.toFixed(4)} → ${after.toFixed(4)}; tensors ${counts[0]} … ${counts.at(-1)}; losses ${session.losses.map((l) => l.toFixed(3)).join(' ')}`);
    expect(after).toBeLessThan(before * 0.9);
    expect(new Set(counts.slice(1)).size).toBe(1);

    const n0 = tf.memory().numTensors;
    const pixels = await session.samples([0, 1, 2, 3], 3);
    expect(tf.memory().numTensors).toBe(n0);
    expect(pixels.length).toBe(4 * 784);
    expect(pixels.every((v) => Number.isFinite(v) && v >= -1 && v <= 1)).toBe(true);
    // The grid draws: one 28×28 canvas per sample, as PixelImage does.
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
    session.dispose();
    expect(tf.memory().numTensors).toBeLessThan(n0);
  }, 600_000);

  it('the worker speaks the protocol: start, progress, pause, saved, resume; a lost GPU falls back to wasm from the last save', async () => {
    await idbClear();
    const worker = new Worker(new URL('../../src/train/worker.ts', import.meta.url), { type: 'module' });
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
    worker.postMessage({ type: 'init', settings, backend: 'webgpu', dataBase: '/site/public/data/' });
    const ready = (await waitFor((m) => m.type === 'ready')) as Extract<FromWorker, { type: 'ready' }>;
    expect(ready.info.backend).toBe('webgpu');
    await waitFor((m) => m.type === 'status' && m.phase === 'idle');
    worker.postMessage({ type: 'bogus' });
    await waitFor((m) => m.type === 'error' && m.where === 'protocol');
    worker.postMessage({ type: 'start', settings, from: 'scratch' });
    await waitFor((m) => m.type === 'progress' && m.step >= 2);
    worker.postMessage({ type: 'setLr', lr: 5e-4 });
    await waitFor((m) => m.type === 'progress' && m.step >= 3 && Math.abs(m.lr - 5e-4) < 1e-9);
    worker.postMessage({ type: 'pause' });
    const paused = await waitFor((m) => m.type === 'status' && m.phase === 'paused');
    // The save the pause asked for comes after 'paused'; an earlier one may be the
    // periodic save (every 20 s), which a slow software GPU can reach by step 3.
    const saved = (await waitFor((m) => m.type === 'saved' && seen.indexOf(m) > seen.indexOf(paused))) as Extract<FromWorker, { type: 'saved' }>;
    expect(saved.step).toBeGreaterThanOrEqual(3);
    // Paused means paused: no step after the save.
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen.filter((m) => m.type === 'progress' && m.step > saved.step)).toEqual([]);

    // Resume: training goes on from the saved step.
    worker.postMessage({ type: 'resume', settings: { ...settings, lr: 5e-4 } });
    await waitFor((m) => m.type === 'status' && m.phase === 'training' && seen.indexOf(m) > seen.indexOf(saved));
    await waitFor((m) => m.type === 'progress' && m.step === saved.step + 1);

    // A lost GPU (as a driver reset would do): the worker says so, names the last save and the next backend.
    worker.postMessage({ type: 'loseDevice' });
    const lost = (await waitFor((m) => m.type === 'deviceLost')) as Extract<FromWorker, { type: 'deviceLost' }>;
    expect(lost.next).toBe('wasm');
    expect(lost.savedStep).toBeGreaterThanOrEqual(saved.step);
    await waitFor((m) => m.type === 'status' && m.phase === 'lost');
    const lostAt = seen.length;

    // Fallback: WebGL, the saved state comes back, and training resumes from it.
    worker.postMessage({ type: 'fallback' });
    const again = (await waitFor((m) => m.type === 'ready' && seen.indexOf(m) >= lostAt)) as Extract<FromWorker, { type: 'ready' }>;
    expect(again.info.backend).toBe('wasm');
    expect(again.info.fallbackReasons.join(' ')).toMatch(/WebGPU: lost/);
    const restored = (await waitFor((m) => m.type === 'restored' && seen.indexOf(m) >= lostAt)) as Extract<FromWorker, { type: 'restored' }>;
    expect(restored.step).toBe(lost.savedStep);
    await waitFor((m) => m.type === 'status' && m.phase === 'paused' && seen.indexOf(m) >= lostAt);
    const resumedAt = seen.length;
    worker.postMessage({ type: 'resume', settings: { ...settings, lr: 5e-4 } });
    const next = (await waitFor((m) => m.type === 'progress' && seen.indexOf(m) >= resumedAt)) as Extract<FromWorker, { type: 'progress' }>;
    expect(next.step).toBe(restored.step + 1);
    expect(Number.isFinite(next.loss)).toBe(true);
    expect(seen.filter((m) => m.type === 'error')).toEqual([seen.find((m) => m.type === 'error' && m.where === 'protocol')]);
    worker.terminate();
  }, 600_000);
});
