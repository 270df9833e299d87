/**
 * Parallel sampling in Node: samples are cut into fixed jobs of `jobSize`
 * (job j uses the stream createRng(seed).fork(j)), and worker threads take
 * jobs from a queue. The result depends only on (seed, jobSize, settings),
 * never on the number of workers.
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SamplerName } from '../diffusion/sampler-choice';
import type { SampleJob } from './sample-worker';

export interface PoolOptions {
  modelPath: string;
  /** One label per sample (class models); for a text model, zeros of the sample count. */
  labels: Int32Array;
  /** Text models: labels.length × maxTokens prompt ids. */
  tokens?: Int32Array;
  /** Text models: filled with each sample's per-block, per-token attention shares per cell (count × blocks × L × 4). */
  cellShares?: Float64Array;
  seed: number;
  sampler: SamplerName;
  steps: number;
  guidance: number;
  eta?: number;
  workers?: number;
  jobSize?: number;
  chunk?: number;
  onJobDone?: (done: number, total: number) => void;
}

export const DEFAULT_JOB_SIZE = 50;

export async function sampleInWorkers(o: PoolOptions, pixels: number): Promise<Float64Array> {
  const jobSize = o.jobSize ?? DEFAULT_JOB_SIZE;
  const jobs: SampleJob[] = [];
  const L = o.tokens ? o.tokens.length / o.labels.length : 0;
  const sharesPerSample = o.cellShares ? o.cellShares.length / o.labels.length : 0;
  for (let s = 0, id = 0; s < o.labels.length; s += jobSize, id++) {
    jobs.push({
      id, labels: o.labels.slice(s, s + jobSize), seed: o.seed, sampler: o.sampler, steps: o.steps, guidance: o.guidance, eta: o.eta ?? 0, chunk: o.chunk ?? 128,
      tokens: o.tokens?.slice(s * L, (s + jobSize) * L), cellShares: !!o.cellShares,
    });
  }
  const nWorkers = Math.max(1, Math.min(o.workers ?? cpus().length, jobs.length));
  const out = new Float64Array(o.labels.length * pixels);
  let next = 0;
  let done = 0;
  const url = new URL('./sample-worker-boot.mjs', import.meta.url);
  await Promise.all(
    Array.from({ length: nWorkers }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(url, { workerData: { modelPath: o.modelPath } });
        const feed = () => {
          if (next < jobs.length) w.postMessage(jobs[next++]);
          else w.postMessage(null);
        };
        w.on('message', (m: { ready?: boolean; id?: number; x0?: Float64Array; cellShares?: Float64Array; error?: string }) => {
          if (m.ready) return feed();
          if (m.error) {
            w.terminate();
            return reject(new Error(m.error));
          }
          out.set(m.x0!, m.id! * jobSize * pixels);
          if (m.cellShares && o.cellShares) o.cellShares.set(m.cellShares, m.id! * jobSize * sharesPerSample);
          o.onJobDone?.(++done, jobs.length);
          feed();
        });
        w.on('error', reject);
        w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sampling worker exited with code ${code}`))));
      }),
    ),
  );
  return out;
}
