/**
 * One training run in the browser: the lab's settings turned into a model
 * config, a schedule and a trainer, plus batches drawn from the chosen
 * classes, the sample grid and the checkpoint bytes. The worker drives it;
 * the browser tests drive the very same code on the main thread.
 *
 * Call after TF.js has a backend. Every tensor it makes is disposed: the
 * trainer's step and the sampler run inside tidy/explicit disposal.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../diffusion/rng';
import type { Schedule } from '../diffusion/schedule';
import type { DigitSet } from '../data/digits';
import type { UNetConfig } from '../model/config';
import { describeUNet, unetForward } from '../model/unet';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { loadWeights, saveWeights, WeightFileError } from '../model/weight-io';
import { createTrainer, makeNoisedBatch, type Trainer, type TrainerState } from './trainer';
import { generateSamples } from '../pipelines/generate';
import type { LabSettings } from './lab-settings';
import { CodedError } from '../failures/failure-codes';

export { labModelConfig, labSchedule } from './lab-model';
import { labModelConfig, labSchedule } from './lab-model';

export function trainerOptions(s: LabSettings, config: UNetConfig, schedule: Schedule) {
  return {
    config,
    schedule,
    lr: s.lr,
    // A short warm-up and a short EMA: the lab is judged in its first few hundred steps.
    warmupSteps: s.preset === 'tiny' ? 0 : 50,
    ema: s.preset === 'tiny' ? 0.9 : 0.99,
    pUncond: 0.1,
    minSnrGamma: s.weighting === 'min-snr' ? 5 : null,
    gradClip: 1,
    seed: 0,
  };
}

/** The chosen classes of a digit set: indices into its uint8 images (converted to [-1, 1] per batch). */
export interface TrainingData {
  images: Uint8Array;
  labels: Uint8Array;
  index: Int32Array;
  count: number;
}

export const NO_DATA: TrainingData = { images: new Uint8Array(0), labels: new Uint8Array(0), index: new Int32Array(0), count: 0 };

export function selectClasses(set: DigitSet, classes: readonly number[], limit = Infinity): TrainingData {
  const keep = new Set(classes);
  const idx: number[] = [];
  for (let i = 0; i < set.count && idx.length < limit; i++) if (keep.has(set.labels[i])) idx.push(i);
  if (idx.length === 0) throw new CodedError('no-images', `No images of class ${classes.join(', ')} in ${set.name}.`);
  return { images: set.images, labels: set.labels, index: Int32Array.from(idx), count: idx.length };
}

/** A zero Adam state and EMA = weights: training that starts from someone's weights. */
export function stateFromWeights(config: UNetConfig, weights: Map<string, Float32Array>, step: number): TrainerState {
  const zeros = new Map<string, Float32Array>();
  const ema = new Map<string, Float32Array>();
  for (const s of describeUNet(config).specs) {
    const w = weights.get(s.name)!;
    zeros.set(s.name, new Float32Array(w.length));
    ema.set(s.name, w.slice());
  }
  return { step, weights, adamM: zeros, adamV: new Map([...zeros].map(([k, v]) => [k, v.slice()])), ema, lossHistory: [] };
}

/** What the lab needs from a file a reader imports: a checkpoint (resumable) or bare weights. */
export interface ImportedModel {
  config: UNetConfig;
  state: TrainerState;
  settings: Partial<LabSettings>;
  elapsedMs: number;
  kind: 'checkpoint' | 'weights';
}

/**
 * Reads a lab checkpoint or a weight file, and checks that the lab can train
 * it (28×28 grey images, 10 classes). Throws WeightFileError with a message a
 * reader can act on; touches nothing.
 */
export function readModelFile(bytes: Uint8Array, name = 'the file'): ImportedModel {
  const what = `"${name}"`;
  let kind: 'checkpoint' | 'weights' = 'weights';
  if (bytes.length >= 16 && new TextDecoder().decode(bytes.subarray(0, 4)) === 'DDMW') {
    const hlen = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
    const head = new TextDecoder().decode(bytes.subarray(12, Math.min(bytes.length, 12 + Math.min(hlen, 64))));
    if (head.includes('"kind":"checkpoint"')) kind = 'checkpoint';
  }
  let out: ImportedModel;
  if (kind === 'checkpoint') {
    const c = decodeCheckpoint(bytes, what);
    const settings = (c.meta.settings ?? {}) as Partial<LabSettings>;
    out = { config: c.config, state: c.state, settings, elapsedMs: Number(c.meta.elapsedMs ?? 0), kind };
  } else {
    const w = loadWeights(bytes, { what });
    const step = Number(w.meta.step ?? 0);
    out = { config: w.config, state: stateFromWeights(w.config, w.weights, Number.isFinite(step) ? step : 0), settings: {}, elapsedMs: 0, kind };
  }
  const c = out.config;
  if (c.imageSize !== 28 || c.inChannels !== 1 || c.numClasses !== 10 || c.contextDim !== 0) {
    throw new WeightFileError(`${what} holds a model for ${c.imageSize}×${c.imageSize}×${c.inChannels} images with ${c.numClasses} classes; this lab trains 28×28 grey digits with 10 classes.`);
  }
  return out;
}

export interface SessionInit {
  settings: LabSettings;
  data: TrainingData;
  resume?: TrainerState;
  /** Config of the resumed state (overrides the one the settings imply). */
  config?: UNetConfig;
  /** Seed of the batch draws (default 1). */
  seed?: number;
  /** Trainer options over the lab's own (npm run lab:curve tries other recipes with this). */
  recipe?: Partial<Pick<ReturnType<typeof trainerOptions>, 'warmupSteps' | 'ema'>>;
}

export class TrainingSession {
  readonly config: UNetConfig;
  readonly schedule: Schedule;
  settings: LabSettings;
  private trainer: Trainer;
  private data: TrainingData;
  private batchRng: Rng;
  private recipe: SessionInit['recipe'];

  constructor(init: SessionInit) {
    this.settings = init.settings;
    this.config = init.config ?? labModelConfig(init.settings);
    this.schedule = labSchedule({ schedule: init.settings.schedule, T: this.config.timesteps });
    this.data = init.data;
    this.recipe = init.recipe;
    this.trainer = createTrainer({ ...trainerOptions(init.settings, this.config, this.schedule), ...this.recipe }, init.resume);
    this.batchRng = createRng(init.seed ?? 1).fork(this.trainer.step);
  }

  get step(): number {
    return this.trainer.step;
  }
  get losses(): number[] {
    return this.trainer.lossHistory;
  }
  get params(): number {
    return describeUNet(this.config).params;
  }

  /** New optimiser settings (lr, loss weighting) without losing anything: the trainer is rebuilt from its own state. */
  async reconfigure(settings: LabSettings): Promise<void> {
    const old = this.settings;
    this.settings = settings;
    if (old.lr === settings.lr && old.weighting === settings.weighting) return;
    const state = await this.trainer.exportState();
    this.trainer.dispose();
    this.trainer = createTrainer({ ...trainerOptions(settings, this.config, this.schedule), ...this.recipe }, state);
  }

  setData(data: TrainingData): void {
    this.data = data;
  }

  /** A batch of the configured size, drawn at random (with the session's seeded RNG) from the data. */
  nextBatch(): { x0: Float32Array; labels: Int32Array } {
    const B = this.settings.batch;
    const pix = 28 * 28;
    const x0 = new Float32Array(B * pix);
    const labels = new Int32Array(B);
    for (let b = 0; b < B; b++) {
      const i = this.data.index[this.batchRng.int(this.data.count)];
      for (let p = 0; p < pix; p++) x0[b * pix + p] = this.data.images[i * pix + p] / 127.5 - 1;
      labels[b] = this.data.labels[i];
    }
    return { x0, labels };
  }

  get hasData(): boolean {
    return this.data.count > 0;
  }

  trainStep(batch = this.nextBatch()) {
    if (batch.x0.length === 0) throw new Error('No training data loaded.');
    return this.trainer.trainStep(batch);
  }

  /** EMA-weight samples for fixed labels and a fixed seed: the same noise every refresh, so only the model changes. Guidance 1 is the plain conditional model. */
  async samples(labels: number[], steps: number, seed = 7, guidance = 1): Promise<Float32Array> {
    const out = await generateSamples({
      weights: this.trainer.ema,
      config: this.config,
      schedule: this.schedule,
      labels: Int32Array.from(labels),
      sampler: 'ddim',
      steps: Math.min(steps, this.schedule.T),
      guidance,
      rng: createRng(seed),
    });
    return Float32Array.from(out, (v) => Math.max(-1, Math.min(1, v)));
  }

  exportState(): Promise<TrainerState> {
    return this.trainer.exportState();
  }

  /** The whole state as a checkpoint file, and the EMA weights as a weight file (float32), from one read-back. */
  async snapshot(extra: Record<string, unknown>): Promise<{ checkpoint: Uint8Array; weights: Uint8Array; step: number }> {
    const state = await this.trainer.exportState();
    const meta = { ...extra, settings: this.settings };
    return {
      checkpoint: encodeCheckpoint(this.config, state, this.trainer.options, meta),
      weights: saveWeights(this.config, state.ema, { dtype: 'float32', meta: { step: state.step, dataset: this.settings.dataset, classes: this.settings.classes, schedule: this.settings.schedule } }),
      step: state.step,
    };
  }

  /** The loss (weighted as in training) on a fixed noised batch: a deterministic yardstick for tests. */
  async evalLoss(batch: { x0: Float32Array; labels: Int32Array }, seed = 99): Promise<number> {
    const nb = makeNoisedBatch(batch, this.config, this.schedule, { pUncond: 0, minSnrGamma: null, seed }, 0);
    const B = nb.t.length;
    const s = this.config.imageSize;
    const r = tf.tidy(() => {
      const xt = tf.tensor4d(nb.xt, [B, s, s, 1]);
      const pred = unetForward(this.trainer.weights, this.config, xt, tf.tensor1d(nb.t, 'int32'), tf.tensor1d(nb.labels, 'int32')).eps;
      return tf.mean(tf.squaredDifference(pred, tf.tensor4d(nb.eps, [B, s, s, 1])));
    });
    const v = (await r.data())[0];
    r.dispose();
    return v;
  }

  dispose(): void {
    this.trainer.dispose();
  }
}

export { WeightFileError };
