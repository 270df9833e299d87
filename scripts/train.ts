/**
 * npm run train -- --config mnist-cond [--steps N] [--fresh] [--backend wasm] [--workers N]
 *                  [--from-weights FILE --warmup 100] [--publish] [--ship]
 * npm run train -- --config digit-classifier [--epochs 3]   (the quality meter's CNN)
 *
 * Trains a recipe from src/train/configs.ts in Node (wasm backend + our
 * kernels). Resumable: the full state is checkpointed to the live directory
 * .tmp/<config>/checkpoint.ddmw every --save-every steps and on a stop; a
 * later run continues from it, or from the committed checkpoint
 * trained-models/<config>/checkpoint/checkpoint.ddmw (a fresh clone), whichever
 * is further on (--fresh starts over). To stop a background run cleanly:
 * `touch .tmp/<config>/STOP`. Each save also writes the EMA weights (float16)
 * and train-log.json to the live directory; nothing under trained-models/
 * changes while a run trains:
 *   --publish  copies the live checkpoint and its log to trained-models/<config>/checkpoint/ (to commit);
 *   --ship     copies the live weights.ddmw and train-log.json to trained-models/<config>/ (the shipped model).
 * --from-weights FILE restarts from weights alone (e.g. the shipped EMA when no
 * optimiser checkpoint was kept): weights and EMA from FILE, fresh Adam with a
 * warm-up of --warmup steps, the step counter continuing at the file's step.
 * --workers N (default: every core) splits each step's batch across N threads
 * (src/node/train-pool.ts); the result is the one-thread step's up to
 * the order of float additions.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, getPriority, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../src/diffusion/rng';
import { makeSchedule } from '../src/diffusion/schedule';
import { loadDigits } from '../src/data/digits';
import { digitSource, makeSceneBatch } from '../src/data/scenes';
import { encodeBatch } from '../src/text/tokenizer';
import { deriveSeed } from '../src/diffusion/rng';
import { describeUNet } from '../src/model/unet';
import { loadWeights } from '../src/model/weight-io';
import { groundingTargets } from '../src/train/grounding';
import { decodeCheckpoint, encodeCheckpoint, exportEmaWeights } from '../src/train/checkpoint';
import { trainRecipe } from '../src/train/configs';
import { startNodeBackend } from '../src/backends/node';
import { createTrainPool } from '../src/node/train-pool';
import { createTrainer, stateFromWeights, type TrainerState } from '../src/train/trainer';
import { trainClassifier } from '../src/train/train-classifier';
import { parseArgs } from '../src/node/cli-args';

const argv = process.argv.slice(2);
if (argv[argv.indexOf('--config') + 1] === 'digit-classifier' && argv.includes('--config')) {
  // The quality meter's CNN (src/train/train-classifier.ts).
  const a = parseArgs(argv, { config: '', epochs: '3', batch: '128', lr: '0.001', seed: '0', out: 'trained-models/digit-classifier' });
  await trainClassifier(a);
  process.exit(0);
}
const args = parseArgs(argv, {
  config: 'mnist-cond', steps: '', fresh: false, backend: 'wasm', 'save-every': '100', 'log-every': '10', out: '', checkpoint: '',
  'from-weights': '', warmup: '100', publish: false, ship: false, workers: String(cpus().length),
});
const recipe = trainRecipe(String(args.config));
const totalSteps = args.steps ? Number(args.steps) : recipe.steps;
const liveDir = join('.tmp', recipe.name);
const outDir = String(args.out || liveDir);
const ckptPath = String(args.checkpoint || join(liveDir, 'checkpoint.ddmw'));
const modelDir = join('trained-models', recipe.name);
const committedDir = join(modelDir, 'checkpoint');
const committedCkpt = join(committedDir, 'checkpoint.ddmw');
const saveEvery = Number(args['save-every']);
const logEvery = Number(args['log-every']);

function atomicWrite(path: string, bytes: Uint8Array | string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.part`, bytes);
  renameSync(`${path}.part`, path);
}

function atomicCopy(from: string, to: string) {
  if (!existsSync(from)) {
    console.error(`${from} does not exist (has a run saved yet?).`);
    process.exit(2);
  }
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, `${to}.part`);
  renameSync(`${to}.part`, to);
  console.log(`${from} → ${to}`);
}

// Copies only: safe while a run trains, since every save replaces its files by a rename.
if (args.publish || args.ship) {
  if (args.publish) {
    atomicCopy(ckptPath, committedCkpt);
    atomicCopy(join(outDir, 'train-log.json'), join(committedDir, 'train-log.json'));
  }
  if (args.ship) {
    atomicCopy(join(outDir, 'weights.ddmw'), join(modelDir, 'weights.ddmw'));
    atomicCopy(join(outDir, 'train-log.json'), join(modelDir, 'train-log.json'));
  }
  process.exit(0);
}

const backend = await startNodeBackend(String(args.backend));
const schedule = makeSchedule(recipe.schedule);
const data = await loadDigits(recipe.dataset === 'fashion' ? 'fashion' : 'mnist', 'train');
const scenes = recipe.dataset === 'scenes' ? digitSource(data) : null;
const pix = recipe.model.imageSize * recipe.model.imageSize;

let resume: TrainerState | undefined;
let wallSoFar = 0;
let sessions: unknown[] = [];
/** The loss curve of steps before the loss history this run keeps (a restart from weights only has the old log's curve). */
let priorLossCurve: [number, number][] = [];
/** [step, grounding loss] for every step that had the grounding term (kept in the checkpoint's meta). */
let groundingLog: [number, number][] = [];
// The live checkpoint or the committed one, whichever is further on.
const candidates = args.fresh ? [] : [ckptPath, committedCkpt].filter((p) => existsSync(p)).map((p) => ({ path: p, ck: decodeCheckpoint(new Uint8Array(readFileSync(p)), p) }));
const found = candidates.sort((a, b) => b.ck.state.step - a.ck.state.step)[0];
if (found) {
  const { ck, path } = found;
  if (JSON.stringify(ck.config) !== JSON.stringify(recipe.model)) {
    console.error(`Checkpoint ${path} was made for another model config; use --fresh to start over.`);
    process.exit(2);
  }
  resume = ck.state;
  wallSoFar = Number(ck.meta.wallSeconds ?? 0);
  sessions = (ck.meta.sessions as unknown[]) ?? [];
  priorLossCurve = (ck.meta.priorLossCurve as [number, number][]) ?? [];
  groundingLog = (ck.meta.groundingLog as [number, number][]) ?? [];
  console.log(`Resuming from ${path} at step ${resume.step}.`);
} else if (args['from-weights'] && !args.fresh) {
  const file = String(args['from-weights']);
  const saved = loadWeights(new Uint8Array(readFileSync(file)), { expectConfig: recipe.model, what: file });
  const step = Number(saved.meta.step);
  if (!Number.isInteger(step) || step < 1) throw new Error(`${file} does not say at which step it was saved.`);
  resume = stateFromWeights(saved.weights, step, Number(args.warmup));
  // The run so far is described by the log next to the weights (the model card's).
  const logPath = join(dirname(file), 'train-log.json');
  const prior = existsSync(logPath) ? (JSON.parse(readFileSync(logPath, 'utf8')) as { wallSeconds?: number; sessions?: unknown[]; lossCurve?: [number, number][] }) : {};
  wallSoFar = prior.wallSeconds ?? 0;
  priorLossCurve = (prior.lossCurve ?? []).filter(([s]) => s <= step);
  sessions = [
    ...(prior.sessions ?? []),
    { restart: `from the EMA weights of ${file} (step ${step}); Adam moments were not kept, so they start from zero with a ${resume.restart!.warmupSteps}-step warm-up` },
  ];
  console.log(`Restarting from the weights in ${file} at step ${step}: weights = EMA = that file, fresh Adam, warm-up ${resume.restart!.warmupSteps} steps.`);
}

const trainer = createTrainer(
  {
    config: recipe.model, schedule, lr: recipe.lr, warmupSteps: recipe.warmupSteps, ema: recipe.ema,
    pUncond: recipe.pUncond, minSnrGamma: recipe.minSnrGamma, gradClip: recipe.gradClip, seed: recipe.seed,
    grounding: recipe.grounding,
  },
  resume,
);
// The grounding loss is not a sum over images, so a recipe that uses it trains on one thread.
const threads = recipe.grounding?.weight ? 1 : Math.max(1, Number(args.workers));
if (threads < Number(args.workers)) console.log('This recipe has a grounding loss, which cannot be split across workers: training on one thread.');
const pool = await createTrainPool(trainer, schedule, threads);
const desc = describeUNet(recipe.model);
const hardware = `${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}, TF.js ${tf.version.tfjs} ${backend}`;
const niceness = getPriority();
console.log(`${recipe.name}: ${desc.params} params, ${(desc.flopsPerImage / 1e6).toFixed(0)} MFLOPs/image, batch ${recipe.batch}, ${pool.threads} thread(s), ${hardware}`);

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
/** The 1-minute load average at every step: how busy the machine was around this run. */
const loads: number[] = [];

async function save() {
  const state = await trainer.exportState();
  const wall = wallSoFar + (Date.now() - sessionStart) / 1000;
  const session = {
    started: new Date(sessionStart).toISOString(), fromStep: sessionStartStep, toStep: state.step, seconds: (Date.now() - sessionStart) / 1000, hardware,
    threads: pool.threads, nice: niceness, ...(loads.length ? { loadAverage: { min: Math.min(...loads), mean: round2(loads.reduce((a, b) => a + b, 0) / loads.length), max: Math.max(...loads) } } : {}),
  };
  const allSessions = [...sessions, session];
  atomicWrite(ckptPath, encodeCheckpoint(recipe.model, state, trainer.options, { wallSeconds: wall, sessions: allSessions, recipe, groundingLog, priorLossCurve }));
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
  // lossHistory holds the last steps up to state.step (all of them, unless the run restarted from weights).
  const first = state.step - state.lossHistory.length + 1;
  const lossCurve = [...priorLossCurve, ...windows(state.lossHistory.map((_, i) => first + i), state.lossHistory)];
  const groundingCurve = windows(groundingLog.map(([s]) => s), groundingLog.map(([, v]) => v));
  atomicWrite(join(outDir, 'train-log.json'), JSON.stringify({
    recipe, params: desc.params, flopsPerImage: desc.flopsPerImage, steps: state.step, batch: recipe.batch,
    wallSeconds: Math.round(wall), sessions: allSessions, ...(state.restart ? { restart: state.restart } : {}),
    streams: `step s draws its batch from fork(s) of seed ${recipe.seed + 1} and its t, ε and label dropout from fork(s) of seed ${recipe.seed}`,
    lossCurve, ...(groundingCurve.length ? { groundingCurve } : {}),
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
  loads.push(round2(loadavg()[0]));
  const r = await pool.step(batchAt(trainer.step));
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
await pool.close();
trainer.dispose();

function round2(x: number) {
  return Math.round(x * 100) / 100;
}
