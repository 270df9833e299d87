import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  classCounts,
  clearDigitCache,
  DataLoadError,
  dataFiles,
  digitSetFromBytes,
  type DigitSet,
  fromSigned,
  imageAt,
  indicesOfClass,
  loadDigits,
  toSigned,
} from '../../../src/data/digits';
import { encodeIdx } from '../../../src/data/idx';
import { sameBytes } from './same-bytes';

const dataDir = fileURLToPath(new URL('../../../site/public/data/', import.meta.url));
const readShipped = async (file: string) => new Uint8Array(readFileSync(dataDir + file));

let mnistTrain: DigitSet;
beforeAll(async () => {
  mnistTrain = await loadDigits('mnist', 'train');
});

describe('shipped data', () => {
  it('MNIST train: 60000 images of 28×28 and 60000 labels, with the known class counts', () => {
    expect(mnistTrain.count).toBe(60000);
    expect(mnistTrain.size).toBe(28);
    expect(mnistTrain.images.length).toBe(60000 * 784);
    expect(mnistTrain.labels.length).toBe(60000);
    expect(classCounts(mnistTrain)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(mnistTrain.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('MNIST train starts with the well-known 5, 0, 4; the first image is pinned', () => {
    expect(Array.from(mnistTrain.labels.subarray(0, 3))).toEqual([5, 0, 4]);
    const first = imageAt(mnistTrain, 0);
    expect(first.length).toBe(784);
    expect(first.reduce((a, b) => a + b, 0)).toBe(27525);
    // MNIST digits are centred in a 20×20 box: the outer border is empty.
    expect(first[0]).toBe(0);
    expect(first[783]).toBe(0);
  });

  it('MNIST test: 10000 images with the known class counts', async () => {
    const test = await loadDigits('mnist', 'test');
    expect(test.count).toBe(10000);
    expect(test.images.length).toBe(10000 * 784);
    expect(classCounts(test)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('Fashion-MNIST: ≥ 10000 training images, every class present; test is balanced', async () => {
    const train = await loadDigits('fashion', 'train');
    expect(train.count).toBeGreaterThanOrEqual(10000);
    expect(train.images.length).toBe(train.count * 784);
    const counts = classCounts(train);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(train.count);
    for (const c of counts) expect(c).toBeGreaterThan(train.count / 20); // roughly balanced
    expect(train.classNames[9]).toBe('Ankle boot');
    expect(train.labels[0]).toBe(9); // the first Fashion-MNIST training item is an ankle boot

    const test = await loadDigits('fashion', 'test');
    expect(test.count).toBe(10000);
    expect(classCounts(test)).toEqual(new Array(10).fill(1000));
    expect(test.classNames).toEqual([
      'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
    ]);
  });

  it('caches per (name, split)', async () => {
    // (Identity checked with ===: a failing or negated toBe deep-compares 47 MB element by element.)
    expect((await loadDigits('mnist', 'train')) === mnistTrain).toBe(true);
    expect(loadDigits('mnist', 'test') === loadDigits('mnist', 'test')).toBe(true);
    clearDigitCache();
    expect((await loadDigits('mnist', 'train')) === mnistTrain).toBe(false);
  });
});

describe('loader', () => {
  it('gives identical results from gzipped and already-unzipped bytes', async () => {
    const files = dataFiles('mnist', 'test');
    const gz = { [files.images]: await readShipped(files.images), [files.labels]: await readShipped(files.labels) };
    const fromGz = await loadDigits('mnist', 'test', { fetcher: async (f) => gz[f] });
    const fromRaw = await loadDigits('mnist', 'test', {
      fetcher: async (f) => new Uint8Array(gunzipSync(gz[f])),
    });
    expect(fromRaw.count).toBe(fromGz.count);
    expect(sameBytes(fromRaw.images, fromGz.images)).toBe(true);
    expect(sameBytes(fromRaw.labels, fromGz.labels)).toBe(true);
  });

  it('reads from a baseUrl directory or file: URL in Node', async () => {
    const set = await loadDigits('fashion', 'test', { baseUrl: new URL('../../../site/public/data/', import.meta.url).href });
    expect(set.count).toBe(10000);
  });

  it('says how to make missing files', async () => {
    await expect(loadDigits('mnist', 'test', { baseUrl: '/nonexistent-dir' })).rejects.toThrow(
      /Could not read \/nonexistent-dir\/mnist-test-(images|labels)\.idx[13]\.gz: .*run `npm run data`/,
    );
  });

  it('rejects images and labels whose counts disagree', async () => {
    const images = encodeIdx([3, 28, 28], new Uint8Array(3 * 784));
    const labels = encodeIdx([2], new Uint8Array([1, 2]));
    await expect(digitSetFromBytes('mnist', 'test', images, labels)).rejects.toThrow(DataLoadError);
    await expect(digitSetFromBytes('mnist', 'test', images, labels)).rejects.toThrow('3 images but 2 labels');
  });

  it('rejects wrong shapes and out-of-range labels', async () => {
    const images = encodeIdx([2, 27, 28], new Uint8Array(2 * 27 * 28));
    const labels = encodeIdx([2], new Uint8Array([1, 2]));
    await expect(digitSetFromBytes('mnist', 'test', images, labels)).rejects.toThrow('expected N×28×28 images, header says 2×27×28');
    const ok = encodeIdx([2, 28, 28], new Uint8Array(2 * 784));
    await expect(digitSetFromBytes('mnist', 'test', ok, encodeIdx([2], new Uint8Array([1, 12])))).rejects.toThrow(
      'label 12 at index 1 is outside 0–9',
    );
  });

  it('a truncated data file gives the IDX error, a corrupt gzip the gzip error', async () => {
    const files = dataFiles('mnist', 'test');
    const labels = await readShipped(files.labels);
    const raw = new Uint8Array(gunzipSync(await readShipped(files.images)));
    await expect(
      loadDigits('mnist', 'test', { fetcher: async (f) => (f === files.images ? raw.subarray(0, 16 + 1200) : labels) }),
    ).rejects.toThrow('IDX file truncated: mnist-test-images.idx3.gz header says 10000×28×28 = 7840000 bytes, found 1200');
    const corrupt = labels.slice();
    corrupt.fill(0x55, 12, 200);
    await expect(
      loadDigits('mnist', 'test', { fetcher: async (f) => (f === files.labels ? corrupt : raw) }),
    ).rejects.toThrow(/Could not decompress mnist-test-labels\.idx1\.gz: the gzip data is corrupt/);
  });
});

describe('helpers', () => {
  it('imageAt returns views and checks the index', () => {
    const a = imageAt(mnistTrain, 1);
    expect(a.buffer).toBe(mnistTrain.images.buffer);
    expect(a.byteOffset).toBe(mnistTrain.images.byteOffset + 784);
    expect(() => imageAt(mnistTrain, 60000)).toThrow(RangeError);
    expect(() => imageAt(mnistTrain, -1)).toThrow(RangeError);
  });

  it('toSigned maps 0..255 to [-1, 1] and fromSigned inverts it exactly', () => {
    const px = Uint8Array.from({ length: 256 }, (_, i) => i);
    const x = toSigned(px);
    expect(x[0]).toBe(-1);
    expect(x[255]).toBe(1);
    expect(Math.min(...x)).toBe(-1);
    expect(Math.max(...x)).toBe(1);
    expect(Array.from(fromSigned(x))).toEqual(Array.from(px));
    // clamps, and writes into a given buffer
    const out = new Uint8ClampedArray(3);
    expect(fromSigned([-3, 5, Number.NaN], out)).toBe(out);
    expect(Array.from(out)).toEqual([0, 255, 0]);
    const buf = new Float32Array(784);
    expect(toSigned(imageAt(mnistTrain, 0), buf)).toBe(buf);
    expect(() => toSigned(px, new Float32Array(10))).toThrow(RangeError);
  });

  it('indicesOfClass finds every image of a label', () => {
    const fives = indicesOfClass(mnistTrain, 5);
    expect(fives.length).toBe(5421);
    expect(fives[0]).toBe(0);
    expect(fives.every((i) => mnistTrain.labels[i] === 5)).toBe(true);
    expect(indicesOfClass(mnistTrain, 0)[0]).toBe(1);
  });
});
