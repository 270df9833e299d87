/**
 * IDX files (the format MNIST ships in, yann.lecun.com/exdb/mnist):
 *   magic  = 0x00 0x00 <type> <ndim>     type 0x08 = unsigned byte
 *   dims   = ndim big-endian uint32
 *   data   = product(dims) values, row-major
 * Only unsigned bytes are needed here; other types are refused by name.
 */
import type { FailureCode } from '../failures/failure-codes';

export class IdxError extends Error {
  override name = 'IdxError';
  readonly failureCode: FailureCode = 'corrupt-data';
}

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

const TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'short (int16)',
  0x0c: 'int (int32)',
  0x0d: 'float (float32)',
  0x0e: 'double (float64)',
};

/**
 * Parse an uncompressed IDX file of unsigned bytes. `data` is a view into
 * `bytes` (no copy). Throws IdxError if the header or the length is wrong.
 * `name` only labels error messages.
 */
export function parseIdx(bytes: Uint8Array, name = 'IDX file'): IdxArray {
  if (bytes.length < 4) {
    throw new IdxError(`${name} is not an IDX file: only ${bytes.length} bytes, too short for a header`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const hex = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    const hint = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (it looks gzipped: decompress it first)' : '';
    throw new IdxError(`${name} is not an IDX file: magic number starts ${hex}, expected 00 00 08 <ndim>${hint}`);
  }
  const type = bytes[2];
  if (type !== 0x08) {
    const what = TYPE_NAMES[type] ?? `unknown type 0x${type.toString(16).padStart(2, '0')}`;
    throw new IdxError(`${name} holds ${what} values; only unsigned byte (0x08) IDX files are supported`);
  }
  const ndim = bytes[3];
  if (ndim < 1) throw new IdxError(`${name} has 0 dimensions in its header`);
  const header = 4 + 4 * ndim;
  if (bytes.length < header) {
    throw new IdxError(
      `IDX file truncated: ${name} declares ${ndim} dimensions (a ${header}-byte header) but is only ${bytes.length} bytes long`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < ndim; i++) dims.push(view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  const found = bytes.length - header;
  if (found !== size) {
    const what = found < size ? 'truncated' : 'too long';
    throw new IdxError(
      `IDX file ${what}: ${name} header says ${dims.join('×')} = ${size} bytes, found ${found}`,
    );
  }
  return { dims, data: bytes.subarray(header) };
}

/** Build an unsigned-byte IDX file (used by tests and tools). */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new IdxError(`encodeIdx: dims ${dims.join('×')} need ${size} bytes, got ${data.length}`);
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x0800 | dims.length);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(data, header);
  return out;
}
