/**
 * The digit data sets the site ships: MNIST and (a slice of) Fashion-MNIST,
 * as gzipped IDX files in site/public/data/ (made by scripts/convert-data.mjs).
 *
 * One loader for the browser and Node:
 *  - browser (and Web Workers): fetch `<BASE_URL>data/<file>`; pages load
 *    through the data worker instead (src/workers/data/client.ts), so that
 *    the inflating happens off their main thread;
 *  - Node (unit tests, scripts): read `site/public/data/<file>` from disk, via
 *    a dynamic import of node:fs that bundlers never see.
 * Either can be replaced with `{ fetcher }` or pointed elsewhere with `{ baseUrl }`.
 *
 * Pixels are uint8, 0 = background (black), 255 = ink, 28×28 row-major.
 * The models work on [-1, 1]: see toSigned / fromSigned.
 */
import { maybeGunzip } from './gunzip';
import { IdxError, parseIdx } from './idx';
import { download } from './download-error';
import type { FailureCode } from '../failures/failure-codes';

export type DatasetName = 'mnist' | 'fashion';
export type Split = 'train' | 'test';

export const IMAGE_SIZE = 28;
export const IMAGE_PIXELS = IMAGE_SIZE * IMAGE_SIZE;

export const MNIST_CLASS_NAMES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const FASHION_CLASS_NAMES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

export function classNames(name: DatasetName): string[] {
  return [...(name === 'mnist' ? MNIST_CLASS_NAMES : FASHION_CLASS_NAMES)];
}

/** How many items each shipped file holds (Fashion train is the first 10,000 of 60,000). */
export const DATASET_COUNTS: Record<DatasetName, Record<Split, number>> = {
  mnist: { train: 60_000, test: 10_000 },
  fashion: { train: 10_000, test: 10_000 },
};

export interface DigitSet {
  name: DatasetName;
  split: Split;
  /** Number of images N. */
  count: number;
  /** Image side (28). */
  size: number;
  /** N × 28 × 28 pixels, uint8, row-major, 0 = background. */
  images: Uint8Array;
  /** N labels, 0–9. */
  labels: Uint8Array;
  /** classNames[label] is the human name of a label. */
  classNames: string[];
}

/** Returns a file's bytes (gzipped or not). `file` is a bare name like mnist-train-images.idx3.gz. */
export type Fetcher = (file: string) => Promise<Uint8Array>;

export interface LoadOptions {
  /** Replaces the built-in fetch / file read. Results are not cached. */
  fetcher?: Fetcher;
  /**
   * Where the files live. Browser: a URL prefix (default `${import.meta.env.BASE_URL}data/`).
   * Node: a directory path or file: URL (default the repo's site/public/data/).
   */
  baseUrl?: string;
}

export class DataLoadError extends Error {
  override name = 'DataLoadError';
  readonly failureCode: FailureCode = 'corrupt-data';
}

export function dataFiles(name: DatasetName, split: Split): { images: string; labels: string } {
  return {
    images: `${name}-${split}-images.idx3.gz`,
    labels: `${name}-${split}-labels.idx1.gz`,
  };
}

const cache = new Map<string, Promise<DigitSet>>();

/** Forget cached data sets (tests; or to free memory). */
export function clearDigitCache(): void {
  cache.clear();
}

/**
 * Load one split of a data set. Calls without a custom fetcher are cached per
 * (name, split, baseUrl), so widgets can all ask for the same set cheaply.
 */
export function loadDigits(name: DatasetName, split: Split, opts: LoadOptions = {}): Promise<DigitSet> {
  if (!(name in DATASET_COUNTS)) return Promise.reject(new DataLoadError(`Unknown data set "${String(name)}"`));
  if (split !== 'train' && split !== 'test') return Promise.reject(new DataLoadError(`Unknown split "${String(split)}"`));
  if (opts.fetcher) return loadUncached(name, split, opts.fetcher);
  return loadOnce(cache, `${name}/${split}/${opts.baseUrl ?? ''}`, () => loadUncached(name, split, defaultFetcher(opts.baseUrl)));
}

/**
 * The one load per key that `cache` keeps: started by the first ask, shared
 * by every later one. A failed load does not poison the cache: it is dropped,
 * so the next ask tries again.
 */
export function loadOnce<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** A DigitSet of checked pixels and labels (N × 28 × 28 and N). */
export function digitSet(name: DatasetName, split: Split, images: Uint8Array, labels: Uint8Array): DigitSet {
  return { name, split, count: labels.length, size: IMAGE_SIZE, images, labels, classNames: classNames(name) };
}

async function loadUncached(name: DatasetName, split: Split, fetcher: Fetcher): Promise<DigitSet> {
  const files = dataFiles(name, split);
  const [imageBytes, labelBytes] = await Promise.all([fetcher(files.images), fetcher(files.labels)]);
  return digitSetFromBytes(name, split, imageBytes, labelBytes, files);
}

/**
 * Build a DigitSet from the bytes of an images file and a labels file (each
 * gzipped or not). Checks shapes, that the counts agree, and that labels are 0–9.
 */
export async function digitSetFromBytes(
  name: DatasetName,
  split: Split,
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  files = dataFiles(name, split),
): Promise<DigitSet> {
  const [imgRaw, lblRaw] = await Promise.all([
    maybeGunzip(imageBytes, files.images),
    maybeGunzip(labelBytes, files.labels),
  ]);
  const img = parseIdx(imgRaw, files.images);
  const lbl = parseIdx(lblRaw, files.labels);
  if (img.dims.length !== 3 || img.dims[1] !== IMAGE_SIZE || img.dims[2] !== IMAGE_SIZE) {
    throw new IdxError(`${files.images}: expected N×${IMAGE_SIZE}×${IMAGE_SIZE} images, header says ${img.dims.join('×')}`);
  }
  if (lbl.dims.length !== 1) {
    throw new IdxError(`${files.labels}: expected a 1-D list of labels, header says ${lbl.dims.join('×')}`);
  }
  const count = img.dims[0];
  if (lbl.dims[0] !== count) {
    throw new DataLoadError(
      `${name} ${split}: ${count} images but ${lbl.dims[0]} labels (${files.images} and ${files.labels} do not match)`,
    );
  }
  const labels = lbl.data;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] > 9) throw new DataLoadError(`${files.labels}: label ${labels[i]} at index ${i} is outside 0–9`);
  }
  return digitSet(name, split, img.data, labels);
}

// ---------------------------------------------------------------- fetching

function isNode(): boolean {
  return (
    typeof process !== 'undefined' &&
    typeof process.versions === 'object' &&
    process.versions !== null &&
    typeof process.versions.node === 'string' &&
    typeof window === 'undefined'
  );
}

function defaultFetcher(baseUrl: string | undefined): Fetcher {
  return isNode() ? nodeFetcher(baseUrl) : browserFetcher(baseUrl);
}

function viteBase(): string {
  // Vite fills in import.meta.env; elsewhere (plain Node, other bundlers) it is absent.
  const env = (import.meta as unknown as { env?: { BASE_URL?: string } }).env;
  const base = env?.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** Where a page finds the data files: `<BASE_URL>data/`. */
export function dataBaseUrl(): string {
  return `${viteBase()}data/`;
}

function browserFetcher(baseUrl: string | undefined): Fetcher {
  const base = baseUrl ?? dataBaseUrl();
  return async (file) => {
    const url = `${base.endsWith('/') ? base : `${base}/`}${file}`;
    const res = await download(url, file);
    return new Uint8Array(await res.arrayBuffer());
  };
}

// Specifiers held in variables so that bundlers leave them alone: the browser
// build never includes node:fs.
const NODE_FS = 'node:fs/promises';
const NODE_URL = 'node:url';
const NODE_DATA_DIR = '../../site/public/data/';

function nodeFetcher(baseUrl: string | undefined): Fetcher {
  return async (file) => {
    const fs = (await import(/* @vite-ignore */ NODE_FS)) as typeof import('node:fs/promises');
    const url = (await import(/* @vite-ignore */ NODE_URL)) as typeof import('node:url');
    let dir: string;
    if (baseUrl === undefined) dir = url.fileURLToPath(new URL(NODE_DATA_DIR, import.meta.url));
    else dir = baseUrl.startsWith('file:') ? url.fileURLToPath(baseUrl) : baseUrl;
    const path = `${dir.replace(/[\\/]+$/, '')}/${file}`;
    try {
      return new Uint8Array(await fs.readFile(path));
    } catch (e) {
      const code = (e as { code?: string }).code;
      const hint = code === 'ENOENT' ? ' (run `npm run data` to create the data files)' : '';
      throw new DataLoadError(`Could not read ${path}: ${e instanceof Error ? e.message : String(e)}${hint}`);
    }
  };
}

// ---------------------------------------------------------------- helpers

/** Image i as a 784-byte view into set.images (no copy). */
export function imageAt(set: DigitSet, i: number): Uint8Array {
  if (!Number.isInteger(i) || i < 0 || i >= set.count) {
    throw new RangeError(`imageAt: index ${i} is outside 0..${set.count - 1}`);
  }
  const n = set.size * set.size;
  return set.images.subarray(i * n, (i + 1) * n);
}

/** Pixels 0..255 → [-1, 1] (x = p/127.5 − 1), the scale the models use. */
export function toSigned(img: ArrayLike<number>, out?: Float32Array): Float32Array {
  const o = out ?? new Float32Array(img.length);
  if (o.length < img.length) throw new RangeError(`toSigned: out has ${o.length} slots, need ${img.length}`);
  for (let i = 0; i < img.length; i++) o[i] = img[i] / 127.5 - 1;
  return o;
}

/** [-1, 1] → pixels 0..255 (rounded, clamped; NaN → 0). Inverse of toSigned. */
export function fromSigned(x: ArrayLike<number>, out?: Uint8ClampedArray): Uint8ClampedArray {
  const o = out ?? new Uint8ClampedArray(x.length);
  if (o.length < x.length) throw new RangeError(`fromSigned: out has ${o.length} slots, need ${x.length}`);
  for (let i = 0; i < x.length; i++) o[i] = (x[i] + 1) * 127.5; // Uint8ClampedArray rounds and clamps
  return o;
}

/** Indices of every image with this label, in order. */
export function indicesOfClass(set: DigitSet, label: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.count; i++) if (set.labels[i] === label) out.push(i);
  return out;
}

/** How many images each label has (length 10). */
export function classCounts(set: DigitSet): number[] {
  const counts = new Array<number>(set.classNames.length).fill(0);
  for (let i = 0; i < set.count; i++) counts[set.labels[i]]++;
  return counts;
}
