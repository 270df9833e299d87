/// <reference lib="webworker" />
/**
 * The training Web Worker: runs the lab's TrainingSession off the main
 * thread and speaks the protocol in ./protocol.ts. Training state goes to
 * IndexedDB every SAVE_EVERY_MS of training, on pause, and after an import,
 * and comes back on `init`. A lost WebGPU device is reported with the last
 * saved step; `fallback` restarts on the next backend from that save.
 *
 * Commands that touch the model run one at a time (`locked`), between
 * training steps; `pause` only raises a flag, so it answers at once.
 */
import * as tf from '@tensorflow/tfjs';
import { loadDigits, type DigitSet } from '../../data/digits';
import { download } from '../../data/download-error';
import { SHIPPED_MODEL_URL } from '../../model/browser-model';
import { idbClear, idbGet, idbPutBoth } from '../../model/reader-store-idb';
import type { BackendName } from '../../backends/choice';
import { labModelConfig, NO_DATA, readModelFile, selectClasses, TrainingSession, type ImportedModel } from '../../train/lab-session';
import { loadMeter } from '../../eval/lab-meter';
import { meterAccuracy } from '../../eval/meter-accuracy';
import { startWorkerTf, nextBackend, webgpuDevice } from '../../backends/training-worker';
import { isToWorker, type AccuracyNote, type FromWorker, type LabNote, type Phase, type ToWorker } from './protocol';
import { LAB_GUIDANCE, normaliseSettings, type LabSettings } from '../../train/lab-settings';
import { CodedError, failureDetail, failureReply } from '../../failures/failure';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const SAVE_EVERY_MS = 20_000;

let phase: Phase = 'booting';
let session: TrainingSession | null = null;
let settings: LabSettings | null = null;
let backend: BackendName | null = null;
let override: string | null = null;
let dataBase: string | undefined;
const lost: BackendName[] = [];
let elapsedMs = 0;
let lastSaveAt = 0;
let savedStep: number | null = null;
let avgMs = 0;
let lock: Promise<unknown> = Promise.resolve();
let generation = 0;
const dataCache = new Map<string, DigitSet>();

function post(m: FromWorker, transfer: Transferable[] = []) {
  ctx.postMessage(m, transfer);
}
function status(note?: LabNote) {
  post({ type: 'status', phase, step: session?.step ?? 0, settings, note });
}
function fail(where: string, err: unknown) {
  post({ type: 'error', where, ...failureReply(err) });
}

/** Runs fn after every earlier command (and the step in flight) has finished. */
function locked<T>(fn: () => Promise<T>): Promise<T> {
  const r = lock.then(fn);
  lock = r.catch(() => undefined);
  return r;
}

async function dataFor(s: LabSettings) {
  // The tiny test preset trains on the (smaller) test split: it is about speed, not quality.
  const split = s.preset === 'tiny' ? 'test' : 'train';
  const key = `${s.dataset}/${split}`;
  let set = dataCache.get(key);
  if (!set) {
    set = await loadDigits(s.dataset, split, dataBase ? { baseUrl: dataBase } : {});
    dataCache.set(key, set);
  }
  return selectClasses(set, s.classes);
}

/** Bumped per backend start: a lost device of an earlier start is old news. (Not `generation`, which every start/reset bumps.) */
let backendEpoch = 0;
/** Resolves once the current WebGPU device is lost (null: not on WebGPU). */
let deviceLost: Promise<void> | null = null;

async function startBackend(exclude: BackendName[], wanted: string | null = override) {
  const report = await startWorkerTf(wanted, exclude);
  backend = report.backend;
  const epoch = ++backendEpoch;
  post({ type: 'ready', info: report });
  const device = webgpuDevice();
  deviceLost = null;
  if (device) {
    deviceLost = device.lost.then((info) => {
      if (epoch !== backendEpoch || backend !== 'webgpu' || phase === 'lost') return;
      onDeviceLost(`${info.message || 'the GPU device was lost'} (${info.reason})`);
    });
  }
}

/** After a failed step: true if the GPU was lost (then the failure is that, not a training error). */
async function lostDevice(): Promise<boolean> {
  if (!deviceLost) return false;
  const lostSoon = await Promise.race([deviceLost.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
  return lostSoon || phase === 'lost';
}

function onDeviceLost(message: string) {
  phase = 'lost';
  generation++;
  session = null; // its tensors lived on the lost device
  lock = Promise.resolve(); // a step may hang forever on a lost device
  lost.push('webgpu');
  post({ type: 'deviceLost', message, savedStep, next: nextBackend('webgpu') });
  status('gpu-lost');
}

function sampleLabels(s: LabSettings): number[] {
  const n = s.preset === 'tiny' ? 4 : 10;
  return Array.from({ length: n }, (_, i) => s.classes[i % s.classes.length]);
}

async function refreshSamples() {
  if (!session || !settings) return;
  const labels = sampleLabels(settings);
  const pixels = await session.samples(labels, settings.preset === 'tiny' ? 3 : 20, 7, LAB_GUIDANCE);
  let accuracy: number | null = null;
  let accuracyNote: AccuracyNote | undefined;
  let accuracyDetail: string | undefined;
  if (settings.dataset !== 'mnist') accuracyNote = 'not-digits';
  else {
    try {
      const meter = await loadMeter();
      if (meter) accuracy = await meterAccuracy(tf, meter, pixels, labels);
      else accuracyNote = 'no-classifier';
    } catch (e) {
      accuracyNote = 'classifier-failed';
      accuracyDetail = failureDetail(e);
    }
  }
  post({ type: 'samples', grid: { step: session.step, pixels, labels, size: 28, accuracy, accuracyNote, accuracyDetail } }, [pixels.buffer]);
}

async function save() {
  if (!session || !settings) return;
  const snap = await session.snapshot({ elapsedMs });
  const at = Date.now();
  await idbPutBoth(
    { bytes: snap.checkpoint, step: snap.step, savedAt: at, elapsedMs },
    { bytes: snap.weights, step: snap.step, savedAt: at, dataset: settings.dataset, params: session.params },
  );
  lastSaveAt = performance.now();
  savedStep = snap.step;
  post({ type: 'saved', step: snap.step, at });
}

function adopt(m: ImportedModel, base: LabSettings): LabSettings {
  const preset = m.config.channelMults.length === 2 && m.config.attentionLevels.length === 0 ? 'tiny' : 'standard';
  return normaliseSettings({ ...base, ...m.settings, preset, width: m.config.baseChannels, T: m.config.timesteps });
}

/** Builds a session from a checkpoint or weights, without data (loaded when training starts). */
function sessionFrom(m: ImportedModel, s: LabSettings) {
  session?.dispose();
  session = new TrainingSession({ settings: s, data: NO_DATA, resume: m.state, config: m.config });
  settings = s;
  elapsedMs = m.elapsedMs;
}

async function restore(opts: { sample: boolean }): Promise<boolean> {
  const rec = await idbGet('checkpoint').catch(() => undefined);
  if (!rec) return false;
  try {
    const m = readModelFile(rec.bytes, 'the saved model');
    sessionFrom(m, adopt(m, settings ?? normaliseSettings({})));
    savedStep = rec.step;
    phase = 'paused';
    post({ type: 'restored', step: session!.step, elapsedMs, losses: [...session!.losses], settings: settings!, savedAt: rec.savedAt });
    status();
    // The grid would otherwise stay empty until the next refresh during training.
    // Queued behind this command rather than awaited, so a restore answers at once
    // and a lost device or a failed sampler cannot fail the restore itself.
    // Not after a fallback: the page still shows its samples, and on SwiftShader's
    // WebGL a sampling pass right after the switch made the next training step
    // fail to compile a fragment shader (tests/browser/training.test.ts).
    const gen = generation;
    if (opts.sample) {
      void locked(async () => {
        if (gen === generation) await refreshSamples();
      }).catch((e) => fail('samples', e));
    }
    return true;
  } catch (e) {
    fail('restore', e);
    return false;
  }
}

async function loop() {
  const gen = generation;
  while (phase === 'training' && gen === generation) {
    await locked(async () => {
      if (phase !== 'training' || !session || !settings || gen !== generation) return;
      const t0 = performance.now();
      const r = await session.trainStep();
      const dt = performance.now() - t0;
      if (gen !== generation) return;
      elapsedMs += dt;
      // The first steps compile shaders: let the average forget them quickly.
      avgMs = avgMs === 0 ? dt : 0.8 * avgMs + 0.2 * dt;
      const mem = tf.memory();
      post({
        type: 'progress',
        step: r.step,
        loss: r.loss,
        lr: r.lr,
        elapsedMs,
        msPerStep: dt,
        stepsPerSec: 1000 / avgMs,
        imagesPerSec: (settings.batch * 1000) / avgMs,
        tensors: mem.numTensors,
        bytes: mem.numBytes,
      });
      if (!Number.isFinite(r.loss)) {
        phase = 'paused';
        status('nan-loss');
        return;
      }
      if (r.step % settings.sampleEvery === 0) await refreshSamples();
      if (performance.now() - lastSaveAt > SAVE_EVERY_MS) await save();
    }).catch(async (e) => {
      if (gen !== generation) return;
      // A step that fails because the device is gone: the lost-device path reports it.
      if ((await lostDevice()) || gen !== generation) return;
      phase = 'paused';
      fail('training', e);
      status();
    });
    // Let queued messages (pause, setLr) in between steps.
    await new Promise((r) => setTimeout(r, 0));
  }
}

async function beginTraining() {
  if (!session || !settings) return;
  if (!session.hasData) {
    phase = 'loading';
    status('loading');
    session.setData(await dataFor(settings));
  }
  phase = 'training';
  lastSaveAt = performance.now();
  status();
  void loop();
}

async function handle(m: ToWorker) {
  switch (m.type) {
    case 'init': {
      settings = m.settings;
      override = m.backend;
      dataBase = m.dataBase;
      await startBackend([]);
      phase = 'idle';
      if (!(await restore({ sample: true }))) status();
      return;
    }
    case 'start': {
      generation++;
      phase = 'loading';
      status('building');
      let s = normaliseSettings(m.settings);
      if (m.from === 'shipped') {
        const res = await download(SHIPPED_MODEL_URL, 'the shipped model');
        const shipped = readModelFile(new Uint8Array(await res.arrayBuffer()), 'the shipped model');
        // The shipped model fixes the width, T and schedule it was trained with.
        s = adopt(shipped, { ...s, schedule: 'linear' });
        sessionFrom(shipped, s);
      } else {
        session?.dispose();
        session = new TrainingSession({ settings: s, data: NO_DATA, config: labModelConfig(s) });
        settings = s;
        elapsedMs = 0;
      }
      avgMs = 0;
      savedStep = null;
      await beginTraining();
      return;
    }
    case 'resume': {
      if (!session) return status('nothing-to-resume');
      await applySettings(m.settings);
      avgMs = 0;
      await beginTraining();
      return;
    }
    case 'setSettings':
      return applySettings(m.settings);
    case 'setLr':
      if (settings) return applySettings({ ...settings, lr: m.lr });
      return;
    case 'reset': {
      generation++;
      session?.dispose();
      session = null;
      elapsedMs = 0;
      savedStep = null;
      await idbClear();
      phase = 'idle';
      status();
      return;
    }
    case 'export': {
      if (!session) return fail('export', new CodedError('no-model-to-export', 'There is no model to export yet: train first.'));
      const snap = await session.snapshot({ elapsedMs });
      post({ type: 'exported', bytes: snap.checkpoint, name: `diffusion-lab-step${snap.step}.ddmw` }, [snap.checkpoint.buffer as ArrayBuffer]);
      return;
    }
    case 'import': {
      let imported: ImportedModel;
      try {
        imported = readModelFile(m.bytes, m.name);
      } catch (e) {
        // The current model is untouched: nothing above changed any state.
        return fail('import', e);
      }
      generation++;
      sessionFrom(imported, adopt(imported, settings ?? normaliseSettings({})));
      phase = 'paused';
      await save();
      post({ type: 'imported', step: session!.step, name: m.name });
      post({ type: 'restored', step: session!.step, elapsedMs, losses: [...session!.losses], settings: settings!, savedAt: Date.now() });
      status();
      await refreshSamples();
      return;
    }
    case 'fallback': {
      generation++;
      session = null;
      const exclude = [...lost];
      const from = backend;
      if (backend && !exclude.includes(backend)) exclude.push(backend);
      await startBackend(exclude, from ? nextBackend(from) : override);
      phase = 'idle';
      if (!(await restore({ sample: false }))) status();
      return;
    }
    case 'loseDevice': {
      const d = webgpuDevice();
      if (!d) return fail('loseDevice', new CodedError('not-webgpu', 'Not running on WebGPU.'));
      d.destroy();
      return;
    }
    case 'pause':
      return;
  }
}

async function applySettings(next: LabSettings) {
  if (!session || !settings) {
    settings = next;
    return;
  }
  const dataChanged = next.dataset !== settings.dataset || next.classes.join() !== settings.classes.join();
  // Model-shaping keys (width, schedule, T, preset) are kept: they need a reset, and the page says so.
  const merged: LabSettings = { ...next, preset: settings.preset, width: settings.width, schedule: settings.schedule, T: settings.T };
  await session.reconfigure(merged);
  settings = merged;
  if (dataChanged && (session.hasData || phase === 'training')) session.setData(await dataFor(merged));
  else if (dataChanged) session.setData(NO_DATA);
}

ctx.onmessage = (e: MessageEvent) => {
  const m: unknown = e.data;
  if (!isToWorker(m)) return fail('protocol', new CodedError('malformed', `Malformed message: ${JSON.stringify(m)?.slice(0, 120)}`));
  if (m.type === 'pause') {
    if (phase !== 'training') return;
    phase = 'paused';
    status();
    // Save once the step in flight is done.
    void locked(save).catch((err) => fail('save', err));
    return;
  }
  void locked(() => handle(m)).catch((err) => {
    if (m.type === 'start' || m.type === 'init' || m.type === 'fallback') {
      phase = session ? 'paused' : 'failed';
      status();
    }
    fail(m.type, err);
  });
};
