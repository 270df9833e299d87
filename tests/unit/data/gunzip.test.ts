import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzip, GzipError, isGzip, maybeGunzip } from '../../../src/data/gunzip';
import { sameBytes } from './same-bytes';

const raw = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);
const gz = new Uint8Array(gzipSync(raw));

describe('gunzip', () => {
  it('round-trips, in many output chunks', async () => {
    expect(isGzip(gz)).toBe(true);
    expect(sameBytes(await gunzip(gz), raw)).toBe(true);
  });

  it('passes through bytes that are not gzipped (already unzipped by the server)', async () => {
    expect(isGzip(raw)).toBe(false);
    expect(await maybeGunzip(raw)).toBe(raw);
    expect(sameBytes(await maybeGunzip(gz), raw)).toBe(true);
    expect(await maybeGunzip(new Uint8Array(0))).toHaveLength(0);
  });

  it('a truncated stream throws a GzipError naming the file', async () => {
    const p = gunzip(gz.subarray(0, gz.length >> 1), 'mnist-train-images.idx3.gz');
    await expect(p).rejects.toThrow(GzipError);
    await expect(gunzip(gz.subarray(0, gz.length >> 1), 'mnist-train-images.idx3.gz')).rejects.toThrow(
      /^Could not decompress mnist-train-images\.idx3\.gz: the gzip data is corrupt or truncated/,
    );
  });

  it('a corrupted stream throws a GzipError naming the file', async () => {
    const bad = gz.slice();
    for (let i = 20; i < 60; i++) bad[i] ^= 0xa5;
    await expect(maybeGunzip(bad, 'labels.gz')).rejects.toThrow(/Could not decompress labels\.gz: the gzip data is corrupt/);
    const crc = gz.slice();
    crc[crc.length - 6] ^= 1; // CRC-32 trailer
    await expect(gunzip(crc, 'c.gz')).rejects.toThrow(/Could not decompress c\.gz/);
  });
});
