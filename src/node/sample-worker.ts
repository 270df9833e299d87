/**
 * Node worker thread for parallel sampling: its own TF.js wasm instance (wasm
 * threads are off in Node, so one worker per core is how sampling uses both
 * cores). Receives { modelPath } once, then jobs; answers with samples.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRng } from '../diffusion/rng';
import { loadModelFromDisk } from './load-model';
import { modelSchedule } from '../model/model-info';
import { generateSamples } from '../pipelines/generate';
import type { SamplerName } from '../diffusion/sampler-choice';
import { generateTextSamples } from '../pipelines/text-generate';
import { startNodeBackend } from '../backends/node';

export interface SampleJob {
  id: number;
  labels: Int32Array;
  seed: number;
  sampler: SamplerName;
  steps: number;
  guidance: number;
  eta: number;
  chunk: number;
  /** Text models: the job's prompts as ids (labels.length × maxTokens). */
  tokens?: Int32Array;
  cellShares?: boolean;
}

const port = parentPort!;
await startNodeBackend('wasm');
const model = loadModelFromDisk((workerData as { modelPath: string }).modelPath);
const schedule = modelSchedule(model.config, model.meta);
port.on('message', async (job: SampleJob | null) => {
  if (!job) {
    port.close();
    process.exit(0);
  }
  try {
    if (model.config.text) {
      if (!job.tokens) throw new Error('a text model needs prompts');
      const r = await generateTextSamples({
        weights: model.weights, config: model.config, schedule, tokens: job.tokens, sampler: job.sampler, steps: job.steps,
        guidance: job.guidance, eta: job.eta, rng: createRng(job.seed).fork(job.id), chunk: job.chunk, cellShares: job.cellShares,
      });
      const transfer = [r.x0.buffer as ArrayBuffer, ...(r.cellShares ? [r.cellShares.buffer as ArrayBuffer] : [])];
      port.postMessage({ id: job.id, x0: r.x0, cellShares: r.cellShares }, transfer);
      return;
    }
    const x0 = await generateSamples({
      weights: model.weights, config: model.config, schedule, labels: job.labels, sampler: job.sampler, steps: job.steps,
      guidance: job.guidance, eta: job.eta, rng: createRng(job.seed).fork(job.id), chunk: job.chunk,
    });
    port.postMessage({ id: job.id, x0 }, [x0.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ ready: true });
