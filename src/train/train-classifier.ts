/**
 * `npm run train -- --config digit-classifier [--epochs 3]`
 *
 * Trains the digit classifier (src/model/classifier.ts) on MNIST train with
 * our Node engine (wasm + our kernels), reports MNIST test accuracy, and
 * writes trained-models/digit-classifier/{weights.ddmw,train-log.json}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../diffusion/rng';
import { loadDigits } from '../data/digits';
import { classifierForward, classifierParams, DIGIT_CLASSIFIER, initClassifier, saveClassifier } from '../model/classifier';
import { toVariables, type Weights } from '../model/params';
import { adamUpdate, createAdamState } from './adam';
import { classifierAccuracy } from '../eval/digit-meter';
import { startNodeBackend } from '../backends/node';

export interface ClassifierTrainingArgs {
  epochs: string;
  batch: string;
  lr: string;
  seed: string;
  out: string;
}

export async function trainClassifier(args: ClassifierTrainingArgs): Promise<void> {
const backend = await startNodeBackend('wasm');
const cfg = DIGIT_CLASSIFIER;
const train = await loadDigits('mnist', 'train');
const test = await loadDigits('mnist', 'test');
const B = Number(args.batch);
const epochs = Number(args.epochs);
const w = toVariables(initClassifier(cfg, Number(args.seed)));
const adam = createAdamState(w);
const names = Object.keys(w);
const pix = 784;
const stepsPerEpoch = Math.floor(train.count / B);
const t0 = Date.now();
const log: { epoch: number; step: number; loss: number; testAcc?: number; seconds: number }[] = [];
for (let e = 0; e < epochs; e++) {
  const rng = createRng(Number(args.seed) + 100).fork(e);
  const perm = Array.from({ length: train.count }, (_, i) => i);
  for (let i = perm.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  // Cosine decay from lr to lr/20 over the whole run.
  let lossSum = 0;
  for (let s = 0; s < stepsPerEpoch; s++) {
    const k = e * stepsPerEpoch + s;
    const lr = Number(args.lr) * (0.05 + 0.95 * 0.5 * (1 + Math.cos((Math.PI * k) / (epochs * stepsPerEpoch))));
    const x = new Float32Array(B * pix);
    const y = new Int32Array(B);
    for (let b = 0; b < B; b++) {
      const i = perm[s * B + b];
      y[b] = train.labels[i];
      for (let p = 0; p < pix; p++) x[b * pix + p] = train.images[i * pix + p] / 127.5 - 1;
    }
    const loss = tf.tidy(() => {
      const xt = tf.tensor4d(x, [B, 28, 28, 1]);
      const yt = tf.oneHot(tf.tensor1d(y, 'int32'), 10);
      const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(yt, classifierForward(w, cfg, xt).logits) as tf.Scalar, names.map((n) => w[n]));
      const g: Record<string, tf.Tensor> = {};
      for (const n of names) g[n] = grads[w[n].name];
      adamUpdate(w, g, adam, lr);
      return value;
    });
    lossSum += (await loss.data())[0];
    loss.dispose();
    if ((s + 1) % 100 === 0) {
      console.log(`epoch ${e + 1} step ${s + 1}/${stepsPerEpoch} loss ${(lossSum / 100).toFixed(4)} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      log.push({ epoch: e + 1, step: k + 1, loss: lossSum / 100, seconds: (Date.now() - t0) / 1000 });
      lossSum = 0;
    }
  }
  const acc = await classifierAccuracy(w as Weights, cfg, test);
  console.log(`epoch ${e + 1}: MNIST test accuracy ${(acc.overall * 100).toFixed(2)}%`);
  log.push({ epoch: e + 1, step: (e + 1) * stepsPerEpoch, loss: NaN, testAcc: acc.overall, seconds: (Date.now() - t0) / 1000 });
}
const values = new Map<string, Float32Array>();
for (const n of names) values.set(n, (await w[n].data()) as Float32Array);
const acc = await classifierAccuracy(w as Weights, cfg, test);
mkdirSync(String(args.out), { recursive: true });
const meta = { testAccuracy: acc.overall, perClass: acc.perClass, epochs, batch: B, seconds: Math.round((Date.now() - t0) / 1000) };
writeFileSync(`${args.out}/weights.ddmw`, saveClassifier(cfg, values, meta));
// Check that float16 storage keeps the accuracy.
writeFileSync(`${args.out}/train-log.json`, JSON.stringify({
  config: cfg, params: classifierParams(cfg), ...meta, hardware: `${cpus()[0]?.model} ×${cpus().length}, Node ${process.version}, TF.js ${tf.version.tfjs} ${backend}`, log,
}, null, 1));
console.log(`Test accuracy ${(acc.overall * 100).toFixed(2)}% → ${args.out}/weights.ddmw`);
}
