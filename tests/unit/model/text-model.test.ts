/**
 * The text path: encoder, cross-attention maps and guided ε for text models
 * (lessons 6–8). Checked against properties that must hold: maps are
 * distributions over tokens, an all-[PAD] prompt is the unconditional
 * branch, guidance is the affine blend, and nothing leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../src/diffusion/schedule';
import { unetConfig } from '../../../src/model/config';
import { disposeWeights, type Weights } from '../../../src/model/params';
import { predictTextEps } from '../../../src/model/text-eps';
import { describeUNet, initUNet, unetForward } from '../../../src/model/unet';
import { createTrainer } from '../../../src/train/trainer';
import { sampleText, type TextFrame } from '../../../src/pipelines/text-sampling';
import { encodeBatch, tokenize } from '../../../src/text/tokenizer';
import { startNodeBackend } from '../../../src/backends/node';

beforeAll(async () => {
  await startNodeBackend('wasm');
});

const cfg = unetConfig('tiny-text');
const L = cfg.text!.maxTokens;
const pix = cfg.imageSize * cfg.imageSize;
const x = Float32Array.from({ length: 2 * pix }, (_, i) => Math.sin(i * 0.7));
const ids = encodeBatch(['3 top left', 'a seven in the bottom right and 2 top right'], { maxTokens: L });

describe('text model', () => {
  it('the shipped text-scenes config fits 3 MB in float16 and has cross-attention at 16×16 and 8×8', () => {
    const c = unetConfig('text-scenes');
    const d = describeUNet(c);
    expect(d.params * 2).toBeLessThan(3e6);
    const names = d.specs.map((s) => s.name);
    for (const block of ['down1.attn0', 'up1.attn0', 'down2.attn0', 'up2.attn0', 'mid.attn']) expect(names).toContain(`${block}.xq.w`);
    // 16×16 gets cross-attention only: a 256×256 self-attention there would cost more than the rest of the level.
    expect(names).not.toContain('down1.attn0.qkv.w');
    expect(names).toContain('down2.attn0.qkv.w');
    expect(names.filter((n) => n.startsWith('text.'))).toContain('text.layer0.qkv.w');
  });

  it('forward uses exactly the described weights and returns per-token maps that sum to 1', () => {
    const w = initUNet(cfg, { seed: 1, zeroFinal: false });
    const used = new Set<string>();
    const spy = new Proxy(w, { get: (o, k: string) => (used.add(k), o[k]) }) as Weights;
    const r = tf.tidy(() =>
      unetForward(spy, cfg, tf.tensor4d(x, [2, 8, 8, 1]), tf.tensor1d([5, 900], 'int32'), null, {
        tokens: tf.tensor2d(ids, [2, L], 'int32'),
        returnAttention: true,
      }),
    );
    expect([...used].sort()).toEqual(describeUNet(cfg).specs.map((s) => s.name).sort());
    expect(r.eps.shape).toEqual([2, 8, 8, 1]);
    const blocks = Object.entries(r.attention!).filter(([, a]) => a.cross);
    expect(blocks.map(([n]) => n).sort()).toEqual(['down0.attn0', 'down1.attn0', 'mid.attn', 'up0.attn0', 'up1.attn0'].sort());
    for (const [, a] of blocks) {
      expect(a.cross!.shape).toEqual([2, cfg.numHeads, a.size * a.size, L]);
      for (const s of a.cross!.sum(-1).dataSync()) expect(s).toBeCloseTo(1, 5);
    }
    tf.dispose(r as unknown as tf.TensorContainer);
    disposeWeights(w);
  });

  it('the prompt changes ε; guidance 0 is the all-[PAD] prompt; guidance w blends ε_u and ε_c', async () => {
    const w = initUNet(cfg, { seed: 2, zeroFinal: false });
    const t = [400, 400];
    const cond = await predictTextEps(w, cfg, { x, t, tokens: ids, guidance: 1, parts: true, attention: true });
    const empty = await predictTextEps(w, cfg, { x, t, tokens: new Int32Array(2 * L) });
    const g0 = await predictTextEps(w, cfg, { x, t, tokens: ids, guidance: 0 });
    const g3 = await predictTextEps(w, cfg, { x, t, tokens: ids, guidance: 3 });
    const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));
    expect(maxDiff(cond.epsC!, cond.epsU!)).toBeGreaterThan(1e-4);
    expect(maxDiff(g0.eps, empty.eps)).toBeLessThan(1e-5);
    expect(maxDiff(cond.eps, cond.epsC!)).toBeLessThan(1e-6);
    const expected = cond.epsU!.map((u, i) => u + 3 * (cond.epsC![i] - u));
    expect(maxDiff(g3.eps, expected)).toBeLessThan(1e-4);
    // Head-averaged maps: n × HW × L, each pixel's row a distribution over tokens.
    for (const m of cond.cross!) {
      expect(m.maps.length).toBe(2 * m.size * m.size * L);
      for (let p = 0; p < m.maps.length / L; p++) {
        let s = 0;
        for (let k = 0; k < L; k++) s += m.maps[p * L + k];
        expect(s).toBeCloseTo(1, 4);
      }
    }
    disposeWeights(w);
  });

  it('unknown words and emoji become [UNK], and the model still runs on them', async () => {
    const tk = tokenize('3 🦄 top zorblax left');
    expect(tk.tokens.filter((t) => t.unknown).length).toBe(2);
    const w = initUNet(cfg, { seed: 3 });
    const r = await predictTextEps(w, cfg, { x: x.subarray(0, pix), t: [10], tokens: tk.ids.slice(0, L), guidance: 3 });
    expect(r.eps.every(Number.isFinite)).toBe(true);
    disposeWeights(w);
  });

  it('trains: loss falls on a fixed captioned batch, captions are dropped to [PAD], tensor count flat', async () => {
    const schedule = makeSchedule({ kind: 'linear', T: 1000 });
    const B = 8;
    const batch = {
      x0: Float32Array.from({ length: B * pix }, (_, i) => (Math.sin(i * 0.9) > 0 ? 0.8 : -0.8)),
      tokens: encodeBatch(Array.from({ length: B }, (_, i) => `${i} top left`), { maxTokens: L }),
    };
    const tr = createTrainer({ config: cfg, schedule, lr: 3e-3, warmupSteps: 5, seed: 1 });
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      await tr.trainStep(batch);
      counts.push(tf.memory().numTensors);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(tr.lossHistory.slice(-5))).toBeLessThan(0.7 * mean(tr.lossHistory.slice(0, 5)));
    expect(new Set(counts.slice(1)).size).toBe(1);
    tr.dispose();
    const untext = createTrainer({ config: cfg, schedule });
    await expect(untext.trainStep({ x0: batch.x0 })).rejects.toThrow(/caption token ids/);
    untext.dispose();
  });

  it('sampler runs leave no tensors behind', async () => {
    const w = initUNet(cfg, { seed: 4 });
    await predictTextEps(w, cfg, { x, t: [3, 3], tokens: ids, guidance: 3, attention: true, parts: true });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await predictTextEps(w, cfg, { x, t: [i, i], tokens: ids, guidance: 3, attention: true, parts: true });
    expect(tf.memory().numTensors).toBe(before);
    disposeWeights(w);
  });

  it('sampleText: each image keeps its own seed under any scale, frames carry maps and parts, and runs are repeatable', async () => {
    const w = initUNet(cfg, { seed: 5, zeroFinal: false });
    const schedule = makeSchedule({ kind: 'linear', T: 1000 });
    const tokens = new Int32Array(3 * L);
    tokens.set(ids.subarray(0, L), 0);
    tokens.set(ids.subarray(0, L), L);
    const spec = { tokens, guidance: [0, 5, 1], seeds: [11, 11, 12], steps: 4, attention: true, parts: true };
    const run = async () => {
      const frames: TextFrame[] = [];
      const it = sampleText(w, cfg, schedule, spec);
      for (;;) {
        const r = await it.next();
        if (r.done) return { frames, x0: r.value };
        frames.push(r.value);
      }
    };
    const a = await run();
    const b = await run();
    expect(a.frames.map((f) => f.t)).toEqual([999, 666, 333, 0]);
    expect(Array.from(a.x0)).toEqual(Array.from(b.x0));
    const f0 = a.frames[0];
    // Same seed, same x_T, whatever the scale; another seed, another x_T.
    expect(Array.from(f0.xt.subarray(0, pix))).toEqual(Array.from(f0.xt.subarray(pix, 2 * pix)));
    expect(Array.from(f0.xt.subarray(0, pix))).not.toEqual(Array.from(f0.xt.subarray(2 * pix, 3 * pix)));
    // Image 0 (w = 0) follows ε_u exactly; image 2 has no prompt, so ε_c = ε_u there.
    for (let i = 0; i < pix; i++) expect(f0.eps[i]).toBeCloseTo(f0.epsU![i], 5);
    for (let i = 2 * pix; i < 3 * pix; i++) expect(f0.epsC![i]).toBeCloseTo(f0.epsU![i], 5);
    expect(f0.cross!.length).toBe(5);
    // Scales 0 and 5 on one seed end in different images.
    expect(Math.max(...Array.from(a.x0.subarray(0, pix), (v, i) => Math.abs(v - a.x0[pix + i])))).toBeGreaterThan(1e-3);
    disposeWeights(w);
  });
});
