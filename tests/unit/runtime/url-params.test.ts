import { describe, expect, it } from 'vitest';
import { boolParam, enumParam, intParam, numParam, readParams, writeParams } from '../../../src/runtime/url-params';

const spec = {
  t: intParam(250, 0, 1000),
  beta: numParam(0.02, 1e-5, 0.2),
  kind: enumParam('linear', ['linear', 'cosine'] as const),
  z: boolParam(false),
  auto: numParam(NaN, 0, 1),
};

describe('typed URL parameters', () => {
  it('reads defaults from an empty query', () => {
    const v = readParams(spec, '');
    expect(v).toMatchObject({ t: 250, beta: 0.02, kind: 'linear', z: false });
    expect(Number.isNaN(v.auto)).toBe(true);
  });

  it('parses good values and clamps out-of-range numbers', () => {
    expect(readParams(spec, '?t=9999&beta=1e-9&kind=cosine&z=1')).toMatchObject({ t: 1000, beta: 1e-5, kind: 'cosine', z: true });
    expect(readParams(spec, '?t=12.6').t).toBe(13);
  });

  it('falls back to the default on garbage instead of throwing', () => {
    expect(readParams(spec, '?t=abc&beta=&kind=quadratic&z=maybe')).toMatchObject({ t: 250, beta: 0.02, kind: 'linear', z: false });
  });

  it('writes only non-defaults, keeps unrelated keys, and round-trips', () => {
    const v = { ...readParams(spec, ''), t: 10, kind: 'cosine' as const };
    const q = writeParams(spec, v, '?backend=cpu&t=3');
    expect(q).toBe('?backend=cpu&t=10&kind=cosine');
    expect(readParams(spec, q)).toMatchObject({ t: 10, kind: 'cosine', beta: 0.02 });
    expect(writeParams(spec, readParams(spec, ''), '')).toBe('');
  });
});
