/**
 * The digit classifier behind the quality meter: a small CNN (strided convs,
 * no max-pool: wasm MaxPoolGrad is wrong in TF.js 4.22). Its penultimate
 * layer gives the features of the FID proxy.
 *
 *   28×28×1 ─conv3 16─ conv3/2 32 (14) ─ conv3 32 ─ conv3/2 64 (7) ─ flatten ─ dense 128 (features) ─ dense 10
 */
import * as tf from '@tensorflow/tfjs';
import { conv2d, linear } from './layers/conv';
import { countParams, initValues, weightsFromValues, type ParamSpec, type Weights } from './params';
import { decodeTensorFile, encodeTensorFile, WeightFileError } from './weight-io';

export interface ClassifierConfig {
  imageSize: number;
  channels: [number, number, number, number];
  featureDim: number;
  numClasses: number;
}

export const DIGIT_CLASSIFIER: ClassifierConfig = { imageSize: 28, channels: [16, 32, 32, 64], featureDim: 128, numClasses: 10 };

export function classifierSpecs(cfg: ClassifierConfig): ParamSpec[] {
  const specs: ParamSpec[] = [];
  const conv = (name: string, cin: number, cout: number) => {
    specs.push({ name: `${name}.w`, shape: [3, 3, cin, cout], init: 'fanIn', fanIn: 9 * cin });
    specs.push({ name: `${name}.b`, shape: [cout], init: 'zeros' });
  };
  const [c1, c2, c3, c4] = cfg.channels;
  conv('c1', 1, c1);
  conv('c2', c1, c2);
  conv('c3', c2, c3);
  conv('c4', c3, c4);
  const flat = (cfg.imageSize / 4) ** 2 * c4;
  specs.push({ name: 'fc.w', shape: [flat, cfg.featureDim], init: 'fanIn', fanIn: flat });
  specs.push({ name: 'fc.b', shape: [cfg.featureDim], init: 'zeros' });
  specs.push({ name: 'out.w', shape: [cfg.featureDim, cfg.numClasses], init: 'fanIn', fanIn: cfg.featureDim });
  specs.push({ name: 'out.b', shape: [cfg.numClasses], init: 'zeros' });
  return specs;
}

export function classifierParams(cfg: ClassifierConfig = DIGIT_CLASSIFIER): number {
  return countParams(classifierSpecs(cfg));
}

export function initClassifier(cfg: ClassifierConfig = DIGIT_CLASSIFIER, seed = 0): Weights {
  const specs = classifierSpecs(cfg);
  // ReLU layers: He-style scale (variance 2/fan-in) instead of the U-Net's 1/fan-in.
  const v = initValues(specs, { seed });
  for (const s of specs) if (s.init === 'fanIn' && s.name !== 'out.w') v.get(s.name)!.forEach((x, i, a) => (a[i] = x * Math.SQRT2));
  return weightsFromValues(specs, v);
}

/** x: [B, 28, 28, 1] in [-1, 1]. Returns logits [B, 10] and the penultimate features [B, featureDim]. */
export function classifierForward(w: Weights, cfg: ClassifierConfig, x: tf.Tensor4D): { logits: tf.Tensor2D; features: tf.Tensor2D } {
  let h = tf.relu(conv2d(w, 'c1', x));
  h = tf.relu(conv2d(w, 'c2', h, 2));
  h = tf.relu(conv2d(w, 'c3', h));
  h = tf.relu(conv2d(w, 'c4', h, 2));
  const flat = h.reshape([x.shape[0], -1]) as tf.Tensor2D;
  const features = tf.relu(linear(w, 'fc', flat));
  return { logits: linear(w, 'out', features), features };
}

export function saveClassifier(cfg: ClassifierConfig, values: Map<string, Float32Array>, meta: Record<string, unknown> = {}, dtype: 'float16' | 'float32' = 'float16'): Uint8Array {
  const tensors = classifierSpecs(cfg).map((s) => {
    const data = values.get(s.name);
    if (!data) throw new WeightFileError(`Missing classifier weight "${s.name}".`);
    return { name: s.name, shape: s.shape, data };
  });
  return encodeTensorFile({ kind: 'classifier', dtype, config: null, meta: { ...meta, classifierConfig: cfg } }, tensors);
}

export function loadClassifier(bytes: Uint8Array, what = 'classifier file'): { config: ClassifierConfig; weights: Weights; meta: Record<string, unknown> } {
  const { header, tensors } = decodeTensorFile(bytes, what);
  if (header.kind !== 'classifier') throw new WeightFileError(`${what} holds ${header.kind}, not a classifier.`);
  const cfg = header.meta.classifierConfig as ClassifierConfig;
  const w = weightsFromValues(classifierSpecs(cfg), tensors, what, (message) => new WeightFileError(message));
  return { config: cfg, weights: w, meta: header.meta };
}
