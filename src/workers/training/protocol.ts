/**
 * The typed message protocol between the training lab (main thread) and the
 * training Web Worker (src/workers/training/worker.ts). Defined once here; both sides
 * check every message they receive with `isToWorker` / `isFromWorker`, so a
 * malformed message is reported instead of half-handled.
 *
 *   main → worker: init, start, pause, resume, reset, setLr, setSettings,
 *                  export, import, loseDevice (tests only), fallback
 *   worker → main: ready, status, progress, samples, saved, restored,
 *                  exported, imported, error, deviceLost
 */
import type { BackendName } from '../../backends/choice';
import { isFailureCode, type FailureCode } from '../../failures/failure-codes';
import { isLabSettings, type LabSettings, type StartFrom } from '../../train/lab-settings';

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
