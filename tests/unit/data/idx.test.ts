import { describe, expect, it } from 'vitest';
import { encodeIdx, IdxError, parseIdx } from '../../../src/data/idx';

describe('parseIdx', () => {
  const data = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i);
  const file = encodeIdx([2, 3, 4], data);

  it('reads dims and data (a view, no copy)', () => {
    const r = parseIdx(file);
    expect(r.dims).toEqual([2, 3, 4]);
    expect(Array.from(r.data)).toEqual(Array.from(data));
    expect(r.data.buffer).toBe(file.buffer);
    expect(file.length).toBe(4 + 3 * 4 + 24);
  });

  it('works on a view at an offset into a bigger buffer', () => {
    const big = new Uint8Array(file.length + 7);
    big.set(file, 5);
    const r = parseIdx(big.subarray(5, 5 + file.length));
    expect(r.dims).toEqual([2, 3, 4]);
    expect(r.data[23]).toBe(23);
  });

  it('throws a clear IdxError for a truncated file', () => {
    const f = () => parseIdx(file.subarray(0, file.length - 4), 'x.idx3');
    expect(f).toThrow(IdxError);
    expect(f).toThrow('IDX file truncated: x.idx3 header says 2×3×4 = 24 bytes, found 20');
  });

  it('names the real sizes, as for MNIST train', () => {
    const header = encodeIdx([60000, 28, 28], new Uint8Array(60000 * 784)).subarray(0, 16 + 1200);
    expect(() => parseIdx(header)).toThrow('header says 60000×28×28 = 47040000 bytes, found 1200');
  });

  it('throws for an over-long file', () => {
    const long = new Uint8Array(file.length + 1);
    long.set(file);
    expect(() => parseIdx(long)).toThrow('IDX file too long: IDX file header says 2×3×4 = 24 bytes, found 25');
  });

  it('throws for a truncated header', () => {
    expect(() => parseIdx(file.subarray(0, 10))).toThrow(/truncated: .* declares 3 dimensions \(a 16-byte header\)/);
    expect(() => parseIdx(new Uint8Array([0, 0]))).toThrow('too short for a header');
  });

  it('throws for a wrong magic number, and says so if the file is gzipped', () => {
    const bad = file.slice();
    bad[0] = 0x12;
    expect(() => parseIdx(bad, 'f')).toThrow('f is not an IDX file: magic number starts 12 00 08 03');
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
    expect(() => parseIdx(gz)).toThrow(/looks gzipped/);
  });

  it('refuses other value types by name', () => {
    const f32 = file.slice();
    f32[2] = 0x0d;
    expect(() => parseIdx(f32)).toThrow('holds float (float32) values; only unsigned byte (0x08) IDX files are supported');
    const odd = file.slice();
    odd[2] = 0x42;
    expect(() => parseIdx(odd)).toThrow('unknown type 0x42');
  });

  it('refuses zero dimensions', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 0]))).toThrow('0 dimensions');
  });
});
