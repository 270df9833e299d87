/**
 * `npm run eval -- --model trained-models/text-scenes`: the text model's card
 * figures. Prompts are the captions of held-out scenes (the 'eval' split,
 * built from MNIST test digits only, with its own seed); each prompt is
 * sampled once, and the same meter is run on the real scenes as a ceiling.
 */
import { writeFileSync } from 'node:fs';
import { fromSigned, loadDigits } from '../data/digits';
import { encodeIdx } from '../data/idx';
import { CELLS, digitSource, makeSceneBatch, SCENE_PIXELS, SCENE_SIZE } from '../data/scenes';
import { type Cell } from '../data/captions';
import type { ClassifierConfig } from '../model/classifier';
import type { Weights } from '../model/params';
import { crossBlockNames } from '../model/unet';
import type { UNetConfig } from '../model/config';
import { encodeBatch } from '../text/tokenizer';
import type { SamplerName } from '../diffusion/sampler-choice';
import { sampleInWorkers } from './sample-pool';
import { runClassifier } from '../eval/digit-meter';
import { addLocalisation, cellTo28, emptyScore, rates, scoreScene, CLASSIFIER_SIZE, type SceneScore } from '../eval/scene-meter';

export interface SceneEvalOptions {
  modelPath: string;
  config: UNetConfig;
  count: number;
  /** Seed of the held-out scenes (their digits, cells and captions). */
  sceneSeed: number;
  seed: number;
  sampler: SamplerName;
  steps: number;
  guidance: number;
  workers: number;
  classifier: { weights: Weights; config: ClassifierConfig };
  out?: string;
  log?: (line: string) => void;
}

export interface SceneEvalResult {
  count: number;
  digitInCell: number;
  emptyCell: number;
  localisation: number;
  /** The localisation of each cross-attention block alone (the headline figure is their mean). */
  localisationByBlock: Record<string, number>;
  real: { digitInCell: number; emptyCell: number };
  raw: SceneScore;
  genSeconds: number;
}

/** Classifier readings of every cell of every scene: scenes × 4, CELLS order. */
async function readCells(images: Uint8Array, count: number, classifier: SceneEvalOptions['classifier']): Promise<Int32Array> {
  const px = CLASSIFIER_SIZE * CLASSIFIER_SIZE;
  const crops = new Uint8Array(count * 4 * px);
  for (let i = 0; i < count; i++) {
    const scene = images.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS);
    CELLS.forEach((c, q) => cellTo28(scene, c, crops.subarray((i * 4 + q) * px, (i * 4 + q + 1) * px)));
  }
  return (await runClassifier(classifier.weights, classifier.config, { count: count * 4, images: crops })).predictions;
}

export async function evaluateScenes(o: SceneEvalOptions): Promise<SceneEvalResult> {
  const log = o.log ?? (() => {});
  const test = await loadDigits('mnist', 'test');
  const batch = makeSceneBatch(digitSource(test), { count: o.count, seed: o.sceneSeed, split: 'eval' });
  const L = o.config.text!.maxTokens;
  const tokens = encodeBatch(batch.captions, { maxTokens: L });
  const blocks = crossBlockNames(o.config);
  const nb = blocks.length;
  const byBlock = new Float64Array(o.count * nb * L * 4);
  const t0 = performance.now();
  const x0 = await sampleInWorkers({
    modelPath: o.modelPath, labels: new Int32Array(o.count), tokens, cellShares: byBlock, seed: o.seed, sampler: o.sampler,
    steps: o.steps, guidance: o.guidance, workers: o.workers, chunk: 50,
    onJobDone: (d, n) => log(`sampling ${(d * 100 / n) | 0}% (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
  }, SCENE_PIXELS);
  const genSeconds = (performance.now() - t0) / 1000;
  const images = new Uint8Array(fromSigned(x0).buffer);
  if (o.out) writeFileSync(o.out, encodeIdx([o.count, SCENE_SIZE, SCENE_SIZE], images));

  // The card's figure: each token's shares averaged over the blocks.
  const shares = new Float64Array(o.count * L * 4);
  for (let i = 0; i < o.count; i++) {
    for (let j = 0; j < nb; j++) {
      for (let k = 0; k < L * 4; k++) shares[i * L * 4 + k] += byBlock[(i * nb + j) * L * 4 + k] / nb;
    }
  }
  const localisationByBlock: Record<string, number> = {};
  blocks.forEach((name, j) => {
    const loc = { sum: 0, count: 0 };
    for (let i = 0; i < o.count; i++) {
      const at = (i * nb + j) * L * 4;
      addLocalisation(loc, batch.specs[i], tokens.subarray(i * L, (i + 1) * L), byBlock.subarray(at, at + L * 4));
    }
    localisationByBlock[name] = loc.count > 0 ? loc.sum / loc.count : NaN;
  });

  const score = async (imgs: Uint8Array, withAttention: boolean) => {
    const reads = await readCells(imgs, o.count, o.classifier);
    const acc = emptyScore();
    for (let i = 0; i < o.count; i++) {
      scoreScene(imgs.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS), batch.specs[i], (c: Cell) => reads[i * 4 + CELLS.indexOf(c)], acc,
        withAttention ? { ids: tokens.subarray(i * L, (i + 1) * L), shares: shares.subarray(i * L * 4, (i + 1) * L * 4) } : undefined);
    }
    return acc;
  };
  const gen = await score(images, true);
  const real = rates(await score(batch.images, false));
  const r = rates(gen);
  return { count: o.count, ...r, localisationByBlock, real: { digitInCell: real.digitInCell, emptyCell: real.emptyCell }, raw: gen, genSeconds };
}
