import { describe, expect, it } from 'vitest';
import { unetConfig } from '../../../src/model/config';
import { fromHalf, toHalf } from '../../../src/model/float16';
import { describeUNet } from '../../../src/model/unet';
import { initValues } from '../../../src/model/params';
import { encodeTensorFile, loadWeights, saveWeights, WeightFileError } from '../../../src/model/weight-io';

const cfg = unetConfig('tiny');
const values = initValues(describeUNet(cfg).specs, { seed: 1, zeroFinal: false });

describe('weight files', () => {
  it('float32 round trip is exact, float16 within half precision', () => {
    const f32 = loadWeights(saveWeights(cfg, values, { dtype: 'float32', meta: { step: 5 } }));
    expect(f32.config).toEqual(cfg);
    expect(f32.meta.step).toBe(5);
    for (const [k, v] of values) expect(Array.from(f32.weights.get(k)!)).toEqual(Array.from(v));
    const f16 = loadWeights(saveWeights(cfg, values));
    for (const [k, v] of values) {
      const got = f16.weights.get(k)!;
      for (let i = 0; i < v.length; i++) expect(Math.abs(got[i] - v[i])).toBeLessThanOrEqual(Math.abs(v[i]) * 1e-3 + 1e-7);
    }
  });

  it('rejects truncated, corrupt, foreign and mismatched files with clear errors', () => {
    const bytes = saveWeights(cfg, values);
    expect(() => loadWeights(bytes.subarray(0, bytes.length - 10))).toThrow(/truncated/);
    const flipped = bytes.slice();
    flipped[bytes.length - 100] ^= 0x40;
    expect(() => loadWeights(flipped)).toThrow(/checksum/);
    expect(() => loadWeights(new TextEncoder().encode('<html>not found</html>'))).toThrow(/not a weight file/);
    expect(() => loadWeights(new Uint8Array(3))).toThrow(WeightFileError);
    expect(() => loadWeights(bytes, { expectConfig: unetConfig('mnist-cond') })).toThrow(/different model config/);
    const ckpt = encodeTensorFile({ kind: 'checkpoint', dtype: 'float32', config: cfg, meta: {} }, []);
    expect(() => loadWeights(ckpt)).toThrow(/checkpoint/);
    const missing = encodeTensorFile({ kind: 'weights', dtype: 'float32', config: cfg, meta: {} }, [{ name: 'in.w', shape: [3, 3, 1, 8], data: values.get('in.w')! }]);
    expect(() => loadWeights(missing)).toThrow(/lacks weight/);
  });

  it('float16 conversion: exact values, rounding, extremes', () => {
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -24, -(2 ** -14)]) expect(fromHalf(toHalf(v))).toBe(v);
    expect(fromHalf(toHalf(1 + 2 ** -11))).toBe(1); // ties to even
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
    expect(Number.isNaN(fromHalf(toHalf(NaN)))).toBe(true);
    expect(fromHalf(toHalf(0.1))).toBeCloseTo(0.1, 3);
  });
});
