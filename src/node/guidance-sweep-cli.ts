/**
 * `npm run eval -- --model trained-models/text-scenes --guidance-sweep 0,1,2,…`:
 * samples the sweep's prompts on every core and scores them with the meter of
 * src/eval/guidance-sweep.ts, then prints the table and writes the JSON.
 */
import { writeFileSync } from 'node:fs';
import { loadDigits } from '../data/digits';
import { digitSource, makeSceneBatch, SCENE_PIXELS } from '../data/scenes';
import type { ClassifierConfig } from '../model/classifier';
import type { Weights } from '../model/params';
import { encodeBatch } from '../text/tokenizer';
import type { SamplerName } from '../diffusion/sampler-choice';
import { runClassifier } from '../eval/digit-meter';
import { realSweepScenes, repeatPrompts, runGuidanceSweep, scoreSweepImages, type Classify, type SweepFile } from '../eval/guidance-sweep';
import { sampleInWorkers } from './sample-pool';

export interface SweepCliOptions {
  modelPath: string;
  maxTokens: number;
  scales: number[];
  prompts: number;
  seeds: number;
  steps: number;
  sampler: SamplerName;
  seed: number;
  sceneSeed: number;
  workers: number;
  classifier: { weights: Weights; config: ClassifierConfig };
  command: string;
  json?: string;
  log?: (line: string) => void;
}

/** The CLI's whole run (scripts/eval.ts --guidance-sweep): samples, scores, prints, writes the JSON. */
export async function guidanceSweepCli(o: SweepCliOptions): Promise<SweepFile> {
  for (const [k, v] of [['--prompts', o.prompts], ['--seeds', o.seeds], ['--steps', o.steps]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${k} must be a positive integer.`);
  }
  if (o.seeds < 2) throw new Error('--seeds must be at least 2: diversity compares samples of the same prompt.');
  const log = o.log ?? (() => {});
  const test = await loadDigits('mnist', 'test');
  const source = digitSource(test);
  const batch = makeSceneBatch(source, { count: o.prompts, seed: o.sceneSeed, split: 'eval' });
  const tokens = repeatPrompts(encodeBatch(batch.captions, { maxTokens: o.maxTokens }), o.maxTokens, o.seeds);
  const n = o.prompts * o.seeds;
  const classify: Classify = (images, count) => runClassifier(o.classifier.weights, o.classifier.config, { count, images });
  const points = await runGuidanceSweep({
    scales: o.scales, specs: batch.specs, seeds: o.seeds, classify, log,
    sample: (w) => sampleInWorkers({
      modelPath: o.modelPath, labels: new Int32Array(n), tokens, seed: o.seed, sampler: o.sampler, steps: o.steps, guidance: w, workers: o.workers, chunk: 50,
    }, SCENE_PIXELS),
  });
  const real = await scoreSweepImages(realSweepScenes(batch.specs, o.seeds, source, o.seed), batch.specs, o.seeds, classify);
  const file: SweepFile = {
    kind: 'guidance-sweep', command: o.command, model: o.modelPath, prompts: o.prompts, seeds: o.seeds, steps: o.steps, sampler: o.sampler,
    seed: o.seed, sceneSeed: o.sceneSeed, captions: batch.captions, points, real: { digitInCell: real.digitInCell, diversity: real.diversity },
  };
  const pc = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(6);
  console.log(`model ${o.modelPath}: ${o.prompts} held-out prompts × ${o.seeds} seeds, ${o.sampler}-${o.steps}, seed ${o.seed}, scene seed ${o.sceneSeed}`);
  console.log('   w   digit-in-cell  empty cells  diversity');
  for (const p of points) console.log(`${String(p.guidance).padStart(4)}   ${pc(p.digitInCell)}         ${pc(p.emptyCell)}      ${p.diversity.toFixed(3)}`);
  console.log(`real   ${pc(real.digitInCell)}         ${pc(real.emptyCell)}      ${real.diversity.toFixed(3)}   (same specs, real MNIST test digits)`);
  if (o.json) writeFileSync(o.json, JSON.stringify(file, null, 1));
  return file;
}
