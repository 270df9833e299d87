/**
 * What the lab's meter reads: the share of samples the digit classifier
 * takes for the digit asked for. The page (with the classifier it downloads)
 * and `npm run lab:curve` (from disk) share it.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { classifierForward, type ClassifierConfig } from '../model/classifier';
import type { Weights } from '../model/params';

export interface Meter {
  config: ClassifierConfig;
  weights: Weights;
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
