/**
 * Every knob of the training lab, its defaults and its checks: what the page,
 * its URL, the worker and the trainer agree on.
 */
import type { DatasetName } from '../data/digits';

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

/**
 * The defaults are chosen for a reader without a GPU: a U-Net of width 16 (half
 * the shipped model's parameters) on batches of 32, at a learning rate of 3e-3,
 * draws digits the meter reads in a few minutes of WebAssembly on two cores.
 * Measured with `npm run lab:curve` (the figures are in the README); the
 * shipped model's width and batch are one click away.
 */
export const DEFAULT_SETTINGS: LabSettings = {
  preset: 'standard',
  dataset: 'mnist',
  classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  width: 16,
  schedule: 'linear',
  T: 1000,
  weighting: 'min-snr',
  batch: 32,
  lr: 3e-3,
  sampleEvery: 50,
};

/**
 * Guidance scale of the lab's samples, and so of its meter. A young model
 * already tells digits apart, weakly; guidance (lesson 7) amplifies exactly
 * that difference, so its digits become readable several hundred steps sooner
 * than at w = 1 (npm run lab:curve prints both).
 */
export const LAB_GUIDANCE = 3;

/** The settings the `?lab=tiny` test preset forces (a few seconds per step on SwiftShader). */
export const TINY_SETTINGS: Partial<LabSettings> = { preset: 'tiny', width: 8, batch: 4, sampleEvery: 5 };

/** Settings that change the network or what its output means: changing them needs a new model. */
export const MODEL_KEYS = ['preset', 'width', 'schedule', 'T'] as const satisfies readonly (keyof LabSettings)[];

export function needsNewModel(a: LabSettings, b: LabSettings): (typeof MODEL_KEYS)[number][] {
  return MODEL_KEYS.filter((k) => a[k] !== b[k]);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const num = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

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

/** Clamps and fills a partial settings object (from the URL or a file) into valid settings. */
export function normaliseSettings(s: Partial<LabSettings>): LabSettings {
  const out = { ...DEFAULT_SETTINGS, ...s };
  out.classes = [...new Set((out.classes ?? []).filter((c) => Number.isInteger(c) && c >= 0 && c <= 9))].sort((a, b) => a - b);
  if (out.classes.length === 0) out.classes = [...DEFAULT_SETTINGS.classes];
  if (!(out.lr > 0 && out.lr < 1)) out.lr = DEFAULT_SETTINGS.lr;
  return out;
}
