import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/index';
import { imageAt, loadDigits, type DigitSet } from '../../../src/data/digits';
import {
  CELL_ORIGIN,
  CELL_SIZE,
  CELLS,
  digitSource,
  generateSceneSpec,
  makeSceneBatch,
  MAX_JITTER,
  renderScene,
  resizeDigit,
  SCENE_PIXELS,
  SCENE_SIZE,
  type SceneBox,
} from '../../../src/data/scenes';
import { sameBytes } from './same-bytes';

let train: DigitSet;
let test: DigitSet;
beforeAll(async () => {
  [train, test] = await Promise.all([loadDigits('mnist', 'train'), loadDigits('mnist', 'test')]);
});

const sha256 = (a: Uint8Array) => createHash('sha256').update(a).digest('hex');

/** Re-draw a scene from its boxes alone: each box's resized source image, clipped, max where boxes overlap. */
function redraw(boxes: SceneBox[], set: DigitSet): Uint8Array {
  const out = new Uint8Array(SCENE_PIXELS);
  for (const b of boxes) {
    const small = resizeDigit(imageAt(set, b.source.index));
    for (let r = 0; r < CELL_SIZE; r++)
      for (let c = 0; c < CELL_SIZE; c++) {
        const y = b.y + r;
        const x = b.x + c;
        if (x < 0 || y < 0 || x >= SCENE_SIZE || y >= SCENE_SIZE) continue;
        out[y * SCENE_SIZE + x] = Math.max(out[y * SCENE_SIZE + x], small[r * CELL_SIZE + c]);
      }
  }
  return out;
}

describe('resizeDigit (28 → 16, area average)', () => {
  it('keeps a flat image flat and preserves ink mass up to rounding', () => {
    expect(Array.from(new Set(resizeDigit(new Uint8Array(784).fill(200))))).toEqual([200]);
    for (const i of [0, 1, 2, 100, 59999]) {
      const img = imageAt(train, i);
      const small = resizeDigit(img);
      const massIn = img.reduce((a, b) => a + b, 0);
      const massOut = small.reduce((a, b) => a + b, 0) * (28 / 16) ** 2;
      expect(Math.abs(massOut - massIn)).toBeLessThanOrEqual(256 * 0.5 * (28 / 16) ** 2);
    }
  });

  it('matches a plain floating-point area average (rounded) on real digits', () => {
    // Independent reference: output pixel (oy, ox) is the mean of input over [o·1.75, (o+1)·1.75)².
    const cover = (o: number, i: number) => Math.max(0, Math.min(i + 1, (o + 1) * 1.75) - Math.max(i, o * 1.75));
    for (const i of [0, 7, 4242]) {
      const img = imageAt(train, i);
      const small = resizeDigit(img);
      for (let oy = 0; oy < 16; oy++)
        for (let ox = 0; ox < 16; ox++) {
          let s = 0;
          for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) s += cover(oy, y) * cover(ox, x) * img[y * 28 + x];
          expect(Math.abs(small[oy * 16 + ox] - s / 1.75 ** 2)).toBeLessThanOrEqual(0.5 + 1e-9);
        }
    }
  });

  it('is pinned on the first MNIST training digit', () => {
    expect(sha256(resizeDigit(imageAt(train, 0)))).toBe('23906261ab1d9ec7cf5e8e028a14fdcaa99e944307398dcf854321618d578e14');
  });
});

describe('generateSceneSpec', () => {
  it('gives 1–2 digits in distinct cells, and every count, label and cell occurs', () => {
    const counts = new Set<number>();
    const labels = new Set<number>();
    const cells = new Set<string>();
    for (let s = 0; s < 2000; s++) {
      const spec = generateSceneSpec(createRng(s));
      expect(spec.digits.length).toBeGreaterThanOrEqual(1);
      expect(spec.digits.length).toBeLessThanOrEqual(2);
      expect(new Set(spec.digits.map((d) => d.cell)).size).toBe(spec.digits.length);
      counts.add(spec.digits.length);
      for (const d of spec.digits) {
        labels.add(d.label);
        cells.add(d.cell);
      }
    }
    expect([...counts].sort()).toEqual([1, 2]);
    expect(labels.size).toBe(10);
    expect([...cells].sort()).toEqual([...CELLS].sort());
  });
});

describe('renderScene', () => {
  it('rejects specs the canvas cannot hold', () => {
    const src = digitSource(train);
    const rng = createRng(1);
    expect(() => renderScene({ digits: [{ label: 1, cell: 'tl' }, { label: 2, cell: 'tl' }] }, src, rng)).toThrow(/two digits/);
    expect(() =>
      renderScene({ digits: [{ label: 1, cell: 'tl' }, { label: 2, cell: 'tr' }, { label: 3, cell: 'bl' }] }, src, rng),
    ).toThrow(/at most 2/);
    expect(() => renderScene({ digits: [{ label: 10, cell: 'tl' }] }, src, rng)).toThrow(/label/);
  });

  it('an empty spec is a black canvas', () => {
    const { pixels, boxes } = renderScene({ digits: [] }, digitSource(train), createRng(1));
    expect(boxes).toEqual([]);
    expect(pixels.every((v) => v === 0)).toBe(true);
  });
});

describe('makeSceneBatch', () => {
  it('is deterministic: same seed → identical bytes and captions (pinned)', () => {
    const a = makeSceneBatch(train, { count: 64, seed: 1, split: 'train' });
    const b = makeSceneBatch(train, { count: 64, seed: 1, split: 'train' });
    expect(a.images.length).toBe(64 * 1024);
    expect(sameBytes(a.images, b.images)).toBe(true);
    expect(a.captions).toEqual(b.captions);
    expect(sha256(a.images)).toBe('2d80f5652669877c4642dbc13084b11ea41e74865091ae6ade1e63e687ab6f5e');
    expect(a.captions.slice(0, 4)).toEqual([
      '3 bottom left, two top right corner',
      '5 bottom left corner, 9 in the bottom right',
      'a five bottom right',
      '8 top left',
    ]);
  });

  it('scene i depends only on (seed, i): a short batch is a prefix of a long one', () => {
    const long = makeSceneBatch(train, { count: 50, seed: 9, split: 'train' });
    const short = makeSceneBatch(train, { count: 7, seed: 9, split: 'train' });
    expect(sameBytes(short.images, long.images.subarray(0, 7 * 1024))).toBe(true);
    expect(short.captions).toEqual(long.captions.slice(0, 7));
  });

  it('different seeds give different scenes', () => {
    const a = makeSceneBatch(train, { count: 16, seed: 1, split: 'train' });
    const b = makeSceneBatch(train, { count: 16, seed: 2, split: 'train' });
    expect(sameBytes(a.images, b.images)).toBe(false);
    let same = 0;
    for (let i = 0; i < 16; i++) if (sameBytes(a.images.subarray(i * 1024, (i + 1) * 1024), b.images.subarray(i * 1024, (i + 1) * 1024))) same++;
    expect(same).toBe(0);
  });

  it('the canonical caption style changes captions but not images', () => {
    const varied = makeSceneBatch(train, { count: 32, seed: 5, split: 'train' });
    const canon = makeSceneBatch(train, { count: 32, seed: 5, split: 'train', captionStyle: 'canonical' });
    expect(sameBytes(varied.images, canon.images)).toBe(true);
    expect(canon.captions[0]).toMatch(/^\d (top|bottom) (left|right)( and \d (top|bottom) (left|right))?$/);
  });

  it('every scene: boxes match the spec, jitter ≤ 2 px, ink inside boxes, zero outside, pixels = redraw from sources', () => {
    const batch = makeSceneBatch(train, { count: 500, seed: 3, split: 'train' });
    for (let i = 0; i < batch.specs.length; i++) {
      const spec = batch.specs[i];
      const boxes = batch.boxes[i];
      const px = batch.images.subarray(i * 1024, (i + 1) * 1024);
      expect(boxes.map((b) => ({ label: b.label, cell: b.cell }))).toEqual(spec.digits);
      const inside = new Uint8Array(SCENE_PIXELS);
      for (const b of boxes) {
        expect(Math.abs(b.dx)).toBeLessThanOrEqual(MAX_JITTER);
        expect(Math.abs(b.dy)).toBeLessThanOrEqual(MAX_JITTER);
        expect(b.x).toBe(CELL_ORIGIN[b.cell].x + b.dx);
        expect(b.y).toBe(CELL_ORIGIN[b.cell].y + b.dy);
        expect(b.size).toBe(16);
        expect(b.source.split).toBe('train');
        expect(train.labels[b.source.index]).toBe(b.label);
        let ink = 0;
        for (let y = Math.max(0, b.y); y < Math.min(32, b.y + 16); y++)
          for (let x = Math.max(0, b.x); x < Math.min(32, b.x + 16); x++) {
            inside[y * 32 + x] = 1;
            ink += px[y * 32 + x];
          }
        expect(ink).toBeGreaterThan(0);
      }
      let outsideInk = 0;
      for (let p = 0; p < SCENE_PIXELS; p++) if (!inside[p]) outsideInk += px[p];
      expect(outsideInk).toBe(0);
      expect(sameBytes(px, redraw(boxes, train))).toBe(true);
    }
  });

  it('the eval split draws only MNIST test digits, and the pixels are those test images', () => {
    const batch = makeSceneBatch(test, { count: 300, seed: 11, split: 'eval' });
    const used = new Set<number>();
    for (let i = 0; i < batch.boxes.length; i++) {
      for (const b of batch.boxes[i]) {
        expect(b.source.split).toBe('test');
        expect(b.source.index).toBeLessThan(test.count);
        expect(test.labels[b.source.index]).toBe(b.label);
        used.add(b.source.index);
      }
      expect(sameBytes(batch.images.subarray(i * 1024, (i + 1) * 1024), redraw(batch.boxes[i], test))).toBe(true);
    }
    expect(used.size).toBeGreaterThan(250); // many distinct test digits, not one repeated
  });

  it('refuses a split that does not match its digits (no training digit can reach eval)', async () => {
    expect(() => makeSceneBatch(train, { count: 1, seed: 1, split: 'eval' })).toThrow(/MNIST test/);
    expect(() => makeSceneBatch(test, { count: 1, seed: 1, split: 'train' })).toThrow(/MNIST train/);
    expect(() => makeSceneBatch(digitSource(train), { count: 1, seed: 1, split: 'eval' })).toThrow(/MNIST test/);
    const fashion = await loadDigits('fashion', 'test');
    expect(() => makeSceneBatch(fashion, { count: 1, seed: 1, split: 'eval' })).toThrow(/MNIST digits/);
  });

  it('count 0 is an empty batch', () => {
    const b = makeSceneBatch(train, { count: 0, seed: 1, split: 'train' });
    expect(b.images.length).toBe(0);
    expect(b.captions).toEqual([]);
  });
});
