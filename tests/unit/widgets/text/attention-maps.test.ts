import { describe, expect, it } from 'vitest';
import {
  ALL_BLOCKS,
  blockLabel,
  cellShares,
  groupPositions,
  imageSlice,
  maxOver,
  meanMaps,
  meanShares,
  pixelShares,
  promptGroups,
  RunningMean,
  stepMap,
  tokenPlane,
  upsampleNearest,
  type BlockMap,
} from '../../../../src/widgets/text/attention-maps';
import { cellIndexAt } from '../../../../src/eval/scene-meter';

/** A random batch map whose rows are distributions over L (like softmax output). */
function randomMap(n: number, size: number, L: number, seed = 1): Float32Array {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const out = new Float32Array(n * size * size * L);
  for (let p = 0; p < n * size * size; p++) {
    let tot = 0;
    for (let k = 0; k < L; k++) tot += out[p * L + k] = rnd() + 1e-3;
    for (let k = 0; k < L; k++) out[p * L + k] /= tot;
  }
  return out;
}

const rowSums = (m: Float32Array, G: number) => Array.from({ length: m.length / G }, (_, p) => pixelShares(m, G, p).reduce((a, b) => a + b, 0));

describe('imageSlice', () => {
  it('picks the i-th image of a batch', () => {
    const maps = new Float32Array(2 * 4 * 3).map((_, i) => i);
    const m: BlockMap = { block: 'mid.attn', size: 2, maps };
    expect(Array.from(imageSlice(m, 1, 3))).toEqual(Array.from({ length: 12 }, (_, i) => 12 + i));
  });
  it('rejects a bad index or a map that is not whole', () => {
    const m: BlockMap = { block: 'b', size: 2, maps: new Float32Array(8) };
    expect(() => imageSlice(m, 2, 2)).toThrow(RangeError);
    expect(() => imageSlice({ ...m, maps: new Float32Array(7) }, 0, 2)).toThrow(RangeError);
  });
});

describe('upsampleNearest', () => {
  it('copies each cell to its f×f block', () => {
    // 2×2 grid, L = 1: values 1 2 / 3 4 → 4×4
    const up = upsampleNearest(Float32Array.from([1, 2, 3, 4]), 2, 4, 1);
    expect(Array.from(up)).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });
  it('keeps token vectors together and keeps every pixel a distribution', () => {
    const L = 16;
    const m = randomMap(1, 8, L);
    const up = upsampleNearest(m, 8, 32, L);
    expect(up.length).toBe(32 * 32 * L);
    // pixel (31, 31) lies in cell (7, 7)
    expect(Array.from(pixelShares(up, L, 32 * 32 - 1))).toEqual(Array.from(pixelShares(m, L, 63)));
    for (const s of rowSums(up, L)) expect(s).toBeCloseTo(1, 5);
  });
  it('returns the map itself at the same size, and refuses a non-integer factor', () => {
    const m = randomMap(1, 4, 2);
    expect(upsampleNearest(m, 4, 4, 2)).toBe(m);
    expect(() => upsampleNearest(randomMap(1, 3, 2), 3, 8, 2)).toThrow(/whole factor/);
  });
});

describe('meanMaps and stepMap', () => {
  it('averages element-wise', () => {
    expect(Array.from(meanMaps([Float32Array.from([0, 2]), Float32Array.from([2, 4])]))).toEqual([1, 3]);
    expect(() => meanMaps([])).toThrow();
    expect(() => meanMaps([new Float32Array(2), new Float32Array(3)])).toThrow();
  });
  it('a running mean over a growing list is, at each length, exactly the mean of the whole list', () => {
    const maps = Array.from({ length: 6 }, (_, i) => randomMap(1, 4, 3, 10 + i));
    const run = new RunningMean();
    const reads: number[] = [];
    const at = (i: number) => (reads.push(i), maps[i]);
    for (let n = 1; n <= maps.length; n++) expect(run.of(['run'], n, at)).toEqual(meanMaps(maps.slice(0, n)));
    // Each map was read once (plus the first once more, to size the sum): the work per new map does not grow.
    expect(reads).toEqual([0, 0, 1, 2, 3, 4, 5]);
  });
  it('a running mean starts over for a new key or a shorter list', () => {
    const a = [randomMap(1, 2, 2, 1), randomMap(1, 2, 2, 2)];
    const b = [randomMap(1, 2, 2, 3), randomMap(1, 2, 2, 4)];
    const run = new RunningMean();
    run.of(['a'], 2, (i) => a[i]);
    expect(run.of(['b'], 2, (i) => b[i])).toEqual(meanMaps(b));
    expect(run.of(['b'], 1, (i) => b[i])).toEqual(b[0]);
    expect(() => run.of(['b'], 0, (i) => b[i])).toThrow();
  });
  it('one block: that block upsampled; all blocks: the mean of each upsampled, rows still sum to 1', () => {
    const L = 16;
    const cross: BlockMap[] = [
      { block: 'down1.attn0', size: 16, maps: randomMap(2, 16, L, 3) },
      { block: 'mid.attn', size: 8, maps: randomMap(2, 8, L, 5) },
    ];
    const one = stepMap(cross, 'mid.attn', 1, L, 32);
    expect(Array.from(one)).toEqual(Array.from(upsampleNearest(imageSlice(cross[1], 1, L), 8, 32, L)));
    const all = stepMap(cross, ALL_BLOCKS, 1, L, 32);
    const a = upsampleNearest(imageSlice(cross[0], 1, L), 16, 32, L);
    const b = upsampleNearest(imageSlice(cross[1], 1, L), 8, 32, L);
    expect(all[123]).toBeCloseTo((a[123] + b[123]) / 2, 6);
    for (const s of rowSums(all, L)) expect(s).toBeCloseTo(1, 5);
    expect(() => stepMap(cross, 'up9.attn0', 0, L, 32)).toThrow(/no cross-attention block/);
  });
});

describe('token groups', () => {
  it('keeps prompt tokens alone and gathers the padding', () => {
    expect(promptGroups(3, 6)).toEqual([[0], [1], [2], [3, 4, 5]]);
    expect(promptGroups(0, 3)).toEqual([[0, 1, 2]]);
    expect(promptGroups(4, 4)).toEqual([[0], [1], [2], [3]]);
    expect(promptGroups(99, 2)).toEqual([[0], [1]]);
  });
  it('grouped shares still sum to 1 per pixel, and the pad group is the sum of its positions', () => {
    const L = 16;
    const m = randomMap(1, 4, L, 9);
    const groups = promptGroups(5, L);
    const g = groupPositions(m, L, groups);
    expect(g.length).toBe(16 * groups.length);
    for (const s of rowSums(g, groups.length)) expect(s).toBeCloseTo(1, 5);
    let pad = 0;
    for (let k = 5; k < L; k++) pad += m[7 * L + k];
    expect(g[7 * groups.length + 5]).toBeCloseTo(pad, 6);
    expect(g[7 * groups.length + 2]).toBeCloseTo(m[7 * L + 2], 6);
  });
});

describe('planes, cells and scales', () => {
  it('tokenPlane reads one column', () => {
    const m = Float32Array.from([0.1, 0.9, 0.4, 0.6]);
    expect(Array.from(tokenPlane(m, 2, 1))).toEqual([Math.fround(0.9), Math.fround(0.6)]);
  });
  it('cells follow the scenes’ order (tl, tr, bl, br)', () => {
    expect([cellIndexAt(0, 0, 32), cellIndexAt(0, 31, 32), cellIndexAt(31, 0, 32), cellIndexAt(16, 16, 32), cellIndexAt(15, 15, 32)]).toEqual([0, 1, 2, 3, 0]);
  });
  it('cellShares: a token read only in the bottom-right cell has all its mass there', () => {
    const S = 4;
    const G = 2;
    const m = new Float32Array(S * S * G);
    for (let r = 0; r < S; r++)
      for (let c = 0; c < S; c++) {
        const br = r >= 2 && c >= 2;
        m[(r * S + c) * G] = br ? 0.8 : 0;
        m[(r * S + c) * G + 1] = br ? 0.2 : 1;
      }
    const sh = cellShares(m, S, G);
    expect(Array.from(sh.subarray(0, 4))).toEqual([0, 0, 0, 1]);
    // token 1: 4 pixels of 0.2 in br, 12 of 1 elsewhere
    expect(sh[4 + 3]).toBeCloseTo(0.8 / 12.8, 6);
    expect(sh[4] + sh[5] + sh[6] + sh[7]).toBeCloseTo(1, 9);
    expect(() => cellShares(m, 3, G)).toThrow(RangeError);
  });
  it('cellShares of an unread token is chance, 0.25 in each cell, as the eval counts it (the figure once said 0)', () => {
    const sh = cellShares(new Float32Array(4 * 4 * 1), 4, 1);
    expect(Array.from(sh)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('meanShares sums to 1 and maxOver looks only at the given tokens', () => {
    const m = randomMap(1, 4, 3, 11);
    const ms = meanShares(m, 3);
    expect(ms[0] + ms[1] + ms[2]).toBeCloseTo(1, 6);
    const only0 = maxOver(m, 3, [0]);
    expect(only0).toBe(Math.max(...Array.from(tokenPlane(m, 3, 0))));
    expect(maxOver(new Float32Array(6), 3, [0, 1])).toBeGreaterThan(0);
  });
  it('blockLabel names where a block sits', () => {
    expect(blockLabel('down1.attn0', 16)).toBe('encoder, 16×16');
    expect(blockLabel('mid.attn', 8)).toBe('middle, 8×8');
    expect(blockLabel('up2.attn0', 8)).toMatch(/^decoder, 8×8/);
  });
});
