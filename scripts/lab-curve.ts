/**
 * npm run lab:curve -- [--width 16] [--batch 32] [--lr 0.003] [--warmup 50] [--ema 0.99] [--guidance 3,1]
 *                     [--steps 600] [--every 50] [--count 100] [--json FILE]
 *
 * Lesson 4's lab, trained in Node on the same code the page's worker runs
 * (TrainingSession, wasm + our kernels, one thread), from scratch on all ten
 * digits. Every --every steps it measures what the lab's meter measures (the
 * EMA weights, DDIM-20, at the lab's guidance and at w = 1, read by the digit classifier), on
 * --count samples instead of the page's ten so that the curve is not a coin
 * toss, and prints the step, the training time so far and the accuracy.
 *
 * This is where the lab's defaults and its "minutes to readable digits"
 * estimate come from: steps to 80% and 90% here, times the reader's own
 * ms per step there (src/train/lab-estimate.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { startNodeBackend } from '../src/backends/node';
import { loadDigits } from '../src/data/digits';
import { loadClassifier } from '../src/model/classifier';
import { meterAccuracy } from '../src/eval/meter-accuracy';
import { selectClasses, TrainingSession } from '../src/train/lab-session';
import { DEFAULT_SETTINGS, LAB_GUIDANCE, normaliseSettings } from '../src/train/lab-settings';
import { parseArgs } from '../src/node/cli-args';

const args = parseArgs(process.argv.slice(2), {
  width: String(DEFAULT_SETTINGS.width), batch: String(DEFAULT_SETTINGS.batch), lr: String(DEFAULT_SETTINGS.lr),
  schedule: DEFAULT_SETTINGS.schedule, weighting: DEFAULT_SETTINGS.weighting,
  warmup: '', ema: '', guidance: `${LAB_GUIDANCE},1`, steps: '600', every: '50', count: '100', json: '',
});
await startNodeBackend('wasm');
const settings = normaliseSettings({
  width: Number(args.width), batch: Number(args.batch), lr: Number(args.lr),
  schedule: args.schedule as 'linear' | 'cosine', weighting: args.weighting as 'min-snr' | 'mse',
});
const clsPath = 'trained-models/digit-classifier/weights.ddmw';
const cls = loadClassifier(new Uint8Array(readFileSync(clsPath)), clsPath);
const meter = { config: cls.config, weights: cls.weights };
const data = selectClasses(await loadDigits('mnist', 'train'), settings.classes);
const recipe = { ...(args.warmup ? { warmupSteps: Number(args.warmup) } : {}), ...(args.ema ? { ema: Number(args.ema) } : {}) };
const session = new TrainingSession({ settings, data, recipe });
const count = Number(args.count);
const pageLabels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

console.log(`lab: width ${settings.width}, batch ${settings.batch}, lr ${settings.lr}, ${settings.schedule}, ${settings.weighting}, ${JSON.stringify(recipe)}; ${session.params.toLocaleString('en')} parameters`);
const scales = String(args.guidance).split(',').map(Number);
console.log(`| step | training s | ms/step (last stretch) | ${scales.map((w) => `accuracy at w = ${w}, ${count} samples`).join(' | ')} | page meter (10 samples, seed 7, w = ${scales[0]}) | tensors |`);
console.log(`|---|---|---|${scales.map(() => '---|').join('')}---|---|`);
const rows: { step: number; trainMs: number; accuracy: Record<string, number>; page: number }[] = [];
let trainMs = 0;
let stretchMs = 0;
let stretchSteps = 0;
const total = Number(args.steps);
const every = Number(args.every);
while (session.step < total) {
  const t0 = performance.now();
  await session.trainStep();
  const dt = performance.now() - t0;
  trainMs += dt;
  stretchMs += dt;
  stretchSteps++;
  if (session.step % every === 0 || session.step === total) {
    // One sample per (label, seed) pair, seeds 1000..1000 + count/10, at each guidance scale.
    const accuracy: Record<string, number> = {};
    for (const w of scales) {
      let hits = 0;
      for (let s = 0; s < count / 10; s++) {
        const px = await session.samples(pageLabels, 20, 1000 + s, w);
        hits += (await meterAccuracy(tf, meter, px, pageLabels)) * 10;
      }
      accuracy[w] = hits / count;
    }
    const page = await meterAccuracy(tf, meter, await session.samples(pageLabels, 20, 7, scales[0]), pageLabels);
    rows.push({ step: session.step, trainMs, accuracy, page });
    const pct = (v: number) => `${(v * 100).toFixed(0)} %`;
    console.log(`| ${session.step} | ${(trainMs / 1000).toFixed(0)} | ${(stretchMs / stretchSteps).toFixed(0)} | ${scales.map((w) => pct(accuracy[w])).join(' | ')} | ${pct(page)} | ${tf.memory().numTensors} |`);
    stretchMs = 0;
    stretchSteps = 0;
  }
}
if (args.json) writeFileSync(String(args.json), JSON.stringify({ settings, params: session.params, rows }, null, 2));
session.dispose();
