/**
 * A compact binary container for named float tensors: model weights (float16
 * or float32) and training checkpoints (float32, with Adam moments and EMA).
 *
 * Layout (little-endian):
 *   0  magic  "DDMW"
 *   4  u32    format version (1)
 *   8  u32    header length H in bytes
 *   12 H bytes of UTF-8 JSON header (see FileHeader), space-padded to a multiple of 4
 *   …  payload: each tensor's values, in header order, float16 or float32
 *   end u32   CRC-32 of every byte before it
 * A truncated, corrupt or foreign file is rejected with a message that says which.
 */
import type { UNetConfig } from './config';
import { validateConfig } from './config';
import { decodeHalf, encodeHalf } from './float16';
import { describeUNet } from './unet-spec';
import type { FailureCode } from '../failures/failure-codes';

export const MAGIC = 'DDMW';
export const FORMAT_VERSION = 1;

export type StoredDType = 'float16' | 'float32';

export interface TensorEntry {
  name: string;
  shape: number[];
}

export interface FileHeader {
  /** 'weights' (a U-Net), 'checkpoint' (training state) or 'classifier' (the quality meter's CNN). */
  kind: 'weights' | 'checkpoint' | 'classifier';
  dtype: StoredDType;
  config: UNetConfig | null;
  tensors: TensorEntry[];
  /** Free-form facts: training step, date, loss history… */
  meta: Record<string, unknown>;
}

export class WeightFileError extends Error {
  override name = 'WeightFileError';
  readonly failureCode: FailureCode = 'model-file';
}

let crcTable: Uint32Array | null = null;
export function crc32(bytes: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const numel = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

export function encodeTensorFile(
  header: Omit<FileHeader, 'tensors'>,
  tensors: { name: string; shape: number[]; data: Float32Array }[],
): Uint8Array {
  const full: FileHeader = { ...header, tensors: tensors.map((t) => ({ name: t.name, shape: [...t.shape] })) };
  for (const t of tensors) {
    if (t.data.length !== numel(t.shape)) throw new WeightFileError(`Tensor "${t.name}" has ${t.data.length} values, shape says ${numel(t.shape)}.`);
  }
  let json = JSON.stringify(full);
  let hb = new TextEncoder().encode(json);
  const padded = Math.ceil(hb.length / 4) * 4;
  if (padded !== hb.length) {
    json += ' '.repeat(padded - hb.length);
    hb = new TextEncoder().encode(json);
  }
  const bytesPer = header.dtype === 'float16' ? 2 : 4;
  const payload = tensors.reduce((n, t) => n + t.data.length * bytesPer, 0);
  const total = 12 + hb.length + payload + 4;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  dv.setUint32(4, FORMAT_VERSION, true);
  dv.setUint32(8, hb.length, true);
  out.set(hb, 12);
  let off = 12 + hb.length;
  for (const t of tensors) {
    if (header.dtype === 'float16') {
      const h = encodeHalf(t.data);
      for (let i = 0; i < h.length; i++) dv.setUint16(off + 2 * i, h[i], true);
      off += 2 * h.length;
    } else {
      for (let i = 0; i < t.data.length; i++) dv.setFloat32(off + 4 * i, t.data[i], true);
      off += 4 * t.data.length;
    }
  }
  dv.setUint32(off, crc32(out.subarray(0, off)), true);
  return out;
}

export interface DecodedFile {
  header: FileHeader;
  tensors: Map<string, Float32Array>;
}

export function decodeTensorFile(bytes: Uint8Array, what = 'file'): DecodedFile {
  if (bytes.length < 16) throw new WeightFileError(`${what} is too short (${bytes.length} bytes) to be a weight file.`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new WeightFileError(`${what} is not a weight file (magic "${magic.replace(/[^\x20-\x7e]/g, '?')}", expected "${MAGIC}").`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new WeightFileError(`${what} has format version ${version}; this code reads version ${FORMAT_VERSION}.`);
  const hlen = dv.getUint32(8, true);
  if (12 + hlen + 4 > bytes.length) throw new WeightFileError(`${what} is truncated (header says ${hlen} bytes, file has ${bytes.length}).`);
  let header: FileHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + hlen)));
  } catch {
    throw new WeightFileError(`${what} has a corrupt header.`);
  }
  if (!header || !Array.isArray(header.tensors) || (header.dtype !== 'float16' && header.dtype !== 'float32')) {
    throw new WeightFileError(`${what} has a malformed header.`);
  }
  const bytesPer = header.dtype === 'float16' ? 2 : 4;
  const payload = header.tensors.reduce((n, t) => n + numel(t.shape) * bytesPer, 0);
  const expected = 12 + hlen + payload + 4;
  if (bytes.length < expected) throw new WeightFileError(`${what} is truncated: ${bytes.length} bytes, expected ${expected}.`);
  if (bytes.length > expected) throw new WeightFileError(`${what} has ${bytes.length - expected} unexpected trailing bytes.`);
  const stored = dv.getUint32(expected - 4, true);
  const actual = crc32(bytes.subarray(0, expected - 4));
  if (stored !== actual) throw new WeightFileError(`${what} is corrupt: checksum mismatch (stored ${stored.toString(16)}, computed ${actual.toString(16)}).`);
  const tensors = new Map<string, Float32Array>();
  let off = 12 + hlen;
  for (const t of header.tensors) {
    const n = numel(t.shape);
    let data: Float32Array;
    if (header.dtype === 'float16') {
      const h = new Uint16Array(n);
      for (let i = 0; i < n; i++) h[i] = dv.getUint16(off + 2 * i, true);
      data = decodeHalf(h);
    } else {
      data = new Float32Array(n);
      for (let i = 0; i < n; i++) data[i] = dv.getFloat32(off + 4 * i, true);
    }
    off += n * bytesPer;
    tensors.set(t.name, data);
  }
  return { header, tensors };
}

export interface SavedModel {
  config: UNetConfig;
  weights: Map<string, Float32Array>;
  meta: Record<string, unknown>;
}

/** Serialises U-Net weights (given as typed arrays, in spec order) with their config. */
export function saveWeights(config: UNetConfig, weights: Map<string, Float32Array>, opts: { dtype?: StoredDType; meta?: Record<string, unknown> } = {}): Uint8Array {
  validateConfig(config);
  const { specs } = describeUNet(config);
  const tensors = specs.map((s) => {
    const data = weights.get(s.name);
    if (!data) throw new WeightFileError(`Missing weight "${s.name}".`);
    return { name: s.name, shape: s.shape, data };
  });
  return encodeTensorFile({ kind: 'weights', dtype: opts.dtype ?? 'float16', config, meta: opts.meta ?? {} }, tensors);
}

/**
 * Reads a U-Net weight file and checks it against the architecture its own
 * config implies (and, when given, against an expected config).
 */
export function loadWeights(bytes: Uint8Array, opts: { expectConfig?: UNetConfig; what?: string } = {}): SavedModel {
  const what = opts.what ?? 'weight file';
  const { header, tensors } = decodeTensorFile(bytes, what);
  if (header.kind !== 'weights') throw new WeightFileError(`${what} holds a ${header.kind}, not model weights.`);
  if (!header.config) throw new WeightFileError(`${what} has no model config.`);
  try {
    validateConfig(header.config);
  } catch (e) {
    throw new WeightFileError(`${what}: ${(e as Error).message}`);
  }
  if (opts.expectConfig && JSON.stringify(sortKeys(opts.expectConfig)) !== JSON.stringify(sortKeys(header.config))) {
    throw new WeightFileError(`${what} was made for a different model config.`);
  }
  const { specs } = describeUNet(header.config);
  const names = new Set(header.tensors.map((t) => t.name));
  for (const s of specs) {
    const entry = header.tensors.find((t) => t.name === s.name);
    if (!entry) throw new WeightFileError(`${what} lacks weight "${s.name}".`);
    if (entry.shape.join('x') !== s.shape.join('x')) throw new WeightFileError(`${what}: "${s.name}" has shape [${entry.shape}], the config needs [${s.shape}].`);
    names.delete(s.name);
  }
  if (names.size) throw new WeightFileError(`${what} has weights the config does not know: ${[...names].slice(0, 5).join(', ')}.`);
  return { config: header.config, weights: tensors, meta: header.meta ?? {} };
}

function sortKeys(o: object): object {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The weights to sample a model with, from either kind of file a reader may
 * have: a weight file, or a training checkpoint such as the one lesson 4's
 * lab exports (its EMA weights, the ones the lab samples with, and what its
 * settings say of the data set, the classes and the schedule).
 */
export function readModelBytes(bytes: Uint8Array, what = 'model file'): SavedModel {
  const { header, tensors } = decodeTensorFile(bytes, what);
  if (header.kind !== 'checkpoint') return loadWeights(bytes, { what });
  if (!header.config) throw new WeightFileError(`${what} has no model config.`);
  try {
    validateConfig(header.config);
  } catch (e) {
    throw new WeightFileError(`${what}: ${(e as Error).message}`);
  }
  const weights = new Map<string, Float32Array>();
  for (const s of describeUNet(header.config).specs) {
    const v = tensors.get(`ema/${s.name}`);
    if (!v) throw new WeightFileError(`${what} lacks ema "${s.name}".`);
    weights.set(s.name, v);
  }
  const meta = (header.meta ?? {}) as Record<string, unknown>;
  const settings = (meta.settings ?? {}) as Record<string, unknown>;
  return { config: header.config, weights, meta: { step: meta.step, dataset: settings.dataset, classes: settings.classes, schedule: settings.schedule } };
}
