/**
 * The quality meter: classifier accuracy (per class and overall) and the FID
 * proxy (Fréchet distance of the classifier's penultimate features).
 */
import * as tf from '@tensorflow/tfjs';
import type { ClassifierConfig } from '../model/classifier';
import { classifierForward } from '../model/classifier';
import type { Weights } from '../model/params';
import { fitGaussian, frechetDistance, type Gaussian } from './frechet';
import { pickRows } from './kid';

export interface ImageSet {
  count: number;
  /** count×784 pixels, uint8 (0 = background). */
  images: Uint8Array;
  labels?: ArrayLike<number>;
}

export interface ClassifierOutputs {
  predictions: Int32Array;
  features: Float32Array;
  featureDim: number;
}

export async function runClassifier(w: Weights, cfg: ClassifierConfig, set: ImageSet, chunk = 500): Promise<ClassifierOutputs> {
  const pix = cfg.imageSize * cfg.imageSize;
  const predictions = new Int32Array(set.count);
  const features = new Float32Array(set.count * cfg.featureDim);
  for (let s = 0; s < set.count; s += chunk) {
    const m = Math.min(chunk, set.count - s);
    const [pred, feat] = tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(set.images.subarray(s * pix, (s + m) * pix), (p) => p / 127.5 - 1), [m, cfg.imageSize, cfg.imageSize, 1]);
      const r = classifierForward(w, cfg, x);
      return [tf.argMax(r.logits, 1), r.features];
    });
    predictions.set((await pred.data()) as Int32Array, s);
    features.set((await feat.data()) as Float32Array, s * cfg.featureDim);
    tf.dispose([pred, feat]);
  }
  return { predictions, features, featureDim: cfg.featureDim };
}

export interface Accuracy {
  overall: number;
  perClass: number[];
}

export function accuracyOf(predictions: ArrayLike<number>, labels: ArrayLike<number>, numClasses = 10): Accuracy {
  const hit = new Array(numClasses).fill(0);
  const tot = new Array(numClasses).fill(0);
  let h = 0;
  for (let i = 0; i < labels.length; i++) {
    tot[labels[i]]++;
    if (predictions[i] === labels[i]) {
      hit[labels[i]]++;
      h++;
    }
  }
  return { overall: h / labels.length, perClass: hit.map((v, i) => (tot[i] ? v / tot[i] : NaN)) };
}

export async function classifierAccuracy(w: Weights, cfg: ClassifierConfig, set: ImageSet & { labels: ArrayLike<number> }): Promise<Accuracy> {
  const r = await runClassifier(w, cfg, set);
  return accuracyOf(r.predictions, set.labels, cfg.numClasses);
}

export function featureGaussian(out: ClassifierOutputs, rows?: number[]): Gaussian {
  if (!rows) return fitGaussian(out.features, out.predictions.length, out.featureDim);
  return fitGaussian(pickRows(out.features, out.featureDim, rows), rows.length, out.featureDim);
}

export { frechetDistance };
