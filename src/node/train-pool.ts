/**
 * Data-parallel training in Node on every core: wasm threads are off in Node
 * (and most of our training kernels are JS passes over the wasm heap, which
 * threads would not speed up), so each extra core runs a worker thread with
 * its own TF.js wasm instance.
 *
 * A step: the main thread draws the noised batch exactly as the one-core
 * trainer does (same step, same streams), cuts it into contiguous shards, and
 * sends each worker the current weights and its shard. Every worker, and the
 * main thread on the first shard, computes the gradients of
 * Σ_{b in shard} w_b·MSE_b / B; their sum is the whole batch's gradient,
 * because no layer mixes images. The main thread then clips, steps Adam and
 * updates the EMA once, so there is one optimiser state and one checkpoint.
 * Only the order of float additions differs from the one-core step.
 */
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { describeUNet } from '../model/unet';
import type { UNetConfig } from '../model/config';
import type { VariableWeights } from '../model/params';
import { makeNoisedBatch, type Batch, type NoisedBatch, type StepResult, type Trainer, type TrainSchedule } from '../train/trainer';
import type { ShardJob, ShardResult } from './train-worker';

/** What a worker gets per step. */
export interface TrainPool {
  /** Threads that compute a step: the main thread and the workers. */
  readonly threads: number;
  /** One step of `trainer` on `batch`, split across the threads. */
  step(batch: Batch): Promise<StepResult>;
  close(): Promise<void>;
}

/** Shard k of n of a batch of B images: contiguous, sizes differing by at most one. */
export function shardBounds(B: number, n: number): [number, number][] {
  return Array.from({ length: n }, (_, k) => [Math.floor((k * B) / n), Math.floor(((k + 1) * B) / n)]);
}

/** Images [lo, hi) of a noised batch, copied (a view would send its whole buffer). */
export function sliceNoisedBatch(nb: NoisedBatch, lo: number, hi: number, pix: number, L: number): ShardJob['shard'] {
  return {
    xt: nb.xt.slice(lo * pix, hi * pix),
    eps: nb.eps.slice(lo * pix, hi * pix),
    t: nb.t.slice(lo, hi),
    labels: nb.labels.slice(lo, hi),
    tokens: nb.tokens.slice(lo * L, hi * L),
    lossWeights: nb.lossWeights.slice(lo, hi),
  };
}

/** The parameters of `vars` in spec order, end to end in one array. */
export async function flattenWeights(vars: VariableWeights, names: readonly string[], sizes: readonly number[]): Promise<Float32Array> {
  const out = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let off = 0;
  for (let i = 0; i < names.length; i++) {
    out.set((await vars[names[i]].data()) as Float32Array, off);
    off += sizes[i];
  }
  return out;
}

/**
 * A pool of `threads − 1` workers next to the main thread. With threads = 1 it
 * is the plain trainer.
 */
export async function createTrainPool(trainer: Trainer, schedule: TrainSchedule, threads: number): Promise<TrainPool> {
  const config: UNetConfig = trainer.config;
  const { specs } = describeUNet(config);
  const names = specs.map((s) => s.name);
  const sizes = specs.map((s) => s.shape.reduce((a, b) => a * b, 1));
  const pix = config.imageSize * config.imageSize * config.inChannels;
  const L = config.text?.maxTokens ?? 0;
  const url = new URL('./train-worker-boot.mjs', import.meta.url);
  const workers: Worker[] = [];
  const n = Math.max(1, Math.floor(threads));
  if (n > 1 && trainer.options.grounding.weight > 0) throw new Error('The grounding loss is not a sum over images, so its steps cannot be split across workers; train with one thread.');
  for (let k = 1; k < n; k++) {
    const w = new Worker(url, { workerData: { config } });
    await new Promise<void>((resolve, reject) => {
      w.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(m.error))));
      w.once('error', reject);
    });
    workers.push(w);
  }

  const ask = (w: Worker, job: ShardJob) =>
    new Promise<Required<Omit<ShardResult, 'error'>>>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      w.once('error', onError);
      w.once('message', (r: ShardResult) => {
        w.off('error', onError);
        if (r.error) reject(new Error(`training worker: ${r.error}`));
        else resolve({ loss: r.loss!, grads: r.grads! });
      });
      w.postMessage(job, [job.weights, job.shard.xt, job.shard.eps].map((a) => a.buffer as ArrayBuffer));
    });

  async function step(batch: Batch): Promise<StepResult> {
    if (!workers.length) return trainer.trainStep(batch);
    const o = trainer.options;
    const nb = makeNoisedBatch(batch, config, schedule, { pUncond: o.pUncond, minSnrGamma: o.minSnrGamma, seed: o.seed }, trainer.step);
    const B = nb.t.length;
    // Fewer images than threads would leave a shard empty: the one-thread step is the same step.
    if (B < n) return trainer.trainStep(batch);
    const bounds = shardBounds(B, n);
    const flat = await flattenWeights(trainer.weights, names, sizes);
    // Sent before the main thread starts its own shard, so that all shards run at once.
    const remote = Promise.all(
      workers.map((w, k) => ask(w, { weights: flat.slice(), shard: sliceNoisedBatch(nb, bounds[k + 1][0], bounds[k + 1][1], pix, L), denom: B })),
    );
    const local = await trainer.gradientsOf(nb, bounds[0][0], bounds[0][1], B);
    const parts = await remote;
    const summed = tf.tidy(() => {
      let off = 0;
      return local.grads.map((g, i) => {
        const total = parts.reduce((acc: tf.Tensor, r) => tf.add(acc, tf.tensor(r.grads.subarray(off, off + sizes[i]), g.shape, 'float32')), g);
        off += sizes[i];
        return total;
      });
    });
    const loss = parts.reduce((a, r) => a + r.loss, local.loss);
    const r = trainer.applyGradients(summed, loss);
    tf.dispose([...local.grads, ...summed]);
    return r;
  }

  return {
    threads: n,
    step,
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
      workers.length = 0;
    },
  };
}
