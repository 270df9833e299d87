import { describe, expect, it } from 'vitest';
import { imageToDigit, type ImageDataLike, sniffImageSize } from '../../../src/data/image-import';

/** An RGBA image filled by f(x, y) → [r, g, b, a]. */
function makeImage(width: number, height: number, f: (x: number, y: number) => [number, number, number, number]): ImageDataLike {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(f(x, y), (y * width + x) * 4);
  }
  return { width, height, data };
}
const grey = (v: number): [number, number, number, number] => [v, v, v, 255];

function checkDigit(px: Uint8Array, size = 28) {
  expect(px).toBeInstanceOf(Uint8Array);
  expect(px.length).toBe(size * size);
  for (const v of px) {
    expect(Number.isNaN(v)).toBe(false);
    expect(v >= 0 && v <= 255).toBe(true);
  }
}
/** Centre of mass of the ink. */
function centroid(px: Uint8Array, size = 28) {
  let sx = 0;
  let sy = 0;
  let s = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const v = px[i * size + j];
      sx += j * v;
      sy += i * v;
      s += v;
    }
  }
  return { x: sx / s, y: sy / s, mass: s };
}
/** A filled disc of ink. */
const disc = (w: number, h: number, r: number, ink: number, paper: number) =>
  makeImage(w, h, (x, y) => grey(Math.hypot(x + 0.5 - w / 2, y + 0.5 - h / 2) < r ? ink : paper));

describe('imageToDigit', () => {
  it('a 1×1 image gives 28×28, uniform, no NaN', () => {
    const r = imageToDigit(makeImage(1, 1, () => [200, 10, 30, 255]));
    checkDigit(r.pixels);
    expect(r.uniform).toBe(true);
    expect(r.crop).toEqual({ x: 0, y: 0, side: 1 });
  });

  it('a uniform image does not make NaN from contrast normalisation', () => {
    for (const v of [0, 128, 255]) {
      const r = imageToDigit(makeImage(50, 40, () => grey(v)));
      checkDigit(r.pixels);
      expect(r.uniform).toBe(true);
      expect(r.pixels.every((p) => p === 0)).toBe(true);
    }
  });

  it('a 4000×3000 photo-sized image works and keeps the drawing centred', () => {
    const img = disc(4000, 3000, 900, 20, 235); // dark disc on light paper
    const t = performance.now();
    const r = imageToDigit(img);
    const ms = performance.now() - t;
    checkDigit(r.pixels);
    expect(r.crop).toEqual({ x: 500, y: 0, side: 3000 });
    expect(r.inverted).toBe(true);
    const c = centroid(r.pixels);
    expect(c.x).toBeCloseTo(13.5, 1);
    expect(c.y).toBeCloseTo(13.5, 1);
    expect(Math.max(...r.pixels)).toBe(255);
    expect(Math.min(...r.pixels)).toBe(0);
    expect(ms).toBeLessThan(5000);
  });

  it('wide and tall images give 28×28 from their middle square', () => {
    for (const [w, h] of [
      [300, 20],
      [20, 300],
      [1000, 1],
      [1, 1000],
      [29, 28],
      [27, 5],
    ]) {
      const r = imageToDigit(makeImage(w, h, (x, y) => grey((x * 31 + y * 17) % 256)));
      checkDigit(r.pixels);
      expect(r.crop.side).toBe(Math.min(w, h));
    }
  });

  it('centre-crop keeps the middle: a white square in the middle of a wide black image lands in the middle', () => {
    // 560×140 black, white 70×70 square centred at (280, 70); the crop is x ∈ [210, 350).
    const img = makeImage(560, 140, (x, y) => grey(x >= 245 && x < 315 && y >= 35 && y < 105 ? 255 : 0));
    const r = imageToDigit(img);
    expect(r.inverted).toBe(false);
    expect(r.crop).toEqual({ x: 210, y: 0, side: 140 });
    // 140 → 28 is an exact 5:1 box: the square covers output pixels 7..20 in both axes, exactly.
    for (let i = 0; i < 28; i++) {
      for (let j = 0; j < 28; j++) {
        const inside = i >= 7 && i < 21 && j >= 7 && j < 21;
        expect(r.pixels[i * 28 + j]).toBe(inside ? 255 : 0);
      }
    }
    // Same on a tall image.
    const tall = makeImage(140, 560, (x, y) => grey(y >= 245 && y < 315 && x >= 35 && x < 105 ? 255 : 0));
    const rt = imageToDigit(tall);
    expect(rt.crop).toEqual({ x: 0, y: 210, side: 140 });
    expect(rt.pixels[14 * 28 + 14]).toBe(255);
    expect(rt.pixels[3 * 28 + 14]).toBe(0);
  });

  it('auto-invert: a dark stroke on white becomes a bright stroke on black', () => {
    // A vertical black bar on white paper.
    const img = makeImage(280, 280, (x) => grey(x >= 120 && x < 160 ? 0 : 255));
    const r = imageToDigit(img);
    expect(r.inverted).toBe(true);
    expect(r.pixels[14 * 28 + 13]).toBe(255); // the stroke is bright
    expect(r.pixels[14 * 28 + 2]).toBe(0); // the paper is black
    // Already MNIST-like (bright on black): left alone.
    const mn = imageToDigit(makeImage(280, 280, (x) => grey(x >= 120 && x < 160 ? 255 : 0)));
    expect(mn.inverted).toBe(false);
    expect(Array.from(mn.pixels)).toEqual(Array.from(r.pixels));
    // Forced either way.
    expect(imageToDigit(img, { invert: false }).pixels[14 * 28 + 13]).toBe(0);
  });

  it('uses Rec. 709 luma and composites transparency over white (or black)', () => {
    // Pure green is brighter than pure red, which is brighter than pure blue.
    const img = makeImage(3, 1, (x) => (x === 0 ? [255, 0, 0, 255] : x === 1 ? [0, 255, 0, 255] : [0, 0, 255, 255]));
    const r = imageToDigit(img, { size: 3, invert: false });
    // rows are cropped to the middle pixel (green) only; check the maths on a square instead
    expect(r.crop).toEqual({ x: 1, y: 0, side: 1 });
    const sq = makeImage(2, 2, (x, y) => [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [0, 0, 0, 255]][y * 2 + x] as [number, number, number, number]);
    const q = imageToDigit(sq, { size: 2, invert: false });
    // normalised: black → 0, green (0.7152) → 255, red 0.2126/0.7152, blue 0.0722/0.7152
    expect(Array.from(q.pixels)).toEqual([Math.round((255 * 0.2126) / 0.7152), 255, Math.round((255 * 0.0722) / 0.7152), 0]);
    // A transparent background with black ink: over white it reads as ink on paper, so it is inverted.
    const transparent = makeImage(56, 56, (x, y) => (Math.abs(x - 28) < 4 && y > 8 && y < 48 ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    const t = imageToDigit(transparent);
    expect(t.inverted).toBe(true);
    expect(t.pixels[14 * 28 + 14]).toBe(255);
    expect(t.pixels[14 * 28 + 2]).toBe(0);
    // Over black the same file has no contrast at all.
    expect(imageToDigit(transparent, { matte: 'black' }).uniform).toBe(true);
  });

  it('area-averages: a fine checkerboard becomes flat grey, so uniform', () => {
    const r = imageToDigit(makeImage(280, 280, (x, y) => grey((x + y) % 2 ? 255 : 0)));
    checkDigit(r.pixels);
    expect(r.uniform).toBe(true);
  });

  it('refuses malformed input clearly', () => {
    expect(() => imageToDigit({ width: 0, height: 5, data: new Uint8ClampedArray(0) })).toThrow('The image has no pixels (0×5)');
    expect(() => imageToDigit({ width: 2, height: 2, data: new Uint8ClampedArray(4) })).toThrow('image data is too short');
  });
});

describe('sniffImageSize', () => {
  it('reads PNG, GIF and JPEG headers', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 4000);
    new DataView(png.buffer).setUint32(20, 3000);
    expect(sniffImageSize(png)).toEqual({ width: 4000, height: 3000 });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x10, 0x00, 0x20, 0x00]);
    expect(sniffImageSize(gif)).toEqual({ width: 16, height: 32 });
    // SOI, APP0 (length 16), SOF0 with height 12000, width 9000
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0), 0xff, 0xc0, 0x00, 0x11, 0x08, 0x2e, 0xe0, 0x23, 0x28, 0x03, 0, 0, 0, 0,
    ]);
    expect(sniffImageSize(jpeg)).toEqual({ width: 9000, height: 12000 });
    expect(sniffImageSize(new TextEncoder().encode('hello, not an image'))).toBeNull();
  });
});
