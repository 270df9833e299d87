/**
 * A soft round brush on a small grey canvas (28×28 in [0, 1], 0 = black,
 * 1 = white ink), for the drawing pad. Coordinates are in pixels of that grid,
 * continuous: (0.5, 0.5) is the centre of the top-left pixel.
 */

export interface BrushOptions {
  /** Radius in grid pixels at which the ink falls to zero (default 2). */
  radius?: number;
  /** Ink laid at the centre per dab, 0..1 (default 1). */
  strength?: number;
}

/**
 * One dab: each pixel takes max(its value, strength · falloff(distance)), with
 * a smooth falloff (1 − (d/r)²)², so strokes stay soft-edged like MNIST's
 * anti-aliased pen and overlapping dabs never exceed 1. Returns whether any
 * pixel changed.
 */
export function dab(buf: Float32Array, size: number, cx: number, cy: number, opts: BrushOptions = {}): boolean {
  const r = opts.radius ?? 2;
  const strength = opts.strength ?? 1;
  const r2 = r * r;
  let changed = false;
  const i0 = Math.max(0, Math.floor(cy - r));
  const i1 = Math.min(size - 1, Math.ceil(cy + r));
  const j0 = Math.max(0, Math.floor(cx - r));
  const j1 = Math.min(size - 1, Math.ceil(cx + r));
  for (let i = i0; i <= i1; i++) {
    const dy = i + 0.5 - cy;
    for (let j = j0; j <= j1; j++) {
      const dx = j + 0.5 - cx;
      const d2 = dx * dx + dy * dy;
      if (d2 >= r2) continue;
      const f = 1 - d2 / r2;
      const v = strength * f * f;
      const k = i * size + j;
      if (v > buf[k]) {
        buf[k] = v;
        changed = true;
      }
    }
  }
  return changed;
}

/** Dabs along the segment from (x0, y0) to (x1, y1), spaced a quarter pixel apart. */
export function stroke(
  buf: Float32Array,
  size: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  opts: BrushOptions = {},
): boolean {
  const len = Math.hypot(x1 - x0, y1 - y0);
  const n = Math.max(1, Math.ceil(len / 0.25));
  let changed = false;
  for (let s = 0; s <= n; s++) {
    const u = s / n;
    if (dab(buf, size, x0 + (x1 - x0) * u, y0 + (y1 - y0) * u, opts)) changed = true;
  }
  return changed;
}

/** Ink in [0, 1] → the models' scale [−1, 1]. */
export function inkToSigned(buf: ArrayLike<number>, out?: Float32Array): Float32Array {
  const o = out ?? new Float32Array(buf.length);
  for (let i = 0; i < buf.length; i++) o[i] = 2 * buf[i] - 1;
  return o;
}

/** Whether anything has been drawn. */
export function hasInk(buf: ArrayLike<number>): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i] > 0) return true;
  return false;
}
