/**
 * Training checkpoints: the trainer's whole state (weights, Adam moments, EMA,
 * step, loss history, options) in the weight-file container, float32. They
 * are for resuming, not for shipping: ship `exportEmaWeights` (float16).
 */
import type { UNetConfig } from '../model/config';
import { describeUNet } from '../model/unet';
import { decodeTensorFile, encodeTensorFile, saveWeights, WeightFileError } from '../model/weight-io';
import type { ResolvedTrainerOptions, TrainerRestart, TrainerState } from './trainer';

const PARTS = ['weights', 'adamM', 'adamV', 'ema'] as const;

export function encodeCheckpoint(config: UNetConfig, state: TrainerState, options: ResolvedTrainerOptions, extra: Record<string, unknown> = {}): Uint8Array {
  const { specs } = describeUNet(config);
  const tensors = PARTS.flatMap((part) =>
    specs.map((s) => {
      const data = state[part].get(s.name);
      if (!data) throw new WeightFileError(`Checkpoint: missing ${part} "${s.name}".`);
      return { name: `${part}/${s.name}`, shape: s.shape, data };
    }),
  );
  return encodeTensorFile(
    { kind: 'checkpoint', dtype: 'float32', config, meta: { ...extra, step: state.step, ...(state.restart ? { restart: state.restart } : {}), lossHistory: state.lossHistory, options } },
    tensors,
  );
}

export interface DecodedCheckpoint {
  config: UNetConfig;
  state: TrainerState;
  options: ResolvedTrainerOptions;
  meta: Record<string, unknown>;
}

export function decodeCheckpoint(bytes: Uint8Array, what = 'checkpoint'): DecodedCheckpoint {
  const { header, tensors } = decodeTensorFile(bytes, what);
  if (header.kind !== 'checkpoint') throw new WeightFileError(`${what} holds ${header.kind}, not a training checkpoint.`);
  if (!header.config) throw new WeightFileError(`${what} has no model config.`);
  const { specs } = describeUNet(header.config);
  const maps = Object.fromEntries(PARTS.map((p) => [p, new Map<string, Float32Array>()])) as Record<(typeof PARTS)[number], Map<string, Float32Array>>;
  for (const part of PARTS) {
    for (const s of specs) {
      const v = tensors.get(`${part}/${s.name}`);
      if (!v) throw new WeightFileError(`${what} lacks ${part} "${s.name}".`);
      maps[part].set(s.name, v);
    }
  }
  const meta = header.meta as { step: number; restart?: TrainerRestart; lossHistory: number[]; options: ResolvedTrainerOptions };
  return {
    config: header.config,
    options: meta.options,
    meta: header.meta,
    state: {
      step: meta.step, ...(meta.restart ? { restart: meta.restart } : {}), lossHistory: meta.lossHistory ?? [],
      weights: maps.weights, adamM: maps.adamM, adamV: maps.adamV, ema: maps.ema,
    },
  };
}

/** The EMA weights as a shippable weight file. */
export function exportEmaWeights(config: UNetConfig, state: TrainerState, meta: Record<string, unknown> = {}, dtype: 'float16' | 'float32' = 'float16'): Uint8Array {
  return saveWeights(config, state.ema, { dtype, meta: { step: state.step, ...meta } });
}
