/**
 * npm run eval -- --model trained-models/mnist-cond --count 1000
 *                 [--sampler ddim --steps 50 --guidance 2 --seed 1] [--samples file.idx] [--out samples.idx]
 *
 * The quality meter. Generates `count` class-conditional samples (count/10 per
 * class, in class order) — or reads them from --samples (an IDX written by
 * `npm run sample -- --label all`) — then prints, per class and overall:
 *  - the digit classifier's accuracy on them (does a "3" look like a 3?);
 *  - the FID proxy: Fréchet distance of the classifier's penultimate features
 *    against MNIST test, next to the floor (MNIST train vs MNIST test);
 *  - the kernel distance (KID, src/eval/kid.ts) on the same features against
 *    2,000 MNIST test images: unbiased, so unlike the FID proxy it does not
 *    grow as the sample count shrinks; next to MNIST train images at the same
 *    count and class mix (mean and spread of 10 draws), which is its noise.
 *
 * npm run eval -- --model trained-models/text-scenes [--count 500 --steps 50 --guidance 3 --scene-seed 7]
 *
 * For a text model, prompts are the captions of held-out scenes (MNIST test
 * digits), and it prints digit-in-cell accuracy, empty-cell rate and
 * attention localisation (src/eval/scene-meter.ts), next to the same
 * meter on the real scenes.
 *
 * npm run eval -- --model trained-models/text-scenes --guidance-sweep 0,1,2,3,5,7.5,10 --prompts 10 --seeds 6 --steps 20 [--json FILE]
 *
 * Lesson 7's trade-off: adherence and diversity against the guidance scale
 * (src/eval/guidance-sweep.ts says how each is measured).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fromSigned, loadDigits } from '../src/data/digits';
import { encodeIdx, parseIdx } from '../src/data/idx';
import { loadClassifier } from '../src/model/classifier';
import { loadModelFromDisk } from '../src/node/load-model';
import { disposeWeights } from '../src/model/params';
import { labelsFor } from '../src/pipelines/generate';
import type { SamplerName } from '../src/diffusion/sampler-choice';
import { sampleInWorkers } from '../src/node/sample-pool';
import { startNodeBackend } from '../src/backends/node';
import { accuracyOf, featureGaussian, frechetDistance, runClassifier } from '../src/eval/digit-meter';
import { parseArgs } from '../src/node/cli-args';
import { evaluateScenes } from '../src/node/scene-eval';
import { parseScales } from '../src/eval/guidance-sweep';
import { guidanceSweepCli } from '../src/node/guidance-sweep-cli';
import { createRng } from '../src/diffusion/rng';
import { kernelDistanceTo, pickRows } from '../src/eval/kid';
import type { DigitEvalReport } from '../src/eval/digit-report';

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    model: 'trained-models/mnist-cond', count: '1000', sampler: 'ddim', steps: '50', guidance: '2', seed: '1', samples: '', out: '',
    classifier: 'trained-models/digit-classifier/weights.ddmw', json: '', workers: String(cpus().length), 'scene-seed': '7',
    'guidance-sweep': '', prompts: '10', seeds: '6',
  });
  const argv = process.argv.slice(2);
  await startNodeBackend('wasm');
  const clsPath = String(args.classifier);
  if (!existsSync(clsPath)) throw new Error(`No classifier at ${clsPath} (train it with scripts/train-classifier.ts).`);
  const cls = loadClassifier(new Uint8Array(readFileSync(clsPath)), clsPath);
  const count = Number(args.count);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer.');
  if (!args.samples) {
    const probe = loadModelFromDisk(String(args.model));
    disposeWeights(probe.weights);
    if (probe.config.text && args['guidance-sweep']) {
      await guidanceSweepCli({
        modelPath: probe.path, maxTokens: probe.config.text.maxTokens, scales: parseScales(String(args['guidance-sweep'])), prompts: Number(args.prompts),
        seeds: Number(args.seeds), steps: Number(args.steps), sampler: String(args.sampler) as SamplerName, seed: Number(args.seed),
        sceneSeed: Number(args['scene-seed']), workers: Number(args.workers), classifier: cls, json: args.json ? String(args.json) : undefined,
        command: `npm run eval -- ${argv.join(' ')}`, log: (l) => process.stderr.write(`${l}\n`),
      });
      return;
    }
    if (probe.config.text) {
      // Text models: the card's defaults are 500 scenes at guidance 3 unless given.
      const sceneCount = argv.includes('--count') ? count : 500;
      const guidance = argv.includes('--guidance') ? Number(args.guidance) : 3;
      const r = await evaluateScenes({
        modelPath: probe.path, config: probe.config, count: sceneCount, sceneSeed: Number(args['scene-seed']), seed: Number(args.seed),
        sampler: String(args.sampler) as SamplerName, steps: Number(args.steps), guidance, workers: Number(args.workers),
        classifier: cls, out: args.out ? String(args.out) : undefined, log: (l) => process.stderr.write(`${l}\n`),
      });
      const pc = (v: number) => `${(v * 100).toFixed(1)}%`;
      console.log(`model ${args.model}: ${sceneCount} held-out scenes (scene seed ${args['scene-seed']}), ${args.sampler}-${args.steps}, guidance ${guidance}, seed ${args.seed}, ${r.genSeconds.toFixed(0)} s to sample`);
      console.log(`digit-in-cell accuracy  ${pc(r.digitInCell)}   (real scenes: ${pc(r.real.digitInCell)}; goal ≥ 90%)`);
      console.log(`empty-cell rate         ${pc(r.emptyCell)}   (real scenes: ${pc(r.real.emptyCell)})`);
      console.log(`attention localisation  ${pc(r.localisation)}   (chance 25%; goal ≥ 60%)`);
      console.log(`  by block: ${Object.entries(r.localisationByBlock).map(([b, v]) => `${b} ${pc(v)}`).join(', ')}`);
      const command = `npm run eval -- ${argv.join(' ')}`;
      // The training step of the weights measured, from their own header, so a file says which checkpoint it describes.
      const modelStep = typeof probe.meta.step === 'number' ? probe.meta.step : undefined;
      if (args.json) writeFileSync(String(args.json), JSON.stringify({ ...r, modelStep, args: { ...args, count: sceneCount, guidance }, command }, null, 1));
      return;
    }
  }
  const labels = labelsFor('all', count, 10);
  let images: Uint8Array;
  const t0 = performance.now();
  let genSeconds = 0;
  let modelStep: number | undefined;
  if (args.samples) {
    const idx = parseIdx(new Uint8Array(readFileSync(String(args.samples))), String(args.samples));
    if (idx.dims[0] !== count) throw new Error(`${args.samples} holds ${idx.dims[0]} images; pass --count ${idx.dims[0]}.`);
    images = idx.data;
  } else {
    const model = loadModelFromDisk(String(args.model));
    disposeWeights(model.weights);
    modelStep = typeof model.meta.step === 'number' ? model.meta.step : undefined;
    const x0 = await sampleInWorkers({
      modelPath: model.path, labels, seed: Number(args.seed), sampler: String(args.sampler) as SamplerName, steps: Number(args.steps),
      guidance: Number(args.guidance), workers: Number(args.workers),
      onJobDone: (d, n) => process.stderr.write(`sampling ${d * 100 / n | 0}% (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`),
    }, 784);
    genSeconds = (performance.now() - t0) / 1000;
    images = new Uint8Array(fromSigned(x0).buffer);
    if (args.out) writeFileSync(String(args.out), encodeIdx([count, 28, 28], images));
  }
  const test = await loadDigits('mnist', 'test');
  const train = await loadDigits('mnist', 'train');
  const nTrain = Math.min(10000, train.count);
  const gen = await runClassifier(cls.weights, cls.config, { count, images });
  const real = await runClassifier(cls.weights, cls.config, test);
  const realTrain = await runClassifier(cls.weights, cls.config, { count: nTrain, images: train.images.subarray(0, nTrain * 784) });
  const acc = accuracyOf(gen.predictions, labels);
  const gTest = featureGaussian(real);
  const fid = frechetDistance(featureGaussian(gen), gTest);
  const floor = frechetDistance(featureGaussian(realTrain), gTest);
  // The FID proxy is biased upward at small counts, so the fair floor for
  // `count` samples is real train images at that same count (mean of 5 draws),
  // with the samples' class mix: one real image of each sample's class. (The
  // samples are exactly count/10 per class; a random draw is not, and the
  // kernel distance in particular reads a balanced set as closer to the test set.)
  const byClass = Array.from({ length: 10 }, () => [] as number[]);
  for (let i = 0; i < nTrain; i++) byClass[train.labels[i]].push(i);
  const sameMix = (rng: ReturnType<typeof createRng>) => Array.from(labels, (c) => byClass[c][rng.int(byClass[c].length)]);
  const floorRng = createRng(12345);
  let floorSameCount = 0;
  for (let k = 0; k < 5; k++) floorSameCount += frechetDistance(featureGaussian(realTrain, sameMix(floorRng)), gTest) / 5;
  // Kernel distance against a fixed 2,000 of the test images (the real-real
  // term grows with the square of that count), and its same-count noise.
  const d = gen.featureDim;
  const kidRng = createRng(777);
  const kidRealRows = Array.from({ length: Math.min(2000, test.count) }, () => kidRng.int(test.count));
  // The cubic kernel is scale-sensitive: measure features in units where the real set's mean x·x/d is 1.
  const scale = 1 / Math.sqrt(real.features.reduce((a, v) => a + v * v, 0) / real.features.length);
  const scaled = (f: Float32Array) => f.map((v) => v * scale);
  const kidReal = scaled(pickRows(real.features, d, kidRealRows));
  const kidToReal = kernelDistanceTo(kidReal, kidRealRows.length, d);
  const kid = kidToReal(scaled(gen.features), count);
  const kidFloorDraws: number[] = [];
  for (let k = 0; k < 10; k++) {
    const rows = sameMix(kidRng);
    kidFloorDraws.push(kidToReal(scaled(pickRows(realTrain.features, d, rows)), rows.length));
  }
  const kidFloorMean = kidFloorDraws.reduce((a, b) => a + b, 0) / kidFloorDraws.length;
  const kidFloorSd = Math.sqrt(kidFloorDraws.reduce((a, b) => a + (b - kidFloorMean) ** 2, 0) / (kidFloorDraws.length - 1));
  // Per class: samples of class c against test images of class c.
  const perClassFid: number[] = [];
  for (let c = 0; c < 10; c++) {
    const rows = [...labels.keys()].filter((i) => labels[i] === c);
    const testRows = [...Array(test.count).keys()].filter((i) => test.labels[i] === c);
    perClassFid.push(rows.length > 2 ? frechetDistance(featureGaussian(gen, rows), featureGaussian(real, testRows)) : NaN);
  }
  console.log(`model ${args.samples || args.model}: ${count} samples${args.samples ? '' : `, ${args.sampler}-${args.steps}, guidance ${args.guidance}, seed ${args.seed}, ${genSeconds.toFixed(0)} s to sample with ${args.workers} worker(s)`}`);
  console.log('class  accuracy  FID-proxy (vs test images of that class)');
  for (let c = 0; c < 10; c++) console.log(`  ${c}    ${(acc.perClass[c] * 100).toFixed(1).padStart(5)}%   ${perClassFid[c].toFixed(2)}`);
  console.log(`overall accuracy ${(acc.overall * 100).toFixed(2)}%`);
  console.log(`FID proxy vs MNIST test: ${fid.toFixed(3)}   (floor, ${nTrain} MNIST train vs test: ${floor.toFixed(3)}; ${count} MNIST train of the same classes vs test: ${floorSameCount.toFixed(3)})`);
  console.log(`kernel distance (KID) vs MNIST test: ${kid.toFixed(4)}   (${count} MNIST train of the same classes vs test: ${kidFloorMean.toFixed(4)} ± ${kidFloorSd.toFixed(4)}, ${kidFloorDraws.length} draws)`);
  if (args.json) {
    const report: DigitEvalReport = {
      count, accuracy: acc, fid, floor, floorSameCount, kid, kidFloorSameCount: { mean: kidFloorMean, sd: kidFloorSd, draws: kidFloorDraws },
      perClassFid, genSeconds, modelStep, args,
    };
    writeFileSync(String(args.json), JSON.stringify(report, null, 1));
  }
}

main().catch((e) => {
  console.error(`eval: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
