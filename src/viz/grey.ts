/**
 * Pixels in [−1, 1] (the model's scale) to RGBA bytes for a canvas. Values
 * outside the range are clipped, as any display must; the maths keeps them.
 */
export function signedToRgba(x: ArrayLike<number>, out: Uint8ClampedArray, lo = -1, hi = 1): Uint8ClampedArray {
  const n = x.length;
  if (out.length < n * 4) throw new RangeError(`RGBA buffer holds ${out.length / 4} pixels, need ${n}`);
  const scale = 255 / (hi - lo);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = (x[i] - lo) * scale; // Uint8ClampedArray clamps and rounds
    out[j] = out[j + 1] = out[j + 2] = v;
    out[j + 3] = 255;
  }
  return out;
}
