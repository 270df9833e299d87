import { describe, expect, it } from 'vitest';
import type { TensorInfo } from '@tensorflow/tfjs';
import { convFloor, convFlops, kernelFlops } from '../../../bench/kernel-profile';

const t = (...shape: number[]) => ({ shape, dataId: {}, dtype: 'float32' }) as unknown as TensorInfo;

describe('convolution FLOPs', () => {
  it('a 3×3 conv, 24 → 24 channels, on 64 images of 28×28: 2 · 64·28·28·24 outputs · 9·24 taps', () => {
    expect(convFlops([64, 28, 28, 24], [3, 3, 24, 24])).toBe(520_224_768);
  });

  it('the forward pass, the input gradient and the filter gradient of one layer count the same', () => {
    for (const [x, f, y, attrs] of [
      [[64, 28, 28, 24], [3, 3, 24, 48], [64, 28, 28, 48], {}],
      [[2, 28, 28, 4], [3, 3, 4, 8], [2, 14, 14, 8], { strides: 2 }], // stride 2: fewer outputs, each the same taps
      [[8, 7, 7, 64], [1, 1, 64, 48], [8, 7, 7, 48], {}],
    ] as [number[], number[], number[], Record<string, unknown>][]) {
      const forward = kernelFlops('Conv2D', { x: t(...x), filter: t(...f) }, attrs, t(...y));
      expect(forward).toBe(convFlops(y, f));
      expect(kernelFlops('FusedConv2D', { x: t(...x), filter: t(...f) }, attrs, t(...y))).toBe(forward);
      expect(kernelFlops('Conv2DBackpropInput', { dy: t(...y), filter: t(...f) }, { ...attrs, inputShape: x }, t(...x))).toBe(forward);
      expect(kernelFlops('Conv2DBackpropFilter', { x: t(...x), dy: t(...y) }, { ...attrs, filterShape: f }, t(...f))).toBe(forward);
      expect(kernelFlops('DDConv2DFilterBiasGrad', { x: t(...x), dy: t(...y) }, { ...attrs, filterShape: f }, t(...f))).toBe(forward);
    }
    expect(kernelFlops('Add', { a: t(2, 2), b: t(2, 2) }, {}, t(2, 2))).toBe(0);
  });
});

describe('the floor with gradient convolutions at the forward rate', () => {
  it('replaces the gradients measured time by their FLOPs at the forward rate, the rest unchanged', () => {
    const rows = [
      { name: 'Conv2D', ms: 100, calls: 4, flops: 1e9 },
      { name: 'DDConv2DFilterBiasGrad', ms: 300, calls: 4, flops: 1e9 },
      { name: 'Conv2DBackpropInput', ms: 120, calls: 4, flops: 1e9 },
      { name: 'BatchMatMul', ms: 80, calls: 9, flops: 0 },
    ];
    const f = convFloor(700, rows);
    expect(f.forwardRate).toBe(1e7);
    expect(f.convFloorMs).toBeCloseTo(700 - 300 - 120 + 100 + 100, 9);
  });
});
