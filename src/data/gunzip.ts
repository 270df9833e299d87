/**
 * gzip handling that works the same in the browser and in Node ≥ 18, both of
 * which have DecompressionStream. One code path, no node:zlib.
 *
 * Servers (Vite's dev/preview, many static hosts) send `.gz` files with
 * `Content-Encoding: gzip`, so fetch() may already have unzipped them: we only
 * decompress when the bytes start with the gzip magic 1f 8b.
 */
import type { FailureCode } from '../failures/failure-codes';

export class GzipError extends Error {
  override name = 'GzipError';
  readonly failureCode: FailureCode = 'corrupt-data';
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompress if gzipped, otherwise return `bytes` unchanged. `name` labels errors. */
export async function maybeGunzip(bytes: Uint8Array, name = 'data'): Promise<Uint8Array> {
  return isGzip(bytes) ? gunzip(bytes, name) : bytes;
}

/** Decompress gzip bytes. A corrupt or truncated stream throws GzipError naming `name`. */
export async function gunzip(bytes: Uint8Array, name = 'data'): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new GzipError(`Cannot decompress ${name}: this environment has no DecompressionStream`);
  }
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  // Errors surface on the readable side; swallow the writer's copies.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GzipError(`Could not decompress ${name}: the gzip data is corrupt or truncated (${why})`);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
