/**
 * The training engine: one step = sample t and ε, noise the batch, predict ε,
 * weighted MSE, gradients, Adam with linear warm-up, EMA of the weights.
 *
 * It runs unchanged on any TF.js backend: WebGPU in a browser Web Worker, or
 * wasm in Node (after `registerWasmTrainingKernels()`). Randomness comes from
 * the maths core's seeded RNG, forked per step, so a run resumed from a
 * checkpoint draws exactly the numbers it would have drawn.
 */
import * as tf from '@tensorflow/tfjs';
import { qSample } from '../diffusion/forward';
import { createRng } from '../diffusion/rng';
import type { Schedule } from '../diffusion/schedule';
import type { UNetConfig } from '../model/config';
import { describeUNet, initUNet, unetForward } from '../model/unet';
import { disposeWeights, toVariables, weightsFromValues, type VariableWeights, type Weights } from '../model/params';
import { adamEmaUpdate, sumOfSquares } from '../backends/adam-kernel';
import { groundingLoss, NO_CELL } from './grounding';
import { minSnrWeights } from './loss';

export type TrainSchedule = Schedule;

export interface TrainerOptions {
  config: UNetConfig;
  schedule: TrainSchedule;
  /** Peak learning rate (default 1e-3, which suits these small nets). */
  lr?: number;
  /** Steps of linear warm-up from 0 to lr (default 200). */
  warmupSteps?: number;
  adamBeta1?: number;
  adamBeta2?: number;
  adamEps?: number;
  /**
   * EMA decay of the weights (default 0.999). The EMA starts as a copy of the
   * initial weights and uses min(ema, (1+k)/(10+k)) at step k, so that a short
   * run's EMA is not dominated by the random init.
   */
  ema?: number;
  /** Probability that a label is replaced by "no label" (default 0.1), for classifier-free guidance. */
  pUncond?: number;
  /** γ of min-SNR-γ loss weighting (Hang et al. 2023); null/0 = plain MSE (default 5). */
  minSnrGamma?: number | null;
  /** Clip the global gradient norm (default 1; 0 = off). */
  gradClip?: number;
  /** Seed of the weight init and of every step's t, ε and label dropout. */
  seed?: number;
  /**
   * Text models: add weight × the cross-attention grounding loss
   * (src/train/grounding.ts) from step fromStep on, on batches that carry
   * grounding targets. Off by default (weight 0).
   */
  grounding?: GroundingOptions;
}

export interface GroundingOptions {
  weight: number;
  fromStep: number;
}

export interface ResolvedTrainerOptions extends Required<Omit<TrainerOptions, 'config' | 'schedule' | 'minSnrGamma'>> {
  minSnrGamma: number | null;
}

export function resolveTrainerOptions(o: TrainerOptions): ResolvedTrainerOptions {
  return {
    lr: o.lr ?? 1e-3,
    warmupSteps: o.warmupSteps ?? 200,
    adamBeta1: o.adamBeta1 ?? 0.9,
    adamBeta2: o.adamBeta2 ?? 0.999,
    adamEps: o.adamEps ?? 1e-8,
    ema: o.ema ?? 0.999,
    pUncond: o.pUncond ?? 0.1,
    minSnrGamma: o.minSnrGamma === undefined ? 5 : o.minSnrGamma,
    gradClip: o.gradClip ?? 1,
    seed: o.seed ?? 0,
    grounding: o.grounding ?? { weight: 0, fromStep: 0 },
  };
}

export interface Batch {
  /** B images, NHWC flattened, in [-1, 1]. */
  x0: Float32Array;
  /** B labels (0..numClasses-1); ignored for unconditional models. */
  labels?: ArrayLike<number>;
  /** B × maxTokens caption token ids, row-major (text models only; 0 = [PAD]). */
  tokens?: Int32Array;
  /** B × maxTokens: the cell each digit token names, NO_CELL elsewhere (src/train/grounding.ts). */
  groundingTargets?: Int8Array;
}

export interface StepResult {
  step: number;
  /** The diffusion loss (weighted MSE on ε), without the grounding term. */
  loss: number;
  /** The grounding loss, when the step used it. */
  grounding?: number;
  lr: number;
}

/**
 * Everything needed to resume: weights, Adam moments, EMA, step, loss history.
 * The step is also the random state: every draw of step s comes from
 * fork(s) of the seeded streams, so nothing else needs saving.
 */
export interface TrainerState {
  step: number;
  /**
   * Set when the run was restarted from weights alone (no Adam moments):
   * Adam's bias correction and the linear warm-up count from this step
   * instead of 0, since the moments start from zero again there.
   */
  restart?: TrainerRestart;
  weights: Map<string, Float32Array>;
  adamM: Map<string, Float32Array>;
  adamV: Map<string, Float32Array>;
  ema: Map<string, Float32Array>;
  lossHistory: number[];
}

export interface TrainerRestart {
  step: number;
  warmupSteps: number;
}

/**
 * The state that resumes from weights alone (a shipped EMA file, when the
 * optimiser checkpoint was not kept): weights and EMA both start from them,
 * Adam from zero moments with a fresh warm-up of `warmupSteps`, and the step
 * counter continues at `step` so that the seeded streams (data, t, ε, label
 * dropout: all forks of the step) go on instead of replaying steps 0…step−1.
 */
export function stateFromWeights(weights: Map<string, Float32Array>, step: number, warmupSteps: number): TrainerState {
  const copy = () => new Map([...weights].map(([k, v]) => [k, Float32Array.from(v)]));
  const zeros = () => new Map([...weights].map(([k, v]) => [k, new Float32Array(v.length)]));
  return { step, restart: { step, warmupSteps }, weights: copy(), ema: copy(), adamM: zeros(), adamV: zeros(), lossHistory: [] };
}

export interface Trainer {
  readonly config: UNetConfig;
  readonly options: ResolvedTrainerOptions;
  readonly weights: VariableWeights;
  readonly ema: VariableWeights;
  readonly step: number;
  readonly lossHistory: number[];
  /** One optimisation step on a batch. Disposes everything it makes. */
  trainStep(batch: Batch): Promise<StepResult>;
  /**
   * Data parallelism (src/node/train-pool.ts): the gradients of images
   * [lo, hi) of a noised batch with the loss divided by `denom` (the whole
   * batch's size), as tensors in parameter order that the caller disposes...
   */
  gradientsOf(nb: NoisedBatch, lo: number, hi: number, denom: number): Promise<{ loss: number; grads: tf.Tensor[] }>;
  /** ...and the update from their sum over the shards (disposes nothing it is given). */
  applyGradients(grads: tf.Tensor[], loss: number): StepResult;
  /** Learning rate at a step (linear warm-up, then constant). */
  lrAt(step: number): number;
  exportState(): Promise<TrainerState>;
  dispose(): void;
}

/** Noised inputs for one step, made on the CPU from the seeded RNG (cheap next to the network). */
export interface NoisedBatch {
  xt: Float32Array;
  eps: Float32Array;
  t: Int32Array;
  labels: Int32Array;
  /** Text models: the captions' ids with dropped captions set to all-[PAD]; empty otherwise. */
  tokens: Int32Array;
  /** The batch's grounding targets with dropped captions' cleared (a dropped caption has no words to ground). */
  groundingTargets?: Int8Array;
  lossWeights: Float32Array;
}

export function makeNoisedBatch(
  batch: Batch,
  cfg: UNetConfig,
  schedule: TrainSchedule,
  opts: { pUncond: number; minSnrGamma: number | null; seed: number },
  step: number,
): NoisedBatch {
  const pix = cfg.imageSize * cfg.imageSize * cfg.inChannels;
  const B = batch.x0.length / pix;
  if (!Number.isInteger(B) || B < 1) throw new Error(`Batch of ${batch.x0.length} values is not a whole number of ${pix}-value images.`);
  const rng = createRng(opts.seed).fork(step);
  const t = new Int32Array(B);
  const labels = new Int32Array(B);
  const L = cfg.text?.maxTokens ?? 0;
  if (L && (!batch.tokens || batch.tokens.length !== B * L)) throw new Error(`A text model needs ${B}×${L} caption token ids per batch.`);
  const tokens = L ? Int32Array.from(batch.tokens!) : new Int32Array(0);
  const targets = L && batch.groundingTargets ? Int8Array.from(batch.groundingTargets) : undefined;
  if (targets && targets.length !== B * L) throw new Error(`A batch of ${B} needs ${B}×${L} grounding targets, got ${targets.length}.`);
  for (let b = 0; b < B; b++) {
    t[b] = rng.int(schedule.T);
    // Class and caption dropout share one draw, so a class model's stream is unchanged by text support.
    const drop = (cfg.numClasses > 0 || L > 0) && rng.uniform() < opts.pUncond;
    labels[b] = cfg.numClasses === 0 ? 0 : drop || !batch.labels ? cfg.numClasses : Number(batch.labels[b]);
    if (L && drop) {
      tokens.fill(0, b * L, (b + 1) * L);
      targets?.fill(NO_CELL, b * L, (b + 1) * L);
    }
  }
  const eps = rng.fillNormal(new Float32Array(B * pix));
  const xt = new Float32Array(B * pix);
  for (let b = 0; b < B; b++) {
    const at = (v: Float32Array) => v.subarray(b * pix, (b + 1) * pix);
    qSample(schedule, at(batch.x0), t[b], at(eps), at(xt));
  }
  return { xt, eps, t, labels, tokens, groundingTargets: targets, lossWeights: minSnrWeights(schedule, t, opts.minSnrGamma) };
}

export function createTrainer(opts: TrainerOptions, resume?: TrainerState): Trainer {
  const config = opts.config;
  const o = resolveTrainerOptions(opts);
  const { specs } = describeUNet(config);
  const fromMap = (m: Map<string, Float32Array>, what: string): Weights => weightsFromValues(specs, m, `Checkpoint ${what}`);
  // Variables share the buffers of the tensors they are made from; those tensors are then released.
  const asVars = (w: Weights, trainable: boolean) => {
    const vars = toVariables(w, trainable);
    disposeWeights(w);
    return vars;
  };
  const init = resume ? fromMap(resume.weights, 'weights') : initUNet(config, { seed: o.seed });
  const ema = asVars(resume ? fromMap(resume.ema, 'EMA') : mapClone(init), false);
  const m = asVars(resume ? fromMap(resume.adamM, 'Adam m') : mapZeros(init), false);
  const v = asVars(resume ? fromMap(resume.adamV, 'Adam v') : mapZeros(init), false);
  const weights = asVars(init, true);
  let step = resume?.step ?? 0;
  const restart = resume?.restart;
  const lossHistory = resume ? [...resume.lossHistory] : [];
  const names = specs.map((s) => s.name);
  const varList = names.map((n) => weights[n]);
  const pix = config.imageSize * config.imageSize * config.inChannels;

  const warmFrom = restart?.step ?? 0;
  const warmSteps = restart?.warmupSteps ?? o.warmupSteps;
  const lrAt = (s: number) => (warmSteps > 0 ? o.lr * Math.min(1, (s - warmFrom + 1) / warmSteps) : o.lr);

  /**
   * Gradients of the images [lo, hi) of a noised batch, for a loss normalised
   * by `denom` images: Σ_b w_b·MSE_b / denom. With denom = B the shards of a
   * batch add up to the whole batch's loss and gradients, since nothing in the
   * network mixes images (GroupNorm and attention are per image), which is
   * what lets data-parallel workers split a step (node-train-pool.ts).
   * Returns tensors in `names` order; the caller disposes them.
   */
  function shardGradients(nb: NoisedBatch, lo: number, hi: number, denom: number, ground?: Int8Array) {
    const B = hi - lo;
    let parts: tf.Tensor[] = [];
    const out = tf.tidy(() => {
      const xt = tf.tensor4d(nb.xt.subarray(lo * pix, hi * pix), [B, config.imageSize, config.imageSize, config.inChannels]);
      const eps = tf.tensor4d(nb.eps.subarray(lo * pix, hi * pix), xt.shape);
      const t = tf.tensor1d(nb.t.subarray(lo, hi), 'int32');
      const lab = tf.tensor1d(nb.labels.subarray(lo, hi), 'int32');
      const lw = tf.tensor1d(nb.lossWeights.subarray(lo, hi));
      const L = config.text?.maxTokens ?? 0;
      const tokens = config.text ? tf.tensor2d(nb.tokens.subarray(lo * L, hi * L), [B, L], 'int32') : undefined;
      const { value, grads } = tf.variableGrads(() => {
        const r = unetForward(weights, config, xt, t, lab, { tokens, returnAttention: !!ground });
        // Per-image MSE, weighted, summed over the shard and divided by the whole batch's size.
        const perImage = tf.mean(tf.squaredDifference(r.eps, eps).reshape([B, pix]), 1);
        const diffusion = tf.div(tf.sum(tf.mul(perImage, lw)), denom) as tf.Scalar;
        if (!ground) return diffusion;
        const blocks = Object.values(r.attention ?? {}).flatMap((a) => (a.cross ? [{ maps: a.cross, size: a.size }] : []));
        const g = groundingLoss(blocks, ground);
        // Kept past the gradient's tidy so the step can report both terms; disposed by the caller.
        parts = [tf.keep(diffusion), tf.keep(g)];
        return tf.add(diffusion, tf.mul(g, o.grounding.weight)) as tf.Scalar;
      }, varList);
      // variableGrads keys by the variable's own (generated) name.
      return { value, grads: names.map((n) => grads[weights[n].name]) };
    });
    return { ...out, parts };
  }

  /** Clip, Adam and EMA from the gradients of the whole batch (in `names` order); returns the step's lr. */
  function update(grads: tf.Tensor[]): number {
    const lr = lrAt(step);
    tf.tidy(() => {
      let scale: tf.Scalar = tf.scalar(1);
      if (o.gradClip > 0) {
        const sq = sumOfSquares(grads);
        const norm = tf.sqrt(sq);
        scale = tf.minimum(1, tf.div(o.gradClip, tf.add(norm, 1e-6))) as tf.Scalar;
      }
      // Adam's update count, for its bias correction: its moments were zero at step warmFrom.
      const k = step - warmFrom + 1;
      const emaDecay = Math.min(o.ema, (1 + step) / (10 + step));
      const attrs = { stepSize: lr / (1 - o.adamBeta1 ** k), beta1: o.adamBeta1, beta2: o.adamBeta2, bc2: 1 - o.adamBeta2 ** k, eps: o.adamEps, emaDecay };
      names.forEach((n, i) => {
        const r = adamEmaUpdate(weights[n], grads[i], m[n], v[n], ema[n], scale, attrs);
        m[n].assign(r.m);
        v[n].assign(r.v);
        weights[n].assign(r.w);
        ema[n].assign(r.ema);
      });
    });
    return lr;
  }

  function record(lr: number, loss: number, grounding?: number): StepResult {
    step++;
    lossHistory.push(loss);
    return grounding === undefined ? { step, loss, lr } : { step, loss, grounding, lr };
  }

  const applyGradients = (grads: tf.Tensor[], loss: number) => record(update(grads), loss);

  const groundingFor = (nb: NoisedBatch) =>
    o.grounding.weight > 0 && step >= o.grounding.fromStep && nb.groundingTargets ? nb.groundingTargets : undefined;

  async function trainStep(batch: Batch): Promise<StepResult> {
    const nb = makeNoisedBatch(batch, config, schedule(), o, step);
    const B = nb.t.length;
    const { value, grads, parts } = shardGradients(nb, 0, B, B, groundingFor(nb));
    // The update is queued before the losses are read, so that a GPU runs it without waiting for the read.
    const lr = update(grads);
    // One read-back per reported value (each is a GPU sync on WebGPU): the total only when it is the diffusion loss.
    const [loss, grounding] = await Promise.all((parts.length ? parts : [value]).map(async (x) => (await x.data())[0]));
    tf.dispose([value, ...grads, ...parts]);
    return record(lr, loss, grounding);
  }

  async function gradientsOf(nb: NoisedBatch, lo: number, hi: number, denom: number) {
    if (groundingFor(nb)) throw new Error('A step with the grounding loss cannot be split across workers (its loss is not a sum over images).');
    const { value, grads } = shardGradients(nb, lo, hi, denom);
    const loss = (await value.data())[0];
    value.dispose();
    return { loss, grads };
  }

  const schedule = () => opts.schedule;

  return {
    config,
    options: o,
    weights,
    ema,
    get step() {
      return step;
    },
    lossHistory,
    trainStep,
    gradientsOf,
    applyGradients,
    lrAt,
    async exportState() {
      const read = async (w: VariableWeights) => {
        const out = new Map<string, Float32Array>();
        for (const n of names) out.set(n, (await w[n].data()) as Float32Array);
        return out;
      };
      return {
        step, ...(restart ? { restart: { ...restart } } : {}),
        weights: await read(weights), adamM: await read(m), adamV: await read(v), ema: await read(ema), lossHistory: [...lossHistory],
      };
    },
    dispose() {
      for (const w of [weights, ema, m, v]) disposeWeights(w);
    },
  };
}

function mapClone(w: Weights): Weights {
  const out: Weights = {};
  for (const [k, t] of Object.entries(w)) out[k] = t.clone();
  return out;
}

function mapZeros(w: Weights): Weights {
  const out: Weights = {};
  for (const [k, t] of Object.entries(w)) out[k] = tf.zerosLike(t);
  return out;
}
