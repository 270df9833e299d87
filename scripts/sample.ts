/**
 * npm run sample -- --model trained-models/mnist-cond --label 3 --count 100
 *                   --sampler ddim --steps 50 --guidance 2 --seed 1 --out samples.idx
 *
 * Writes an uncompressed uint8 IDX file (N×28×28). --label: a class, "all"
 * (count/numClasses of each class, in order), or "none" (unconditional).
 * Same seed → same file. A bad --model path or a corrupt file exits non-zero
 * with a clear message.
 *
 * npm run sample -- --model trained-models/text-scenes --prompt "3 top left and 7 bottom right"
 *                   --count 50 --guidance 3 --steps 50 --seed 1 --out scenes.idx
 *
 * A text model takes --prompt instead of --label (an empty prompt samples
 * unconditionally) and writes N×32×32. Unknown words and truncation are
 * reported, as the lesson's prompt box does.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fromSigned } from '../src/data/digits';
import { encodeIdx } from '../src/data/idx';
import { disposeWeights } from '../src/model/params';
import { loadModelFromDisk } from '../src/node/load-model';
import { startNodeBackend } from '../src/backends/node';
import { labelsFor } from '../src/pipelines/generate';
import type { SamplerName } from '../src/diffusion/sampler-choice';
import { sampleInWorkers } from '../src/node/sample-pool';
import { parseArgs } from '../src/node/cli-args';
import { tokenize } from '../src/text/tokenizer';

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    model: 'trained-models/mnist-cond', label: 'all', prompt: '', count: '100', sampler: 'ddim', steps: '50', guidance: '2', seed: '1', out: 'samples.idx', eta: '0', chunk: '128',
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
  let tokens: Int32Array | undefined;
  if (config.text) {
    const tk = tokenize(String(args.prompt), { maxTokens: config.text.maxTokens });
    const unknown = tk.tokens.filter((t) => t.unknown).map((t) => t.text);
    if (unknown.length) console.error(`Unknown to the model (read as [UNK]): ${unknown.join(', ')}`);
    if (tk.truncated) console.error(`Prompt cut to ${config.text.maxTokens} tokens (${tk.droppedWords} dropped).`);
    if (!tk.tokens.length) console.error('Empty prompt: sampling unconditionally.');
    tokens = new Int32Array(count * config.text.maxTokens);
    for (let i = 0; i < count; i++) tokens.set(tk.ids, i * config.text.maxTokens);
  } else if (String(args.prompt)) {
    throw new Error(`${model.path} is a class model: use --label, not --prompt.`);
  }
  const labels = config.text ? new Int32Array(count) : labelsFor(String(args.label), count, config.numClasses);
  const t0 = performance.now();
  const x0 = await sampleInWorkers({
    modelPath: model.path, labels, tokens, seed: Number(args.seed), sampler: sampler as SamplerName, steps: Number(args.steps),
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
