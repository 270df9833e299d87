/**
 * Node worker thread of the data-parallel trainer (node-train-pool.ts): its
 * own TF.js wasm instance and a copy of the network. Per step it takes the
 * current weights and a shard of the noised batch, and answers with the
 * shard's loss and gradients, flattened in parameter order. It keeps no
 * optimiser state: the main thread owns Adam, the EMA and the checkpoint.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { makeSchedule } from '../diffusion/schedule';
import type { UNetConfig } from '../model/config';
import { describeUNet } from '../model/unet';
import { startNodeBackend } from '../backends/node';
import { createTrainer, type NoisedBatch } from '../train/trainer';

/** A shard of one training step, as the pool sends it: the weights to use and this thread's slice of the noised batch. */
export interface ShardJob {
  weights: Float32Array;
  shard: Pick<NoisedBatch, 'xt' | 'eps' | 't' | 'labels' | 'tokens' | 'lossWeights'>;
  denom: number;
}

/** What a thread sends back: its share of the loss and of the gradients, or the error that stopped it. */
export interface ShardResult {
  loss?: number;
  grads?: Float32Array;
  error?: string;
}

const port = parentPort!;
try {
  await startNodeBackend('wasm');
  const config = (workerData as { config: UNetConfig }).config;
  const { specs } = describeUNet(config);
  // The schedule and seed are never used here: the main thread draws every random number.
  const trainer = createTrainer({ config, schedule: makeSchedule({ kind: 'linear', T: config.timesteps }) });
  port.on('message', async (job: ShardJob) => {
    try {
      let off = 0;
      for (const s of specs) {
        const size = s.shape.reduce((a, b) => a * b, 1);
        const t = tf.tensor(job.weights.subarray(off, off + size), s.shape, 'float32');
        trainer.weights[s.name].assign(t);
        t.dispose();
        off += size;
      }
      const B = job.shard.t.length;
      const { loss, grads } = await trainer.gradientsOf(job.shard as NoisedBatch, 0, B, job.denom);
      // The weights' buffer is reused for the gradients (same length, same order).
      const out = job.weights;
      off = 0;
      for (const g of grads) {
        const d = (await g.data()) as Float32Array;
        out.set(d, off);
        off += d.length;
      }
      tf.dispose(grads);
      port.postMessage({ loss, grads: out }, [out.buffer as ArrayBuffer]);
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
