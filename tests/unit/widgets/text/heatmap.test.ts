import { describe, expect, it } from 'vitest';
import { colourLut, lutGradient, overlayRgba, VIRIDIS } from '../../../../src/widgets/text/heatmap';

describe('viridis overlay', () => {
  it('the lut runs from viridis dark purple to yellow, getting lighter all the way', () => {
    expect(Array.from(VIRIDIS.subarray(0, 3))).toEqual([68, 1, 84]);
    expect(Array.from(VIRIDIS.subarray(765, 768))).toEqual([253, 231, 37]);
    // perceptual ordering survives greyscale: luma rises monotonically
    let last = -1;
    for (let i = 0; i < 256; i += 5) {
      const y = 0.2126 * VIRIDIS[i * 3] + 0.7152 * VIRIDIS[i * 3 + 1] + 0.0722 * VIRIDIS[i * 3 + 2];
      expect(y).toBeGreaterThan(last);
      last = y;
    }
  });
  it('colour alone when there is no image; vmax maps to the top, 0 to the bottom, above vmax clips', () => {
    const out = overlayRgba(null, [0, 0.5, 1, 3], new Uint8ClampedArray(16), { vmax: 1, opacity: 0.3 });
    expect(Array.from(out.subarray(0, 4))).toEqual([68, 1, 84, 255]);
    expect(Array.from(out.subarray(8, 11))).toEqual([253, 231, 37]);
    expect(Array.from(out.subarray(12, 15))).toEqual([253, 231, 37]);
  });
  it('mixes at the given opacity over the grey image', () => {
    const lut = colourLut(() => 'rgb(200, 100, 0)');
    const out = overlayRgba([1, -1], [0.2, 0.2], new Uint8ClampedArray(8), { vmax: 1, opacity: 0.5, lut });
    expect(Array.from(out)).toEqual([228, 178, 128, 255, 100, 50, 0, 255]);
    const grey = overlayRgba([0], null, new Uint8ClampedArray(4), { vmax: 1, opacity: 0.5 });
    expect(Array.from(grey)).toEqual([128, 128, 128, 255]);
  });
  it('legend gradient has its stops in order', () => {
    const g = lutGradient(VIRIDIS, 3);
    expect(g).toBe('linear-gradient(to right, rgb(68 1 84) 0.0%, rgb(33 145 140) 50.0%, rgb(253 231 37) 100.0%)');
  });
});
