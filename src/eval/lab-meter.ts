/**
 * The quality meter in the browser: the shipped digit classifier (if the
 * build has one: trained-models/digit-classifier/*.ddmw) reads the lab's
 * class-conditional samples, and the share it reads as the asked-for digit is
 * the accuracy. A build without the classifier says so instead.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { classifierForward, loadClassifier, type ClassifierConfig } from '../model/classifier';
import type { Weights } from '../model/params';
import { download } from '../data/download-error';

// A glob, not a plain import: the build must not fail while the classifier is not trained yet.
const found: Record<string, string> = import.meta.glob('../../trained-models/digit-classifier/*.ddmw', { query: '?url', import: 'default', eager: true });

export const CLASSIFIER_URL: string | null = Object.values(found)[0] ?? null;

export interface Meter {
  config: ClassifierConfig;
  weights: Weights;
}

let pending: Promise<Meter | null> | null = null;

/** The classifier, loaded once; null when the build has none. */
export function loadMeter(): Promise<Meter | null> {
  if (pending) return pending;
  pending = (async () => {
    if (!CLASSIFIER_URL) return null;
    const res = await download(CLASSIFIER_URL, 'the digit classifier');
    const c = loadClassifier(new Uint8Array(await res.arrayBuffer()), 'the digit classifier');
    return { config: c.config, weights: c.weights };
  })();
  pending.catch(() => (pending = null));
  return pending;
}

/** Share of samples (count × 784 in [-1, 1]) that the classifier reads as their label. */
export async function meterAccuracy(tf: typeof tfTypes, meter: Meter, pixels: Float32Array, labels: number[]): Promise<number> {
  const n = labels.length;
  const s = meter.config.imageSize;
  const pred = tf.tidy(() => tf.argMax(classifierForward(meter.weights, meter.config, tf.tensor4d(pixels, [n, s, s, 1])).logits, 1));
  const p = await pred.data();
  pred.dispose();
  let hit = 0;
  for (let i = 0; i < n; i++) if (p[i] === labels[i]) hit++;
  return hit / n;
}
