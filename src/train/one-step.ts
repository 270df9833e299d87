/**
 * One training step, taken apart for the lesson: the same noising as the
 * trainer (x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε), one U-Net call, the error map and the
 * loss with its min-SNR-γ weight. No gradient: the page shows what the step
 * measures; the lab below it does the learning.
 */
import * as tf from '@tensorflow/tfjs';
import { qSample } from '../diffusion/forward';
import { createRng } from '../diffusion/rng';
import type { Schedule } from '../diffusion/schedule';
import { predictX0FromEps } from '../diffusion/predict';
import { minSnrWeight } from '../diffusion/weighting';
import type { UNetConfig } from '../model/config';
import type { Weights } from '../model/params';
import { unetForward } from '../model/unet';

export interface OneStepResult {
  eps: Float32Array;
  xt: Float32Array;
  epsHat: Float32Array;
  /** (ε̂ − ε)² per pixel. */
  err: Float32Array;
  x0Hat: Float64Array;
  mse: number;
  weight: number;
}

export async function oneTrainingStep(o: {
  weights: Weights;
  config: UNetConfig;
  schedule: Schedule;
  x0: Float32Array;
  /** null = label dropped (the "no label" entry used for classifier-free guidance). */
  label: number | null;
  t: number;
  seed: number;
  gamma?: number;
}): Promise<OneStepResult> {
  const n = o.x0.length;
  const eps = createRng(o.seed).fillNormal(new Float32Array(n));
  const xt = qSample(o.schedule, o.x0, o.t, eps, new Float32Array(n));
  const size = o.config.imageSize;
  const out = tf.tidy(() =>
    unetForward(
      o.weights,
      o.config,
      tf.tensor4d(xt, [1, size, size, 1]),
      tf.tensor1d([o.t], 'int32'),
      tf.tensor1d([o.label ?? o.config.numClasses], 'int32'),
    ).eps,
  );
  const epsHat = (await out.data()) as Float32Array;
  out.dispose();
  const err = new Float32Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    err[i] = (epsHat[i] - eps[i]) ** 2;
    sum += err[i];
  }
  return { eps, xt, epsHat, err, x0Hat: predictX0FromEps(o.schedule, xt, o.t, epsHat), mse: sum / n, weight: minSnrWeight(o.schedule, o.t, o.gamma ?? 5) };
}
