/**
 * The grounding loss must be the card's localisation metric turned into a
 * loss: (1 − share)² with share computed exactly as the eval computes it,
 * and its gradient must be right, or fine-tuning would chase another target.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import type { SceneSpec } from '../../../src/data/captions';
import { encodeBatch } from '../../../src/text/tokenizer';
import { groundingLoss, groundingTargets, NO_CELL } from '../../../src/train/grounding';
import { startNodeBackend } from '../../../src/backends/node';
import { cellMassShares } from '../../../src/eval/scene-meter';
import { createTrainer, makeNoisedBatch } from '../../../src/train/trainer';
import { createRng } from '../../../src/diffusion/rng';

beforeAll(async () => {
  await startNodeBackend('wasm');
});

/** Random attention maps [B, heads, size², L], each pixel a softmax over L. */
function randomLogits(B: number, heads: number, size: number, L: number, seed: number): tf.Tensor4D {
  const rng = createRng(seed);
  return tf.tensor4d(rng.fillNormal(new Float32Array(B * heads * size * size * L)), [B, heads, size * size, L]);
}

describe('grounding targets', () => {
  it('mark each digit word with the cell its scene puts it in, and nothing else', () => {
    const L = 16;
    const specs: SceneSpec[] = [
      { digits: [{ label: 3, cell: 'tl' }, { label: 7, cell: 'br' }] },
      { digits: [{ label: 5, cell: 'tr' }] },
      { digits: [] },
    ];
    const ids = encodeBatch(['3 top left and 7 bottom right', 'a five in the top right', ''], { maxTokens: L });
    const t = groundingTargets(ids, specs, L);
    expect([...t.subarray(0, L)]).toEqual([0, -1, -1, -1, 3, ...Array(11).fill(-1)]);
    expect([...t.subarray(L, 2 * L)]).toEqual([-1, 1, ...Array(14).fill(-1)]);
    expect([...t.subarray(2 * L)].every((v) => v === NO_CELL)).toBe(true);
  });

  it('give no target when the token limit cut a digit word off', () => {
    const L = 4;
    const ids = encodeBatch(['3 top left and 7 bottom right'], { maxTokens: L });
    const t = groundingTargets(ids, [{ digits: [{ label: 3, cell: 'tl' }, { label: 7, cell: 'br' }] }], L);
    expect([...t].every((v) => v === NO_CELL)).toBe(true);
  });
});

describe('grounding loss', () => {
  it('is 0 when a digit word is read only in its own cell and 9/16 when read evenly everywhere', () => {
    const size = 4, L = 3;
    const targets = Int8Array.from([NO_CELL, 2, NO_CELL]); // token 1 names the bottom-left cell
    const local = new Float32Array(size * size * L);
    const even = new Float32Array(size * size * L);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) {
      const p = r * size + c;
      const inBl = r >= 2 && c < 2;
      local.set(inBl ? [0, 1, 0] : [1, 0, 0], p * L);
      even.set([0.5, 0.25, 0.25], p * L);
    }
    const at = (m: Float32Array) => tf.tidy(() => groundingLoss([{ maps: tf.tensor4d(m, [1, 1, size * size, L]), size }], targets).arraySync());
    expect(at(local)).toBeCloseTo(0, 6);
    expect(at(even)).toBeCloseTo(0.5625, 6); // share 1/4: (1 − 1/4)²
  });

  it('equals the mean over blocks and digit tokens of (1 − the eval\'s own-cell share)², with heads averaged first', () => {
    const B = 3, heads = 2, L = 5;
    const targets = Int8Array.from([0, NO_CELL, 3, NO_CELL, NO_CELL, NO_CELL, 1, NO_CELL, NO_CELL, NO_CELL, NO_CELL, NO_CELL, NO_CELL, 2, 0]);
    const blocks = [{ size: 4, seed: 1 }, { size: 8, seed: 2 }];
    const { loss, maps } = tf.tidy(() => {
      const bs = blocks.map(({ size, seed }) => ({ maps: tf.softmax(randomLogits(B, heads, size, L, seed)) as tf.Tensor4D, size }));
      return { loss: groundingLoss(bs, targets).arraySync(), maps: bs.map((b) => ({ size: b.size, mean: tf.mean(b.maps, 1).dataSync() })) };
    });
    let sum = 0, n = 0;
    for (const { size, mean } of maps) {
      const shares = cellMassShares(mean, B, size, L);
      for (let i = 0; i < targets.length; i++) {
        if (targets[i] === NO_CELL) continue;
        sum += (1 - shares[i * 4 + targets[i]]) ** 2;
        n++;
      }
    }
    expect(n).toBe(2 * 5);
    expect(loss).toBeCloseTo(sum / n, 5);
  });

  it('has the gradient finite differences give, through the softmax', () => {
    const B = 2, heads = 2, size = 4, L = 3;
    const targets = Int8Array.from([1, NO_CELL, 2, NO_CELL, 0, NO_CELL]);
    const logits = randomLogits(B, heads, size, L, 5);
    const f = (x: tf.Tensor) => groundingLoss([{ maps: tf.softmax(x) as tf.Tensor4D, size }], targets);
    const g = tf.tidy(() => tf.grad(f)(logits).dataSync());
    const base = logits.dataSync();
    const h = 1e-2;
    const rng = createRng(9);
    for (let k = 0; k < 12; k++) {
      const i = rng.int(base.length);
      const plus = Float32Array.from(base), minus = Float32Array.from(base);
      plus[i] += h;
      minus[i] -= h;
      const fd = tf.tidy(() => (f(tf.tensor4d(plus, logits.shape)).arraySync() - f(tf.tensor4d(minus, logits.shape)).arraySync()) / (2 * h));
      expect(g[i]).toBeCloseTo(fd, 3);
    }
    logits.dispose();
  });

  it('is 0 for a batch without digit words (all captions dropped)', () => {
    const l = tf.tidy(() => groundingLoss([{ maps: tf.softmax(randomLogits(1, 1, 4, 2, 3)) as tf.Tensor4D, size: 4 }], new Int8Array(2).fill(NO_CELL)).arraySync());
    expect(l).toBe(0);
  });
});

describe('training with the grounding loss', () => {
  const cfg = unetConfig('tiny-text');
  const schedule = makeSchedule({ kind: 'linear', T: 1000 });
  const L = cfg.text!.maxTokens;
  const B = 4;
  const specs: SceneSpec[] = [
    { digits: [{ label: 3, cell: 'tl' }, { label: 7, cell: 'br' }] },
    { digits: [{ label: 1, cell: 'tr' }] },
    { digits: [{ label: 4, cell: 'bl' }] },
    { digits: [{ label: 9, cell: 'br' }, { label: 2, cell: 'tl' }] },
  ];
  const tokens = encodeBatch(['3 top left and 7 bottom right', '1 top right', 'four bottom left', 'nine bottom right , 2 top left'], { maxTokens: L });
  const pix = cfg.imageSize * cfg.imageSize;
  const batch = { x0: Float32Array.from({ length: B * pix }, (_, i) => Math.sin(i)), tokens, groundingTargets: groundingTargets(tokens, specs, L) };

  it('a dropped caption loses its targets with its words', () => {
    const nb = makeNoisedBatch(batch, cfg, schedule, { pUncond: 0.5, minSnrGamma: 5, seed: 2 }, 0);
    for (let b = 0; b < B; b++) {
      const dropped = nb.tokens.subarray(b * L, (b + 1) * L).every((v) => v === 0);
      const targeted = nb.groundingTargets!.subarray(b * L, (b + 1) * L).some((v) => v !== NO_CELL);
      expect(targeted).toBe(!dropped);
    }
  });

  it('starts at its step, lowers the grounding loss over 25 steps, and leaks nothing', async () => {
    const tr = createTrainer({ config: cfg, schedule, lr: 3e-3, warmupSteps: 1, seed: 1, pUncond: 0, grounding: { weight: 1, fromStep: 1 } });
    const first = await tr.trainStep(batch);
    expect(first.grounding).toBeUndefined();
    const g: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await tr.trainStep(batch);
      g.push(r.grounding!);
      counts.push(tf.memory().numTensors);
    }
    expect(g.every(Number.isFinite)).toBe(true);
    expect(g.at(-1)!).toBeLessThan(0.5 * g[0]);
    expect(new Set(counts).size).toBe(1);
    tr.dispose();
  });
});
