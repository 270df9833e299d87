/**
 * Synthetic captioned scenes for text conditioning: 32×32 canvases holding one
 * or two MNIST digits, each in its own 16×16 cell, with a caption that says
 * which digit sits where ("a seven in the bottom right and 2 top right").
 *
 *   +----+----+
 *   | tl | tr |   cells are 16×16; a digit is its 28×28 MNIST image
 *   +----+----+   shrunk to 16×16, placed in its cell, then moved by up to
 *   | bl | br |   MAX_JITTER px in x and y (clipped to the canvas; where two
 *   +----+----+   jittered digits overlap, the brighter pixel wins).
 *
 * Resampling 28→16 is an area (box) filter: each output pixel is the mean of
 * the 1.75×1.75 input square it covers. The weights are multiples of 1/4, so
 * it is computed in integers and gives the same bytes in every engine.
 *
 * Everything is deterministic: scene i of a batch draws from its own
 * sub-stream deriveSeed(seed, i), so a batch of 10 is the first 10 scenes of
 * a batch of 1000 with the same seed, and captions never shift the images.
 *
 * Splits: 'train' scenes use MNIST training digits, 'eval' scenes use MNIST
 * TEST digits only, so evaluation never shows the model a digit it saw.
 */
import { createRng, deriveSeed, type Rng } from '../diffusion/index';
import { captionFor, type CaptionStyle, type Cell, type SceneSpec } from './captions';
import { IMAGE_SIZE, indicesOfClass, type DigitSet, type Split } from './digits';

/** Cells in reading order; also the order of canonical captions. */
export const CELLS: readonly Cell[] = ['tl', 'tr', 'bl', 'br'];
/** How a cell is said in a canonical caption. */
export const CELL_NAMES: Readonly<Record<Cell, string>> = {
  tl: 'top left',
  tr: 'top right',
  bl: 'bottom left',
  br: 'bottom right',
};

export const SCENE_SIZE = 32;
export const SCENE_PIXELS = SCENE_SIZE * SCENE_SIZE;
export const CELL_SIZE = 16;
export const MAX_JITTER = 2;
export const MAX_DIGITS = 2;

/** Top-left corner of each cell on the canvas, before jitter. */
export const CELL_ORIGIN: Readonly<Record<Cell, { x: number; y: number }>> = {
  tl: { x: 0, y: 0 },
  tr: { x: CELL_SIZE, y: 0 },
  bl: { x: 0, y: CELL_SIZE },
  br: { x: CELL_SIZE, y: CELL_SIZE },
};

/** Scene splits and the MNIST split each one draws digits from. */
export type SceneSplit = 'train' | 'eval';
export const SCENE_SPLIT_SOURCE: Readonly<Record<SceneSplit, Split>> = { train: 'train', eval: 'test' };

/** Where one digit landed. x, y is the unclipped top-left corner of its 16×16 box (may be −2 or up to 18). */
export interface SceneBox {
  label: number;
  cell: Cell;
  x: number;
  y: number;
  size: number;
  /** The jitter: x − CELL_ORIGIN[cell].x, in −MAX_JITTER..MAX_JITTER (same for dy). */
  dx: number;
  dy: number;
  /** The MNIST image drawn: its split and index in that split. */
  source: { split: Split; index: number };
}

export interface RenderedScene {
  /** 32×32 uint8, row-major, 0 = background. */
  pixels: Uint8Array;
  boxes: SceneBox[];
}

/** Picks MNIST images of a given label, deterministically from an rng. */
export interface DigitSource {
  readonly split: Split;
  /** Index (into this split) of an image showing `label`. */
  pick(label: number, rng: Rng): number;
  /** The 28×28 image at `index`. */
  image(index: number): Uint8Array;
}

/** A DigitSource over a loaded MNIST split (class indices computed once). */
export function digitSource(set: DigitSet): DigitSource {
  if (set.name !== 'mnist') throw new Error(`Scenes are made of MNIST digits, got the "${set.name}" set`);
  const byClass = Array.from({ length: 10 }, (_, d) => indicesOfClass(set, d));
  const n = set.size * set.size;
  return {
    split: set.split,
    pick(label, rng) {
      const list = byClass[label];
      if (!list || list.length === 0) throw new RangeError(`No ${set.split} image with label ${String(label)}`);
      return list[rng.int(list.length)];
    },
    image(index) {
      return set.images.subarray(index * n, (index + 1) * n);
    },
  };
}

/** A random scene: 1 or 2 digits (equally likely), labels uniform 0–9, distinct random cells. */
export function generateSceneSpec(rng: Rng): SceneSpec {
  const count = 1 + rng.int(MAX_DIGITS);
  const free = [...CELLS];
  const digits: SceneSpec['digits'] = [];
  for (let k = 0; k < count; k++) {
    const cell = free.splice(rng.int(free.length), 1)[0];
    digits.push({ label: rng.int(10), cell });
  }
  return { digits };
}

/** Checks a spec: at most MAX_DIGITS digits, labels 0–9, known and distinct cells. Returns the problem, or null. */
export function specProblem(spec: SceneSpec): string | null {
  if (spec.digits.length > MAX_DIGITS) return `at most ${MAX_DIGITS} digits, got ${spec.digits.length}`;
  const seen = new Set<Cell>();
  for (const d of spec.digits) {
    if (!Number.isInteger(d.label) || d.label < 0 || d.label > 9) return `label ${String(d.label)} is not a digit 0–9`;
    if (!(d.cell in CELL_ORIGIN)) return `unknown cell "${String(d.cell)}"`;
    if (seen.has(d.cell)) return `two digits in the ${CELL_NAMES[d.cell]} cell`;
    seen.add(d.cell);
  }
  return null;
}

// Area-resampling weights, in quarters of an input pixel: output pixel o covers
// input [o·1.75, (o+1)·1.75), i.e. [7o, 7o+7) in quarter units, and input pixel
// i covers [4i, 4i+4). Each output row of weights sums to 7.
const RESIZE_TAPS: { i: number; w: number }[][] = Array.from({ length: CELL_SIZE }, (_, o) => {
  const taps: { i: number; w: number }[] = [];
  for (let i = 0; i < IMAGE_SIZE; i++) {
    const w = Math.min(4 * i + 4, 7 * o + 7) - Math.max(4 * i, 7 * o);
    if (w > 0) taps.push({ i, w });
  }
  return taps;
});

/** 28×28 → 16×16 by area averaging, in exact integer arithmetic (rounded half up). */
export function resizeDigit(img: ArrayLike<number>, out = new Uint8Array(CELL_SIZE * CELL_SIZE)): Uint8Array {
  if (img.length !== IMAGE_SIZE * IMAGE_SIZE) throw new RangeError(`resizeDigit: expected 784 pixels, got ${img.length}`);
  const rows = new Int32Array(CELL_SIZE * IMAGE_SIZE); // vertical pass: weighted sums, ×7
  for (let oy = 0; oy < CELL_SIZE; oy++) {
    for (const { i, w } of RESIZE_TAPS[oy]) {
      for (let x = 0; x < IMAGE_SIZE; x++) rows[oy * IMAGE_SIZE + x] += w * img[i * IMAGE_SIZE + x];
    }
  }
  for (let oy = 0; oy < CELL_SIZE; oy++) {
    for (let ox = 0; ox < CELL_SIZE; ox++) {
      let sum = 0; // ×49 in all
      for (const { i, w } of RESIZE_TAPS[ox]) sum += w * rows[oy * IMAGE_SIZE + i];
      out[oy * CELL_SIZE + ox] = Math.floor((2 * sum + 49) / 98);
    }
  }
  return out;
}

/**
 * Draw a scene. For each digit in spec order the rng picks an image, then dx
 * and dy in −MAX_JITTER..MAX_JITTER. Pixels outside every box stay 0.
 */
export function renderScene(spec: SceneSpec, source: DigitSource, rng: Rng, out?: Uint8Array): RenderedScene {
  const problem = specProblem(spec);
  if (problem) throw new RangeError(`renderScene: ${problem}`);
  const pixels = out ?? new Uint8Array(SCENE_PIXELS);
  if (pixels.length !== SCENE_PIXELS) throw new RangeError(`renderScene: out must hold ${SCENE_PIXELS} pixels`);
  pixels.fill(0);
  const small = new Uint8Array(CELL_SIZE * CELL_SIZE);
  const boxes: SceneBox[] = [];
  for (const { label, cell } of spec.digits) {
    const index = source.pick(label, rng);
    const dx = rng.int(2 * MAX_JITTER + 1) - MAX_JITTER;
    const dy = rng.int(2 * MAX_JITTER + 1) - MAX_JITTER;
    const x = CELL_ORIGIN[cell].x + dx;
    const y = CELL_ORIGIN[cell].y + dy;
    resizeDigit(source.image(index), small);
    for (let r = 0; r < CELL_SIZE; r++) {
      const cy = y + r;
      if (cy < 0 || cy >= SCENE_SIZE) continue;
      for (let c = 0; c < CELL_SIZE; c++) {
        const cx = x + c;
        if (cx < 0 || cx >= SCENE_SIZE) continue;
        const v = small[r * CELL_SIZE + c];
        const p = cy * SCENE_SIZE + cx;
        if (v > pixels[p]) pixels[p] = v; // overlapping boxes: max, so neither digit erases the other
      }
    }
    boxes.push({ label, cell, x, y, size: CELL_SIZE, dx, dy, source: { split: source.split, index } });
  }
  return { pixels, boxes };
}

export interface SceneBatchOptions {
  count: number;
  seed: number;
  /** Must match the set: 'train' needs MNIST train, 'eval' needs MNIST test. Stated so a mix-up fails loudly. */
  split: SceneSplit;
  /** 'varied' (default): the grammar's random phrasings; 'canonical': one fixed form. */
  captionStyle?: CaptionStyle;
}

export interface SceneBatch {
  split: SceneSplit;
  seed: number;
  /** count × 32 × 32 uint8, row-major. */
  images: Uint8Array;
  captions: string[];
  specs: SceneSpec[];
  boxes: SceneBox[][];
}

// Sub-streams of one scene's generator, so each part can change without moving the others.
const STREAM_SPEC = 0;
const STREAM_RENDER = 1;
const STREAM_CAPTION = 2;

/** count scenes with captions; the same (set, options) always gives the same bytes. */
export function makeSceneBatch(set: DigitSet | DigitSource, opts: SceneBatchOptions): SceneBatch {
  const { count, seed, split } = opts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${String(count)}`);
  const source = 'pick' in set ? set : digitSource(set);
  const need = SCENE_SPLIT_SOURCE[split];
  if (need === undefined) throw new RangeError(`Unknown scene split "${String(split)}"`);
  if (source.split !== need) {
    throw new Error(`"${split}" scenes must use MNIST ${need} digits, but the digits given are MNIST ${source.split}`);
  }
  const images = new Uint8Array(count * SCENE_PIXELS);
  const captions: string[] = [];
  const specs: SceneSpec[] = [];
  const boxes: SceneBox[][] = [];
  for (let i = 0; i < count; i++) {
    const rng = createRng(deriveSeed(seed, i));
    const spec = generateSceneSpec(rng.fork(STREAM_SPEC));
    const scene = renderScene(spec, source, rng.fork(STREAM_RENDER), images.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS));
    specs.push(spec);
    boxes.push(scene.boxes);
    captions.push(captionFor(spec, rng.fork(STREAM_CAPTION), { style: opts.captionStyle }));
  }
  return { split, seed, images, captions, specs, boxes };
}
