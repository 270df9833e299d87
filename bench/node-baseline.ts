/**
 * The same work as the browser benches, in Node on the project's wasm engine
 * (TF.js wasm + our kernels, SIMD, one thread): the baseline each browser
 * backend is read against. In-process, after one warm-up step.
 */
import { createRng } from '../src/diffusion/rng';
import { loadModelFromDisk } from '../src/node/load-model';
import { modelSchedule } from '../src/model/model-info';
import { disposeWeights } from '../src/model/params';
import { sampleTextModel } from '../src/pipelines/text-sampling';
import { textMaxTokens } from '../src/model/text-eps';
import { encodeBatch } from '../src/text/tokenizer';
import { startNodeBackend } from '../src/backends/node';
import { generateSamples } from '../src/pipelines/generate';
import { gridLabels } from '../src/widgets/reverse/grid';
import { TEXT_BENCH_PROMPT } from './text';
import { HERO } from '../src/widgets/hero/hero';

export interface NodeBaseline {
  what: string;
  ms: number;
}

/** Digits of the shipped model at guidance 2, DDIM-`steps`: the work of lesson 5's grid and lesson 1's hero. */
async function nodeDigits(labels: Int32Array, steps: number, what: string): Promise<NodeBaseline> {
  await startNodeBackend('wasm');
  const m = loadModelFromDisk('trained-models/mnist-cond');
  try {
    const run = (n: number) =>
      generateSamples({ weights: m.weights, config: m.config, schedule: modelSchedule(m.config, m.meta), labels, sampler: 'ddim', steps: n, guidance: 2, eta: 0, rng: createRng(1), chunk: 32 });
    await run(1);
    const t0 = performance.now();
    await run(steps);
    return { what, ms: performance.now() - t0 };
  } finally {
    disposeWeights(m.weights);
  }
}

/** Lesson 5's grid: 16 digits, DDIM-`steps`, guidance 2, shipped model. */
export function nodeSampling(steps = 50): Promise<NodeBaseline> {
  return nodeDigits(gridLabels('none', 10, 16), steps, `16 digits, DDIM-${steps}, guidance 2`);
}

/** Lesson 1's hero: one digit as the hero draws it. */
export function nodeHero(): Promise<NodeBaseline> {
  return nodeDigits(Int32Array.of(HERO.label), HERO.steps, `one digit, DDIM-${HERO.steps}, guidance ${HERO.guidance}`);
}

/** Lesson 6's scene: one DDIM-`steps` sample at guidance 3 with every block's attention maps. */
export async function nodeText(steps = 50): Promise<NodeBaseline> {
  await startNodeBackend('wasm');
  const m = loadModelFromDisk('trained-models/text-scenes');
  try {
    const tokens = encodeBatch([TEXT_BENCH_PROMPT], { maxTokens: textMaxTokens(m.config) });
    const run = async (n: number) => {
      const it = sampleTextModel(m, { tokens, guidance: [3], seeds: [1], steps: n, attention: true });
      while (!(await it.next()).done);
    };
    await run(1);
    const t0 = performance.now();
    await run(steps);
    return { what: `one scene, DDIM-${steps}, guidance 3, with maps`, ms: performance.now() - t0 };
  } finally {
    disposeWeights(m.weights);
  }
}
