/**
 * The typed message protocol between the training lab (main thread) and the
 * training Web Worker (src/train/worker.ts). Defined once here; both sides
 * check every message they receive with `isToWorker` / `isFromWorker`, so a
 * malformed message is reported instead of half-handled.
 *
 *   main → worker: init, start, pause, resume, reset, setLr, setSettings,
 *                  export, import, loseDevice (tests only), fallback
 *   worker → main: ready, status, progress, samples, saved, restored,
 *                  exported, imported, error, deviceLost
 */
import type { DatasetName } from '../data/digits';
import type { BackendName } from '../backends/choice';
import { isFailureCode, type FailureCode } from '../runtime/failure-codes';

export type ScheduleChoice = 'linear' | 'cosine';
export type Weighting = 'min-snr' | 'mse';
/** 'tiny' is for tests and benchmarks on slow (software) GPUs: `?lab=tiny` in the page URL. */
export type LabPreset = 'standard' | 'tiny';
export type StartFrom = 'scratch' | 'shipped';

/** Every knob of the lab. Which ones need a new model: see `needsNewModel`. */
export interface LabSettings {
  preset: LabPreset;
  dataset: DatasetName;
  /** The classes (digits) to train on, 0–9, at least one. */
  classes: number[];
  /** Channels of the first U-Net level (the model's width). */
  width: number;
  schedule: ScheduleChoice;
  T: number;
  weighting: Weighting;
  batch: number;
  lr: number;
  /** Refresh the sample grid every this many steps. */
  sampleEvery: number;
}

export const WIDTHS = [8, 16, 24, 32] as const;
export const BATCHES = [4, 8, 16, 32, 64, 128] as const;
export const TS = [100, 250, 500, 1000] as const;

export const DEFAULT_SETTINGS: LabSettings = {
  preset: 'standard',
  dataset: 'mnist',
  classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  width: 24,
  schedule: 'linear',
  T: 1000,
  weighting: 'min-snr',
  batch: 64,
  lr: 1e-3,
  sampleEvery: 50,
};

/** The settings the `?lab=tiny` test preset forces (a few seconds per step on SwiftShader). */
export const TINY_SETTINGS: Partial<LabSettings> = { preset: 'tiny', width: 8, batch: 4, sampleEvery: 5 };

/** Settings that change the network or what its output means: changing them needs a new model. */
export const MODEL_KEYS = ['preset', 'width', 'schedule', 'T'] as const satisfies readonly (keyof LabSettings)[];

export function needsNewModel(a: LabSettings, b: LabSettings): (typeof MODEL_KEYS)[number][] {
  return MODEL_KEYS.filter((k) => a[k] !== b[k]);
}

export type Phase = 'booting' | 'idle' | 'loading' | 'training' | 'paused' | 'lost' | 'failed';

export interface BackendInfo {
  backend: BackendName;
  why?: string;
  threads?: number;
  fallbackReasons: string[];
  adapterInfo?: string;
}

export interface SampleGrid {
  step: number;
  /** count × size × size values in [-1, 1]. */
  pixels: Float32Array;
  labels: number[];
  size: number;
  /** Classifier accuracy on these samples (0..1), or null with a reason. */
  accuracy: number | null;
  accuracyNote?: AccuracyNote;
  /** With accuracyNote 'classifier-failed': the engineer's English detail. */
  accuracyDetail?: string;
}

/**
 * What the worker tells the reader beside its phase, as a code the page words
 * in its language: nothing English crosses to the page as a sentence.
 */
export const LAB_NOTES = ['gpu-lost', 'nan-loss', 'loading', 'building', 'nothing-to-resume'] as const;
export type LabNote = (typeof LAB_NOTES)[number];

/** Why a sample grid has no accuracy: Fashion-MNIST, a build without the classifier, or the classifier failed to load. */
export const ACCURACY_NOTES = ['not-digits', 'no-classifier', 'classifier-failed'] as const;
export type AccuracyNote = (typeof ACCURACY_NOTES)[number];

export type ToWorker =
  /** dataBase: where the data files live (default: the site's data/ folder; tests point elsewhere). */
  | { type: 'init'; settings: LabSettings; backend: string | null; dataBase?: string }
  | { type: 'start'; settings: LabSettings; from: StartFrom }
  | { type: 'pause' }
  | { type: 'resume'; settings: LabSettings }
  | { type: 'reset' }
  | { type: 'setLr'; lr: number }
  | { type: 'setSettings'; settings: LabSettings }
  | { type: 'export' }
  | { type: 'import'; bytes: Uint8Array; name: string }
  /** Moves to the next backend after a lost device (or on request). */
  | { type: 'fallback' }
  /** Tests only: destroys the WebGPU device, as a driver reset would. */
  | { type: 'loseDevice' };

export type FromWorker =
  | { type: 'ready'; info: BackendInfo }
  | { type: 'status'; phase: Phase; step: number; settings: LabSettings | null; note?: LabNote }
  | {
      type: 'progress';
      step: number;
      loss: number;
      lr: number;
      elapsedMs: number;
      stepsPerSec: number;
      imagesPerSec: number;
      msPerStep: number;
      tensors: number;
      bytes: number;
    }
  | { type: 'samples'; grid: SampleGrid }
  | { type: 'saved'; step: number; at: number }
  | { type: 'restored'; step: number; elapsedMs: number; losses: number[]; settings: LabSettings; savedAt: number }
  | { type: 'exported'; bytes: Uint8Array; name: string }
  | { type: 'imported'; step: number; name: string }
  /** code: why, for the reader (words on the page); message: the English detail, for engineers. */
  | { type: 'error'; where: string; code: FailureCode; message: string }
  | { type: 'deviceLost'; message: string; savedStep: number | null; next: BackendInfo['backend'] | null };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const num = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const str = (v: unknown): v is string => typeof v === 'string';

export function isLabSettings(v: unknown): v is LabSettings {
  if (!isObj(v)) return false;
  return (
    (v.preset === 'standard' || v.preset === 'tiny') &&
    (v.dataset === 'mnist' || v.dataset === 'fashion') &&
    Array.isArray(v.classes) &&
    v.classes.length > 0 &&
    v.classes.every((c) => Number.isInteger(c) && c >= 0 && c <= 9) &&
    Number.isInteger(v.width) && (v.width as number) > 0 &&
    (v.schedule === 'linear' || v.schedule === 'cosine') &&
    Number.isInteger(v.T) && (v.T as number) >= 2 &&
    (v.weighting === 'min-snr' || v.weighting === 'mse') &&
    Number.isInteger(v.batch) && (v.batch as number) > 0 &&
    num(v.lr) && (v.lr as number) > 0 && (v.lr as number) < 1 &&
    Number.isInteger(v.sampleEvery) && (v.sampleEvery as number) > 0
  );
}

/** Type guard for messages the worker receives. */
export function isToWorker(m: unknown): m is ToWorker {
  if (!isObj(m) || !str(m.type)) return false;
  switch (m.type) {
    case 'init':
      return isLabSettings(m.settings) && (m.backend === null || str(m.backend)) && (m.dataBase === undefined || str(m.dataBase));
    case 'start':
      return isLabSettings(m.settings) && (m.from === 'scratch' || m.from === 'shipped');
    case 'resume':
    case 'setSettings':
      return isLabSettings(m.settings);
    case 'setLr':
      return num(m.lr) && (m.lr as number) > 0 && (m.lr as number) < 1;
    case 'import':
      return m.bytes instanceof Uint8Array && str(m.name);
    case 'pause':
    case 'reset':
    case 'export':
    case 'fallback':
    case 'loseDevice':
      return true;
    default:
      return false;
  }
}

/** Type guard for messages the page receives. */
export function isFromWorker(m: unknown): m is FromWorker {
  if (!isObj(m) || !str(m.type)) return false;
  switch (m.type) {
    case 'ready':
      return isObj(m.info) && str(m.info.backend) && Array.isArray(m.info.fallbackReasons);
    case 'status':
      return str(m.phase) && num(m.step) && (m.settings === null || isLabSettings(m.settings)) && (m.note === undefined || (LAB_NOTES as readonly unknown[]).includes(m.note));
    case 'progress':
      return ['step', 'loss', 'lr', 'elapsedMs', 'stepsPerSec', 'imagesPerSec', 'msPerStep', 'tensors', 'bytes'].every((k) => typeof m[k] === 'number');
    case 'samples': {
      const g = m.grid;
      return (
        isObj(g) && num(g.step) && g.pixels instanceof Float32Array && Array.isArray(g.labels) && num(g.size) && (g.accuracy === null || num(g.accuracy)) &&
        (g.accuracyNote === undefined || (ACCURACY_NOTES as readonly unknown[]).includes(g.accuracyNote))
      );
    }
    case 'saved':
      return num(m.step) && num(m.at);
    case 'restored':
      return num(m.step) && num(m.elapsedMs) && Array.isArray(m.losses) && isLabSettings(m.settings) && num(m.savedAt);
    case 'exported':
      return m.bytes instanceof Uint8Array && str(m.name);
    case 'imported':
      return num(m.step) && str(m.name);
    case 'error':
      return str(m.where) && isFailureCode(m.code) && str(m.message);
    case 'deviceLost':
      return str(m.message) && (m.savedStep === null || num(m.savedStep));
    default:
      return false;
  }
}

/** Clamps and fills a partial settings object (from the URL or a file) into valid settings. */
export function normaliseSettings(s: Partial<LabSettings>): LabSettings {
  const out = { ...DEFAULT_SETTINGS, ...s };
  out.classes = [...new Set((out.classes ?? []).filter((c) => Number.isInteger(c) && c >= 0 && c <= 9))].sort((a, b) => a - b);
  if (out.classes.length === 0) out.classes = [...DEFAULT_SETTINGS.classes];
  if (!(out.lr > 0 && out.lr < 1)) out.lr = DEFAULT_SETTINGS.lr;
  return out;
}
