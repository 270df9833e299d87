/**
 * A density histogram with fixed bins, and the SVG path of its bars, for a
 * plot whose axes are drawn once (Observable Plot) while the bars change 60
 * times a second. Pure functions over typed arrays.
 */

export interface Bins {
  /** Left edge of the first bin. */
  lo: number;
  /** Width of every bin. */
  width: number;
  /** Number of bins. */
  count: number;
}

/**
 * Bins centred on round values: `count` bins of `width`, symmetric about 0
 * (with an odd count, 0 and ±1 sit in bin centres, never on an edge).
 */
export function symmetricBins(halfRange: number, width: number): Bins {
  const count = 2 * Math.ceil(halfRange / width - 0.5) + 1;
  return { lo: -(count * width) / 2, width, count };
}

/**
 * Density of `x` in each bin: count / (n · width), so the bars integrate to the
 * fraction of values inside the range. Values outside are counted in `outside`.
 */
export function densityHistogram(
  x: ArrayLike<number>,
  bins: Bins,
  out?: Float64Array,
): { density: Float64Array; outside: number } {
  const density = out ?? new Float64Array(bins.count);
  density.fill(0);
  let outside = 0;
  const inv = 1 / bins.width;
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor((x[i] - bins.lo) * inv);
    if (b >= 0 && b < bins.count) density[b]++;
    else outside++;
  }
  const norm = x.length ? 1 / (x.length * bins.width) : 0;
  for (let b = 0; b < bins.count; b++) density[b] *= norm;
  return { density, outside };
}

/** The standard normal density φ(v). */
export function normalPdf(v: number): number {
  return Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI);
}

/** Points of φ on [lo, hi], for a line mark. */
export function normalCurve(lo: number, hi: number, n = 161): { x: number; y: number }[] {
  return Array.from({ length: n }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (n - 1);
    return { x, y: normalPdf(x) };
  });
}

type Scale = (v: number) => number;

/**
 * SVG path of the bars (one closed rectangle per non-empty bin) in pixel
 * space, heights clipped at yMax. Returns the path and whether any bar was clipped.
 */
export function barsPath(density: ArrayLike<number>, bins: Bins, x: Scale, y: Scale, yMax: number): { d: string; clipped: boolean } {
  let d = '';
  let clipped = false;
  const y0 = y(0);
  for (let b = 0; b < density.length; b++) {
    let v = density[b];
    if (!(v > 0)) continue;
    if (v > yMax) {
      v = yMax;
      clipped = true;
    }
    const xa = x(bins.lo + b * bins.width).toFixed(1);
    const xb = x(bins.lo + (b + 1) * bins.width).toFixed(1);
    const yt = y(v).toFixed(1);
    d += `M${xa},${y0.toFixed(1)}V${yt}H${xb}V${y0.toFixed(1)}Z`;
  }
  return { d, clipped };
}

/** SVG path of the histogram's outline as a step line (for overlaying a second histogram). */
export function stepPath(density: ArrayLike<number>, bins: Bins, x: Scale, y: Scale, yMax: number): string {
  const y0 = y(0).toFixed(1);
  let d = `M${x(bins.lo).toFixed(1)},${y0}`;
  for (let b = 0; b < density.length; b++) {
    const v = Math.min(yMax, density[b]);
    d += `V${y(v).toFixed(1)}H${x(bins.lo + (b + 1) * bins.width).toFixed(1)}`;
  }
  return `${d}V${y0}`;
}
