/**
 * Heatmap over a grey image: each pixel is the grey image mixed with a
 * colour-map colour at a fixed opacity. The colour map is viridis (d3):
 * perceptually uniform, readable by the common colour-blindnesses, and still
 * ordered in greyscale. A fixed opacity (not one that grows with the value)
 * keeps the colour scale the legend shows.
 */
// 'd3' is the declared dependency; its sub-packages are only transitive.
import { color, interpolateViridis } from 'd3';

/** 256 RGB triples of a colour map, sampled evenly on [0, 1]. */
export function colourLut(interp: (t: number) => string = interpolateViridis): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = color(interp(i / 255))?.rgb();
    lut[i * 3] = c?.r ?? 0;
    lut[i * 3 + 1] = c?.g ?? 0;
    lut[i * 3 + 2] = c?.b ?? 0;
  }
  return lut;
}

export const VIRIDIS = colourLut();

export interface OverlayOptions {
  /** Value mapped to the top of the colour map (the legend's max); 0 maps to the bottom. */
  vmax: number;
  /** Weight of the colour over the image, 0..1. */
  opacity: number;
  lut?: Uint8Array;
}

/**
 * RGBA bytes of `values` (one per pixel) over `image` (grey, in [−1, 1]).
 * Either may be null: no image = colour alone; no values = the grey image.
 */
export function overlayRgba(
  image: ArrayLike<number> | null,
  values: ArrayLike<number> | null,
  out: Uint8ClampedArray,
  { vmax, opacity, lut = VIRIDIS }: OverlayOptions,
): Uint8ClampedArray {
  const n = out.length / 4;
  const a = values ? Math.min(1, Math.max(0, image ? opacity : 1)) : 0;
  const inv = vmax > 0 ? 255 / vmax : 0;
  for (let i = 0; i < n; i++) {
    const g = image ? Math.min(255, Math.max(0, ((image[i] + 1) / 2) * 255)) : 0;
    let r = g;
    let gg = g;
    let b = g;
    if (values) {
      const k = Math.min(255, Math.max(0, Math.round(values[i] * inv))) * 3;
      r = (1 - a) * g + a * lut[k];
      gg = (1 - a) * g + a * lut[k + 1];
      b = (1 - a) * g + a * lut[k + 2];
    }
    const j = i * 4;
    out[j] = r;
    out[j + 1] = gg;
    out[j + 2] = b;
    out[j + 3] = 255;
  }
  return out;
}

/** CSS linear-gradient of a colour map, for the legend bar. */
export function lutGradient(lut: Uint8Array = VIRIDIS, stops = 9): string {
  const parts: string[] = [];
  for (let i = 0; i < stops; i++) {
    const k = Math.round((i / (stops - 1)) * 255) * 3;
    parts.push(`rgb(${lut[k]} ${lut[k + 1]} ${lut[k + 2]}) ${((i / (stops - 1)) * 100).toFixed(1)}%`);
  }
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
