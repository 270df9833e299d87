/**
 * Weights as a plain object of named tensors. The forward pass reads them by
 * name, so the same code runs on tf.Variables (training), on an EMA copy
 * (sampling) and on weights just loaded from a file.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../diffusion/rng';

export type Weights = Record<string, tf.Tensor>;
export type VariableWeights = Record<string, tf.Variable>;

export { countParams, sizeOf, type InitKind, type ParamSpec } from './param-spec';
import { sizeOf, type ParamSpec } from './param-spec';

export interface InitOptions {
  seed?: number;
  /**
   * Zero-initialise the last layer of each residual branch and the output
   * (the usual DDPM choice; default true). Gradient checks turn it off so
   * every weight gets a non-trivial gradient.
   */
  zeroFinal?: boolean;
}

/** Initial values on typed arrays, in spec order, from the maths core's seeded RNG: independent of the backend. */
export function initValues(specs: readonly ParamSpec[], opts: InitOptions = {}): Map<string, Float32Array> {
  const rng = createRng(opts.seed ?? 0);
  const rand = () => rng.uniform();
  const zeroFinal = opts.zeroFinal ?? true;
  const out = new Map<string, Float32Array>();
  for (const s of specs) {
    const v = new Float32Array(sizeOf(s.shape));
    const kind = s.init === 'zeroFinal' ? (zeroFinal ? 'zeros' : 'fanIn') : s.init;
    if (kind === 'ones') v.fill(1);
    else if (kind === 'fanIn') {
      const bound = Math.sqrt(3 / Math.max(1, s.fanIn ?? 1));
      for (let i = 0; i < v.length; i++) v[i] = (rand() * 2 - 1) * bound;
    }
    out.set(s.name, v);
  }
  return out;
}

/**
 * One tensor per spec from named values: the one place where numbers read from
 * a file, a checkpoint or an initialiser become weights. Every value is checked
 * before any tensor is made, so a bad file leaks nothing; `fail` makes the
 * error (a WeightFileError for files a reader gives).
 */
export function weightsFromValues(
  specs: readonly ParamSpec[], values: Map<string, Float32Array>, what = 'weights', fail: (message: string) => Error = (message) => new Error(message),
): Weights {
  for (const s of specs) {
    const v = values.get(s.name);
    if (!v || v.length !== s.shape.reduce((a, b) => a * b, 1)) throw fail(`${what} lacks or mis-sizes "${s.name}".`);
  }
  const w: Weights = {};
  for (const s of specs) w[s.name] = tf.tensor(values.get(s.name)!, s.shape, 'float32');
  return w;
}

export function toVariables(w: Weights, trainable = true): VariableWeights {
  const out: VariableWeights = {};
  for (const [k, t] of Object.entries(w)) out[k] = tf.variable(t, trainable, undefined, 'float32');
  return out;
}

export function disposeWeights(w: Weights): void {
  for (const t of Object.values(w)) t.dispose();
}

/** Reads every weight back to typed arrays (the async way, safe on WebGPU). */
export async function readWeights(w: Weights): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  for (const [k, t] of Object.entries(w)) out.set(k, (await t.data()) as Float32Array);
  return out;
}
