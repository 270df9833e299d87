/** Node helpers: read a shipped model directory (weights.ddmw), or a checkpoint exported from lesson 4's lab, into tensors. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { UNetConfig } from '../model/config';
import { describeUNet } from '../model/unet';
import { readModelBytes } from '../model/weight-io';
import { weightsFromValues, type Weights } from '../model/params';

export interface LoadedModel {
  config: UNetConfig;
  weights: Weights;
  meta: Record<string, unknown>;
  path: string;
}

/** `path` is a model directory holding weights.ddmw, or a .ddmw file itself (weights, or the lab's export). Throws a clear Error. */
export function loadModelFromDisk(path: string): LoadedModel {
  if (!existsSync(path)) throw new Error(`No model at "${path}".`);
  const file = statSync(path).isDirectory() ? join(path, 'weights.ddmw') : path;
  if (!existsSync(file)) throw new Error(`"${path}" has no weights.ddmw.`);
  const saved = readModelBytes(new Uint8Array(readFileSync(file)), file);
  const weights = weightsFromValues(describeUNet(saved.config).specs, saved.weights, file);
  return { config: saved.config, weights, meta: saved.meta, path: file };
}
