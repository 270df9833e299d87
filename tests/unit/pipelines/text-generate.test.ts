/**
 * Per-block attention shares from batch text generation (what the card's
 * localisation and its by-block breakdown are computed from).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/rng';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import { disposeWeights } from '../../../src/model/params';
import { predictTextEps } from '../../../src/model/text-eps';
import { crossBlockNames, initUNet } from '../../../src/model/unet';
import { encodeBatch } from '../../../src/text/tokenizer';
import { startNodeBackend } from '../../../src/backends/node';
import { generateTextSamples } from '../../../src/pipelines/text-generate';

beforeAll(async () => {
  await startNodeBackend('wasm');
});

describe('text generation with attention shares', () => {
  const config = unetConfig('tiny-text');
  const L = config.text!.maxTokens;
  const tokens = encodeBatch(['3 top left', 'a seven in the bottom right and 2 top right', ''], { maxTokens: L });
  const schedule = makeSchedule({ kind: 'linear', T: 1000 });

  it('names the cross-attention blocks in the order the forward pass returns their maps', async () => {
    const weights = initUNet(config, { seed: 4 });
    const pix = config.imageSize ** 2;
    const r = await predictTextEps(weights, config, { x: new Float32Array(pix), t: [10], tokens: tokens.subarray(0, L), attention: true });
    expect(crossBlockNames(config)).toEqual(r.cross!.map((c) => c.block));
    disposeWeights(weights);
  });

  it('gives count × blocks × L × 4 shares, each (block, token) a distribution over cells, the same in any chunking, and leaks nothing', async () => {
    const weights = initUNet(config, { seed: 4 });
    const blocks = crossBlockNames(config).length;
    const run = (chunk: number) =>
      generateTextSamples({ weights, config, schedule, tokens, sampler: 'ddim', steps: 3, guidance: 2, rng: createRng(5), chunk, cellShares: true });
    const before = tf.memory().numTensors;
    const a = await run(3);
    const b = await run(2);
    expect(tf.memory().numTensors).toBe(before);
    expect(blocks).toBeGreaterThan(1);
    expect(a.cellShares!.length).toBe(3 * blocks * L * 4);
    for (let row = 0; row < 3 * blocks * L; row++) {
      const s = a.cellShares!.subarray(row * 4, row * 4 + 4);
      expect(s[0] + s[1] + s[2] + s[3]).toBeCloseTo(1, 6);
    }
    for (let i = 0; i < a.cellShares!.length; i++) expect(b.cellShares![i]).toBeCloseTo(a.cellShares![i], 5);
    disposeWeights(weights);
  });
});
