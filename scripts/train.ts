/**
 * npm run train -- --config mnist-cond [--steps N] [--fresh] [--backend wasm]
 * npm run train -- --config digit-classifier [--epochs 3]   (the quality meter's CNN)
 *
 * Trains a recipe from src/train/configs.ts in Node (wasm backend + our
 * kernels). Resumable: the full state is checkpointed to
 * .tmp/<config>/checkpoint.ddmw every --save-every steps and on Ctrl-C; a
 * later run continues from it (use --fresh to start over). To stop a
 * background run cleanly: `touch .tmp/<config>/STOP`. The EMA weights are
 * exported in float16 to trained-models/<config>/weights.ddmw with a
 * train-log.json (loss curve, wall time, hardware) next to them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../src/diffusion/rng';
import { makeSchedule } from '../src/diffusion/schedule';
import { loadDigits } from '../src/data/digits';
import { digitSource, makeSceneBatch } from '../src/data/scenes';
import { encodeBatch } from '../src/text/tokenizer';
import { deriveSeed } from '../src/diffusion/rng';
import { describeUNet } from '../src/model/unet';
import { groundingTargets } from '../src/train/grounding';
import { decodeCheckpoint, encodeCheckpoint, exportEmaWeights } from '../src/train/checkpoint';
import { trainRecipe } from '../src/train/configs';
import { startNodeBackend } from '../src/train/node-backend';
import { createTrainer } from '../src/train/trainer';
import { trainClassifier } from '../src/train/train-classifier';
import { parseArgs } from '../src/train/cli-args';

const argv = process.argv.slice(2);
if (argv[argv.indexOf('--config') + 1] === 'digit-classifier' && argv.includes('--config')) {
  // The quality meter's CNN (src/train/train-classifier.ts).
  const a = parseArgs(argv, { config: '', epochs: '3', batch: '128', lr: '0.001', seed: '0', out: 'trained-models/digit-classifier' });
  await trainClassifier(a);
  process.exit(0);
}
const args = parseArgs(argv, {
  config: 'mnist-cond', steps: '', fresh: false, backend: 'wasm', 'save-every': '100', 'log-every': '10', out: '', checkpoint: '',
});
const recipe = trainRecipe(String(args.config));
const totalSteps = args.steps ? Number(args.steps) : recipe.steps;
const outDir = String(args.out || join('trained-models', recipe.name));
const ckptPath = String(args.checkpoint || join('.tmp', recipe.name, 'checkpoint.ddmw'));
const saveEvery = Number(args['save-every']);
const logEvery = Number(args['log-every']);

function atomicWrite(path: string, bytes: Uint8Array | string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.part`, bytes);
  renameSync(`${path}.part`, path);
}

const backend = await startNodeBackend(String(args.backend));
const schedule = makeSchedule(recipe.schedule);
const data = await loadDigits(recipe.dataset === 'fashion' ? 'fashion' : 'mnist', 'train');
const scenes = recipe.dataset === 'scenes' ? digitSource(data) : null;
const pix = recipe.model.imageSize * recipe.model.imageSize;

let resume;
let wallSoFar = 0;
let sessions: unknown[] = [];
/** [step, grounding loss] for every step that had the grounding term (kept in the checkpoint's meta). */
let groundingLog: [number, number][] = [];
if (!args.fresh && existsSync(ckptPath)) {
  const ck = decodeCheckpoint(new Uint8Array(readFileSync(ckptPath)), ckptPath);
  if (JSON.stringify(ck.config) !== JSON.stringify(recipe.model)) {
    console.error(`Checkpoint ${ckptPath} was made for another model config; use --fresh to start over.`);
    process.exit(2);
  }
  resume = ck.state;
  wallSoFar = Number(ck.meta.wallSeconds ?? 0);
  sessions = (ck.meta.sessions as unknown[]) ?? [];
  groundingLog = (ck.meta.groundingLog as [number, number][]) ?? [];
  console.log(`Resuming from ${ckptPath} at step ${resume.step}.`);
}

const trainer = createTrainer(
  {
    config: recipe.model, schedule, lr: recipe.lr, warmupSteps: recipe.warmupSteps, ema: recipe.ema,
    pUncond: recipe.pUncond, minSnrGamma: recipe.minSnrGamma, gradClip: recipe.gradClip, seed: recipe.seed,
    grounding: recipe.grounding,
  },
  resume,
);
const desc = describeUNet(recipe.model);
const hardware = `${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}, TF.js ${tf.version.tfjs} ${backend}`;
console.log(`${recipe.name}: ${desc.params} params, ${(desc.flopsPerImage / 1e6).toFixed(0)} MFLOPs/image, batch ${recipe.batch}, ${hardware}`);

/** Batch of step s: random indices from a stream that depends only on (seed, s). */
function batchAt(s: number) {
  if (scenes) {
    // Fresh captioned scenes every step, from a seed that depends only on (seed, s).
    const sb = makeSceneBatch(scenes, { count: recipe.batch, seed: deriveSeed(recipe.seed + 1, s), split: 'train' });
    const x0 = new Float32Array(sb.images.length);
    for (let i = 0; i < x0.length; i++) x0[i] = sb.images[i] / 127.5 - 1;
    const L = recipe.model.text!.maxTokens;
    const tokens = encodeBatch(sb.captions, { maxTokens: L });
    return { x0, tokens, groundingTargets: groundingTargets(tokens, sb.specs, L) };
  }
  const rng = createRng(recipe.seed + 1).fork(s);
  const x0 = new Float32Array(recipe.batch * pix);
  const labels = new Int32Array(recipe.batch);
  for (let b = 0; b < recipe.batch; b++) {
    const i = rng.int(data.count);
    labels[b] = data.labels[i];
    for (let p = 0; p < pix; p++) x0[b * pix + p] = data.images[i * pix + p] / 127.5 - 1;
  }
  return { x0, labels };
}

const sessionStart = Date.now();
const sessionStartStep = trainer.step;
let stepTimes: number[] = [];

async function save() {
  const state = await trainer.exportState();
  const wall = wallSoFar + (Date.now() - sessionStart) / 1000;
  const session = { started: new Date(sessionStart).toISOString(), fromStep: sessionStartStep, toStep: state.step, seconds: (Date.now() - sessionStart) / 1000, hardware };
  const allSessions = [...sessions, session];
  atomicWrite(ckptPath, encodeCheckpoint(recipe.model, state, trainer.options, { wallSeconds: wall, sessions: allSessions, recipe, groundingLog }));
  atomicWrite(join(outDir, 'weights.ddmw'), exportEmaWeights(recipe.model, state, { recipe: recipe.name, wallSeconds: wall }));
  // Loss curves: means over windows of 50 steps, at the window's last step.
  const windows = (steps: number[], values: number[]) => {
    const curve: [number, number][] = [];
    for (let i = 0; i < values.length; i += 50) {
      const w = values.slice(i, i + 50);
      curve.push([steps[i + w.length - 1], w.reduce((a, b) => a + b, 0) / w.length]);
    }
    return curve;
  };
  const lossCurve = windows(state.lossHistory.map((_, i) => i + 1), state.lossHistory);
  const groundingCurve = windows(groundingLog.map(([s]) => s), groundingLog.map(([, v]) => v));
  atomicWrite(join(outDir, 'train-log.json'), JSON.stringify({
    recipe, params: desc.params, flopsPerImage: desc.flopsPerImage, steps: state.step, batch: recipe.batch,
    wallSeconds: Math.round(wall), sessions: allSessions, lossCurve, ...(groundingCurve.length ? { groundingCurve } : {}),
  }, null, 1));
}

// Stop cleanly (checkpoint, then exit) on SIGINT/SIGTERM, or when a file named STOP
// appears next to the checkpoint (signals do not always reach a process started by tsx).
let stopping = false;
process.on('SIGINT', () => { stopping = true; });
process.on('SIGTERM', () => { stopping = true; });
const stopFile = join(dirname(ckptPath), 'STOP');
if (existsSync(stopFile)) rmSync(stopFile);

while (trainer.step < totalSteps && !stopping && !existsSync(stopFile)) {
  const t0 = performance.now();
  const r = await trainer.trainStep(batchAt(trainer.step));
  stepTimes.push(performance.now() - t0);
  if (!Number.isFinite(r.loss)) {
    console.error(`Loss became ${r.loss} at step ${r.step}; stopping without saving.`);
    process.exit(3);
  }
  if (r.grounding !== undefined) groundingLog.push([r.step, r.grounding]);
  if (r.step % logEvery === 0) {
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const ms = [...stepTimes].sort((a, b) => a - b)[Math.floor(stepTimes.length / 2)];
    const recentGround = groundingLog.filter(([s]) => s > r.step - logEvery).map(([, v]) => v);
    const ground = recentGround.length ? ` grounding ${mean(recentGround).toFixed(4)}` : '';
    console.log(`step ${r.step}/${totalSteps} loss ${mean(trainer.lossHistory.slice(-logEvery)).toFixed(4)}${ground} lr ${r.lr.toExponential(2)} ${ms.toFixed(0)} ms/step tensors ${tf.memory().numTensors}`);
    stepTimes = [];
  }
  if (r.step % saveEvery === 0) await save();
}
await save();
console.log(`Saved at step ${trainer.step} → ${ckptPath}, ${join(outDir, 'weights.ddmw')}`);
trainer.dispose();
