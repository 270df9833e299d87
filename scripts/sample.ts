/**
 * npm run sample -- --model trained-models/mnist-cond --label 3 --count 100
 *                   --sampler ddim --steps 50 --guidance 2 --seed 1 --out samples.idx
 *
 * Writes an uncompressed uint8 IDX file (N×28×28). --label: a class, "all"
 * (count/numClasses of each class, in order), or "none" (unconditional).
 * Same seed → same file. A bad --model path or a corrupt file exits non-zero
 * with a clear message.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fromSigned } from '../src/data/digits';
import { encodeIdx } from '../src/data/idx';
import { disposeWeights } from '../src/model/params';
import { loadModelFromDisk } from '../src/model/load';
import { startNodeBackend } from '../src/train/node-backend';
import { labelsFor, type SamplerName } from '../src/train/generate';
import { sampleInWorkers } from '../src/train/node-sample-pool';
import { parseArgs } from '../src/train/cli-args';

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    model: 'trained-models/mnist-cond', label: 'all', count: '100', sampler: 'ddim', steps: '50', guidance: '2', seed: '1', out: 'samples.idx', eta: '0', chunk: '128',
    workers: String(cpus().length),
  });
  // Check the model here first, so that a bad path or file fails fast with a clear message.
  await startNodeBackend('wasm');
  const model = loadModelFromDisk(String(args.model));
  const config = model.config;
  disposeWeights(model.weights);
  const count = Number(args.count);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer.`);
  const sampler = String(args.sampler);
  if (sampler !== 'ddim' && sampler !== 'ddpm') throw new Error(`--sampler must be ddim or ddpm.`);
  const labels = labelsFor(String(args.label), count, config.numClasses);
  const t0 = performance.now();
  const x0 = await sampleInWorkers({
    modelPath: model.path, labels, seed: Number(args.seed), sampler: sampler as SamplerName, steps: Number(args.steps),
    guidance: Number(args.guidance), eta: Number(args.eta), workers: Number(args.workers), chunk: Number(args.chunk),
    onJobDone: (d, n) => process.stderr.write(`${d * 100 / n | 0}% (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`),
  }, config.imageSize * config.imageSize * config.inChannels);
  const s = config.imageSize;
  writeFileSync(String(args.out), encodeIdx([count, s, s], new Uint8Array(fromSigned(x0).buffer)));
  console.log(`Wrote ${count} samples to ${args.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
}


main().catch((e) => {
  console.error(`sample: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
