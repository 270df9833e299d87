/**
 * Turn any picture (a photo of a digit on paper, a screenshot, a drawing)
 * into a 28×28 grey digit in MNIST's convention: bright ink on black.
 *
 * The maths is one pure function, imageToDigit, on RGBA pixels:
 *   1. centre-crop to a square (the middle of a wide or tall image is kept);
 *   2. grey = Rec. 709 luma Y' = 0.2126 R' + 0.7152 G' + 0.0722 B' on the
 *      (gamma-encoded) sRGB values, after compositing over the matte colour:
 *      transparent pixels count as WHITE by default (the way a page shows a
 *      transparent PNG, and what a dark-ink drawing with no background means);
 *   3. area-average (box filter) down to 28×28 — exact fractional coverage, so
 *      any size works, from 1×1 (upsampled) to 4000×3000 and beyond; memory is
 *      one source row plus the output, never a full-size float copy;
 *   4. auto-invert when the border is brighter than the centre (dark strokes on
 *      light paper become light strokes on black, as in MNIST);
 *   5. stretch contrast so the darkest pixel is 0 and the brightest 255. A
 *      uniform image (nothing drawn) becomes all 0 rather than NaN.
 *
 * decodeImageFile is the thin, browser-only part: File/Blob → RGBA pixels.
 */

/** Decoded pixels, the shape of ImageData: RGBA, 4 bytes per pixel, row-major. */
export interface ImageDataLike {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export interface ImageToDigitOptions {
  /** Output side (default 28). */
  size?: number;
  /** Colour that transparent pixels are composited over (default 'white'). */
  matte?: 'white' | 'black';
  /** 'auto' (default): invert when the border is brighter than the centre. */
  invert?: 'auto' | boolean;
}

export interface ImportedDigit {
  /** size × size grey pixels, 0 = background, 255 = ink. */
  pixels: Uint8Array;
  size: number;
  /** Whether the image was inverted (dark-on-light input). */
  inverted: boolean;
  /** True when the image had no contrast at all (pixels are then all 0). */
  uniform: boolean;
  /** The square that was used, in source pixels. */
  crop: { x: number; y: number; side: number };
}

/**
 * Why an image could not be imported, as a code with its numbers, so the page
 * can say it in the reader's language (the English `message` is for engineers
 * and logs).
 */
export type ImageImportErrorCode =
  /** Width or height below 1 (or not whole): values.width, values.height. */
  | 'no-pixels'
  /** Fewer RGBA bytes than width × height × 4: a caller's mistake. */
  | 'short-data'
  /** The output size is not a positive integer: a caller's mistake. */
  | 'bad-size'
  /** The browser cannot decode images (no createImageBitmap). */
  | 'no-decoder'
  /** Not an image type, or the decoder refused it. */
  | 'not-image'
  /** Decoded to 0 pixels: values.width, values.height. */
  | 'empty'
  /** Over MAX_PIXELS: values.width, values.height, values.megapixels, values.limit (megapixels). */
  | 'too-large'
  /** No 2D canvas to read the pixels from: values.width, values.height. */
  | 'no-canvas';

export class ImageImportError extends Error {
  override name = 'ImageImportError';
  readonly code: ImageImportErrorCode;
  readonly values: Readonly<Record<string, number>>;

  constructor(message: string, code: ImageImportErrorCode, values: Record<string, number> = {}) {
    super(message);
    this.code = code;
    this.values = values;
  }
}

/** Largest image decodeImageFile accepts (50 megapixels). */
export const MAX_PIXELS = 50_000_000;

const LUMA_R = 0.2126;
const LUMA_G = 0.7152;
const LUMA_B = 0.0722;

/**
 * For a 1-D box filter from `src` source pixels to `dst` output pixels: for
 * each source pixel, the output pixels it overlaps and the weight it adds to
 * each (its overlap divided by the output pixel's footprint, so every output's
 * weights sum to 1).
 */
function boxWeights(src: number, dst: number): { start: Int32Array; idx: Int32Array; w: Float64Array } {
  // Output j covers source interval [j·src/dst, (j+1)·src/dst).
  const perSrc: { j: number; w: number }[][] = Array.from({ length: src }, () => []);
  const footprint = src / dst;
  for (let j = 0; j < dst; j++) {
    const a = (j * src) / dst;
    const b = ((j + 1) * src) / dst;
    const k0 = Math.floor(a);
    const k1 = Math.min(src, Math.ceil(b));
    for (let k = k0; k < k1; k++) {
      const overlap = Math.min(b, k + 1) - Math.max(a, k);
      if (overlap > 0) perSrc[k].push({ j, w: overlap / footprint });
    }
  }
  const start = new Int32Array(src + 1);
  for (let k = 0; k < src; k++) start[k + 1] = start[k] + perSrc[k].length;
  const idx = new Int32Array(start[src]);
  const w = new Float64Array(start[src]);
  for (let k = 0, at = 0; k < src; k++) {
    for (const e of perSrc[k]) {
      idx[at] = e.j;
      w[at] = e.w;
      at++;
    }
  }
  return { start, idx, w };
}

/** Centre-crop, grey, box-downsample, auto-invert and normalise. Pure; see the module comment. */
export function imageToDigit(img: ImageDataLike, opts: ImageToDigitOptions = {}): ImportedDigit {
  const size = opts.size ?? 28;
  const matte = (opts.matte ?? 'white') === 'white' ? 255 : 0;
  const { width, height, data } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ImageImportError(`The image has no pixels (${width}×${height})`, 'no-pixels', { width, height });
  }
  if (data.length < width * height * 4) {
    throw new ImageImportError(
      `The image data is too short: ${width}×${height} RGBA needs ${width * height * 4} bytes, got ${data.length}`,
      'short-data',
    );
  }
  if (!Number.isInteger(size) || size < 1) throw new ImageImportError(`Output size must be a positive integer, got ${size}`, 'bad-size');

  const side = Math.min(width, height);
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  const wts = boxWeights(side, size);

  const acc = new Float64Array(size * size); // output accumulator, 0..255 grey
  const row = new Float64Array(size); // one source row, reduced horizontally
  for (let y = 0; y < side; y++) {
    row.fill(0);
    let p = ((y0 + y) * width + x0) * 4;
    for (let x = 0; x < side; x++, p += 4) {
      const a = data[p + 3] / 255;
      const luma = LUMA_R * data[p] + LUMA_G * data[p + 1] + LUMA_B * data[p + 2];
      const g = a * luma + (1 - a) * matte;
      for (let e = wts.start[x]; e < wts.start[x + 1]; e++) row[wts.idx[e]] += wts.w[e] * g;
    }
    for (let e = wts.start[y]; e < wts.start[y + 1]; e++) {
      const off = wts.idx[e] * size;
      const wy = wts.w[e];
      for (let j = 0; j < size; j++) acc[off + j] += wy * row[j];
    }
  }

  // Border (outer ~1/7 of the side: 4 px at 28, where MNIST is always empty) vs centre.
  const ring = Math.max(1, Math.round(size / 7));
  let borderSum = 0;
  let borderN = 0;
  let centreSum = 0;
  let centreN = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const v = acc[i * size + j];
      if (Math.min(i, j, size - 1 - i, size - 1 - j) < ring) {
        borderSum += v;
        borderN++;
      } else {
        centreSum += v;
        centreN++;
      }
    }
  }
  const inverted =
    opts.invert === 'auto' || opts.invert === undefined
      ? centreN > 0 && borderSum / borderN > centreSum / centreN
      : opts.invert;

  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < acc.length; i++) {
    if (inverted) acc[i] = 255 - acc[i];
    if (acc[i] < lo) lo = acc[i];
    if (acc[i] > hi) hi = acc[i];
  }
  const pixels = new Uint8Array(size * size);
  const uniform = !(hi - lo > 1e-6);
  if (!uniform) {
    const scale = 255 / (hi - lo);
    for (let i = 0; i < acc.length; i++) pixels[i] = Math.min(255, Math.max(0, Math.round((acc[i] - lo) * scale)));
  }
  return { pixels, size, inverted, uniform, crop: { x: x0, y: y0, side } };
}

// ---------------------------------------------------------------- browser decoding

/**
 * Decode an image file in the browser (createImageBitmap + a canvas) into RGBA
 * pixels for imageToDigit. Refuses non-images and images over 50 megapixels
 * with an ImageImportError whose code says why.
 */
export async function decodeImageFile(file: File | Blob): Promise<ImageDataLike> {
  const label = describe(file);
  if (typeof createImageBitmap !== 'function') {
    throw new ImageImportError('This browser cannot decode images here (no createImageBitmap)', 'no-decoder');
  }
  if (file.type && !file.type.startsWith('image/')) {
    throw new ImageImportError(`That file is not an image we can read (${label})`, 'not-image');
  }
  // Read the size from the header first where we can, so a huge image is refused before decoding it.
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const sniffed = sniffImageSize(head);
  if (sniffed) checkSize(sniffed.width, sniffed.height, label);

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ImageImportError(`That file is not an image we can read (${label}: ${why})`, 'not-image');
  }
  try {
    const { width, height } = bitmap;
    checkSize(width, height, label);
    if (width < 1 || height < 1) throw new ImageImportError(`That image is empty (${label}, ${width}×${height})`, 'empty', { width, height });
    const ctx = context2d(width, height);
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, width, height).data;
    return { width, height, data };
  } finally {
    bitmap.close();
  }
}

/** Decode a file and convert it: the whole import in one call (browser only). */
export async function importDigitFile(file: File | Blob, opts?: ImageToDigitOptions): Promise<ImportedDigit> {
  return imageToDigit(await decodeImageFile(file), opts);
}

function describe(file: File | Blob): string {
  const name = 'name' in file && typeof file.name === 'string' && file.name ? `"${file.name}"` : 'file';
  return `${name}, ${file.type || 'unknown type'}, ${file.size} bytes`;
}

function checkSize(width: number, height: number, label: string): void {
  if (width * height > MAX_PIXELS) {
    const megapixels = Math.round((width * height) / 1e6);
    const limit = MAX_PIXELS / 1e6;
    throw new ImageImportError(
      `That image is too large to import: ${width}×${height} is ${megapixels} megapixels, and the limit is ${limit} (${label}). Please shrink it first.`,
      'too-large',
      { width, height, megapixels, limit },
    );
  }
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function context2d(width: number, height: number): Ctx2D {
  let ctx: Ctx2D | null = null;
  if (typeof OffscreenCanvas !== 'undefined') {
    ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  } else if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    ctx = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!ctx) throw new ImageImportError(`Could not get a canvas to decode a ${width}×${height} image`, 'no-canvas', { width, height });
  return ctx;
}

/**
 * Width and height from the first bytes of a PNG, GIF, BMP, WebP or JPEG file,
 * or null if the format is not recognised (the decoder then decides). Pure.
 */
export function sniffImageSize(b: Uint8Array): { width: number; height: number } | null {
  const u16be = (i: number) => (b[i] << 8) | b[i + 1];
  const u16le = (i: number) => b[i] | (b[i + 1] << 8);
  const u32be = (i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  const i32le = (i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  // PNG: signature, then IHDR width/height at 16/20.
  if (b.length >= 24 && b[0] === 0x89 && ascii(1, 3) === 'PNG') return { width: u32be(16), height: u32be(20) };
  // GIF: logical screen size.
  if (b.length >= 10 && ascii(0, 4) === 'GIF8') return { width: u16le(6), height: u16le(8) };
  // BMP: BITMAPINFOHEADER (height may be negative for top-down).
  if (b.length >= 26 && ascii(0, 2) === 'BM') return { width: Math.abs(i32le(18)), height: Math.abs(i32le(22)) };
  // WebP.
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8 ') return { width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = (b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)) >>> 0;
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') {
      return { width: (b[24] | (b[25] << 8) | (b[26] << 16)) + 1, height: (b[27] | (b[28] << 8) | (b[29] << 16)) + 1 };
    }
    return null;
  }
  // JPEG: walk the markers to the first SOFn.
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { width: u16be(i + 7), height: u16be(i + 5) };
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        i += 2;
        continue;
      }
      i += 2 + u16be(i + 2);
    }
  }
  return null;
}
