/**
 * Lesson 7's measurement. The pure parts are pinned by hand; the scorer is
 * run on REAL scenes through the real classifier, where adherence must be
 * high and identical copies must have zero diversity, so a mix-up of rows,
 * prompts or cells would show.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigits } from '../../../src/data/digits';
import { digitSource, makeSceneBatch, SCENE_PIXELS, type DigitSource } from '../../../src/data/scenes';
import { type SceneSpec } from '../../../src/data/captions';
import { loadClassifier } from '../../../src/model/classifier';
import {
  meanPairwiseDistance,
  parseScales,
  planCrops,
  realSweepScenes,
  repeatPrompts,
  runGuidanceSweep,
  scoreSweepImages,
  sweepDiversity,
  type Classify,
} from '../../../src/eval/guidance-sweep';
import { startNodeBackend } from '../../../src/backends/node';
import { runClassifier } from '../../../src/eval/digit-meter';

describe('guidance sweep: pure parts', () => {
  it('parses scales and rejects bad ones', () => {
    expect(parseScales('0,1,2,3,5,7.5,10')).toEqual([0, 1, 2, 3, 5, 7.5, 10]);
    expect(parseScales(' 0 , 2.5')).toEqual([0, 2.5]);
    expect(() => parseScales('')).toThrow(/comma-separated/);
    expect(() => parseScales('1,,2')).toThrow(/comma-separated/);
    expect(() => parseScales('1,x')).toThrow(/"x"/);
    expect(() => parseScales('-1')).toThrow(/≥ 0/);
    expect(() => parseScales('1,1')).toThrow(/repeats/);
  });

  it('repeats each prompt seeds times, prompt-major', () => {
    const t = new Int32Array([1, 2, 3, 4, 5, 6]); // two prompts of L = 3
    expect([...repeatPrompts(t, 3, 2)]).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6]);
    expect(() => repeatPrompts(t, 4, 2)).toThrow();
  });

  it('mean pairwise distance: by hand on a 3-4-5 triangle', () => {
    // rows (0,0), (3,0), (0,4): distances 3, 4, 5.
    const f = new Float32Array([0, 0, 3, 0, 0, 4, 99, 99]);
    expect(meanPairwiseDistance(f, 2, [0, 1, 2])).toBeCloseTo(4, 6);
    expect(meanPairwiseDistance(f, 2, [0, 1])).toBeCloseTo(3, 6);
    expect(meanPairwiseDistance(f, 2, [1])).toBeNaN();
  });

  it('diversity averages per cell across seeds, then over cells, then over prompts', () => {
    const specs: SceneSpec[] = [
      { digits: [{ label: 3, cell: 'tl' }, { label: 7, cell: 'br' }] },
      { digits: [{ label: 1, cell: 'tr' }] },
      { digits: [] },
    ];
    const plan = planCrops(specs, 2);
    // Crops in order: p0s0 tl, p0s0 br, p0s1 tl, p0s1 br, p1s0 tr, p1s1 tr.
    expect(plan.crops.map((c) => `${c.sample}${c.cell}`)).toEqual(['0tl', '0br', '1tl', '1br', '2tr', '3tr']);
    const f = new Float32Array([0, 2, 10, 6, 5, 5]); // dim 1
    // Prompt 0: tl |0 − 10| = 10, br |2 − 6| = 4 → 7; prompt 1: 0; the empty prompt is left out → (7 + 0) / 2.
    expect(sweepDiversity(specs, 2, plan, f, 1)).toBeCloseTo(3.5, 10);
  });
});

describe('guidance sweep: scoring real scenes', () => {
  let source: DigitSource;
  let classify: Classify;
  beforeAll(async () => {
    await startNodeBackend('wasm');
    source = digitSource(await loadDigits('mnist', 'test'));
    const cls = loadClassifier(new Uint8Array(readFileSync('trained-models/digit-classifier/weights.ddmw')));
    classify = (images, count) => runClassifier(cls.weights, cls.config, { count, images });
  });

  it('real renderings adhere, have diversity, and exact copies have none', async () => {
    const specs = makeSceneBatch(source, { count: 8, seed: 7, split: 'eval' }).specs;
    const seeds = 3;
    const real = realSweepScenes(specs, seeds, source, 1);
    const r = await scoreSweepImages(real, specs, seeds, classify);
    expect(r.total).toBe(specs.reduce((a, s) => a + s.digits.length, 0) * seeds);
    expect(r.digitInCell).toBeGreaterThan(0.85);
    expect(r.emptyCell).toBeGreaterThan(0.95);
    expect(r.diversity).toBeGreaterThan(0.5);
    // Every seed of a prompt a copy of its first: same adherence per prompt, zero diversity.
    const copies = new Uint8Array(real.length);
    for (let i = 0; i < specs.length * seeds; i++) {
      const first = Math.floor(i / seeds) * seeds;
      copies.set(real.subarray(first * SCENE_PIXELS, (first + 1) * SCENE_PIXELS), i * SCENE_PIXELS);
    }
    const c = await scoreSweepImages(copies, specs, seeds, classify);
    expect(c.diversity).toBe(0);
    // Blank scenes: far below real adherence (the classifier still reads a blank crop as some one digit), no diversity.
    const blank = await scoreSweepImages(new Uint8Array(real.length), specs, seeds, classify);
    expect(blank.digitInCell).toBeLessThan(r.digitInCell - 0.4);
    expect(blank.emptyCell).toBe(1);
    expect(blank.diversity).toBe(0);
  });

  it('runs one point per scale, in order, from the sampler it is given', async () => {
    const specs = makeSceneBatch(source, { count: 3, seed: 7, split: 'eval' }).specs;
    const real = realSweepScenes(specs, 2, source, 1);
    const signed = Float64Array.from(real, (v) => v / 127.5 - 1);
    const asked: number[] = [];
    const points = await runGuidanceSweep({
      scales: [0, 3], specs, seeds: 2, classify,
      // Scale 0 returns blank scenes, scale 3 the real ones: the points must say so.
      sample: async (w) => (asked.push(w), w === 0 ? new Float64Array(signed.length).fill(-1) : signed),
    });
    expect(asked).toEqual([0, 3]);
    expect(points.map((p) => p.guidance)).toEqual([0, 3]);
    expect(points[1].digitInCell).toBeGreaterThan(points[0].digitInCell);
    expect(points[0].diversity).toBe(0);
  });
});
