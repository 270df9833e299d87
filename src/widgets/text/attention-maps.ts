/**
 * The arithmetic behind lesson 6's heatmaps, on plain typed arrays.
 *
 * A block's cross-attention map (src/model/text-eps.ts) is n × size² × L:
 * for every image and pixel of that block's grid, a distribution over the L
 * token positions (already averaged over heads). The figure wants, for ONE
 * image, maps at the image's own resolution S, per block or averaged over
 * blocks, per step or averaged over steps, with the [PAD] positions grouped
 * into one "token" so the shown shares still sum to 1 at every pixel.
 */
import { m } from '../../i18n/messages';
import { cellMassShares } from '../../eval/scene-meter';

export interface BlockMap {
  block: string;
  /** The block's grid is size × size. */
  size: number;
  /** n × size² × L, row-major. */
  maps: Float32Array;
}

/** Everything below is a map [P × G]: P pixels (row-major), G tokens or token groups. */
export type Map2 = Float32Array;

/** Image `image`'s map [size² × L] out of a batch map (a view, not a copy). */
export function imageSlice(m: BlockMap, image: number, L: number): Map2 {
  const P = m.size * m.size;
  if (m.maps.length % (P * L) !== 0) throw new RangeError(`${m.block}: ${m.maps.length} values are not whole ${m.size}²×${L} maps`);
  const n = m.maps.length / (P * L);
  if (!Number.isInteger(image) || image < 0 || image >= n) throw new RangeError(`image ${image} out of 0..${n - 1}`);
  return m.maps.subarray(image * P * L, (image + 1) * P * L);
}

/**
 * Nearest-neighbour upsampling of a [s² × L] map to [S² × L]: a pixel of the
 * image reads the block cell it lies in. Nearest, not bilinear, so the figure
 * shows the 8×8 blocks' real coarseness.
 */
export function upsampleNearest(map: Map2, s: number, S: number, L: number): Map2 {
  if (map.length !== s * s * L) throw new RangeError(`map has ${map.length} values, not ${s}²×${L}`);
  if (S % s !== 0) throw new RangeError(`cannot upsample ${s}×${s} to ${S}×${S}: not a whole factor`);
  if (s === S) return map;
  const f = S / s;
  const out = new Float32Array(S * S * L);
  for (let r = 0; r < S; r++) {
    const sr = Math.floor(r / f);
    for (let c = 0; c < S; c++) {
      const src = (sr * s + Math.floor(c / f)) * L;
      out.set(map.subarray(src, src + L), (r * S + c) * L);
    }
  }
  return out;
}

/** sum += m, element-wise (the running sum of a mean). */
export function addInto(sum: Map2, m: Map2): void {
  if (m.length !== sum.length) throw new RangeError('maps of different sizes cannot be averaged');
  for (let i = 0; i < sum.length; i++) sum[i] += m[i];
}

/** A new map, m · k. */
export function scaled(m: Map2, k: number): Map2 {
  const out = new Float32Array(m.length);
  for (let i = 0; i < m.length; i++) out[i] = m[i] * k;
  return out;
}

/** Element-wise mean of equally long maps. */
export function meanMaps(list: readonly Map2[]): Map2 {
  if (list.length === 0) throw new RangeError('nothing to average');
  const sum = new Float32Array(list[0].length);
  for (const m of list) addInto(sum, m);
  return scaled(sum, 1 / list.length);
}

/**
 * The mean of a list of maps that grows at its end (a run's steps, as they
 * arrive), kept as a running sum: each call adds only the maps new since the
 * last, so the work per arriving step stays the same however many came
 * before. The same float sums, in the same order, as meanMaps over the list.
 */
export class RunningMean {
  private key: readonly unknown[] = [];
  private n = 0;
  private sum: Map2 | null = null;

  /** The mean of at(0) … at(count − 1). A different `key` (a new run, another block) starts over. */
  of(key: readonly unknown[], count: number, at: (i: number) => Map2): Map2 {
    if (count < 1) throw new RangeError('nothing to average');
    const same = key.length === this.key.length && key.every((k, i) => k === this.key[i]);
    if (!same || !this.sum || this.n > count) {
      this.key = key;
      this.n = 0;
      this.sum = new Float32Array(at(0).length);
    }
    for (; this.n < count; this.n++) addInto(this.sum, at(this.n));
    return scaled(this.sum, 1 / count);
  }
}

/** The block choice meaning "mean of every cross-attention block". */
export const ALL_BLOCKS = 'all';

/**
 * One step's map for one image at image resolution S: the chosen block,
 * upsampled, or (ALL_BLOCKS) the mean of every block, each upsampled first,
 * so a 16×16 block and an 8×8 one weigh the same.
 */
export function stepMap(cross: readonly BlockMap[], block: string, image: number, L: number, S: number): Map2 {
  const chosen = block === ALL_BLOCKS ? cross : cross.filter((m) => m.block === block);
  if (chosen.length === 0) throw new RangeError(`no cross-attention block "${block}" in this step`);
  return meanMaps(chosen.map((m) => upsampleNearest(imageSlice(m, image, L), m.size, S, L)));
}

/**
 * Sums token positions into groups: [P × L] → [P × groups.length]. The
 * figure keeps each prompt token on its own and sums the [PAD] positions
 * into one group, so every pixel's shares still sum to 1.
 */
export function groupPositions(map: Map2, L: number, groups: readonly (readonly number[])[]): Map2 {
  if (map.length % L !== 0) throw new RangeError(`map of ${map.length} values is not whole rows of ${L}`);
  const P = map.length / L;
  const G = groups.length;
  const out = new Float32Array(P * G);
  for (let p = 0; p < P; p++) {
    for (let g = 0; g < G; g++) {
      let s = 0;
      for (const k of groups[g]) s += map[p * L + k];
      out[p * G + g] = s;
    }
  }
  return out;
}

/**
 * The figure's token groups for a prompt of `kept` tokens out of L positions:
 * [[0], [1], …, [kept−1], [kept … L−1]] (the last only when there is padding).
 */
export function promptGroups(kept: number, L: number): number[][] {
  const k = Math.max(0, Math.min(L, Math.floor(kept)));
  const groups: number[][] = [];
  for (let i = 0; i < k; i++) groups.push([i]);
  if (k < L) groups.push(Array.from({ length: L - k }, (_, j) => k + j));
  return groups;
}

/** Token g's plane [P] of a [P × G] map: the heatmap one chip shows. */
export function tokenPlane(map: Map2, G: number, g: number): Float32Array {
  const P = map.length / G;
  const out = new Float32Array(P);
  for (let p = 0; p < P; p++) out[p] = map[p * G + g];
  return out;
}

/** What pixel p attends to: its G shares (a view). */
export function pixelShares(map: Map2, G: number, p: number): Float32Array {
  return map.subarray(p * G, (p + 1) * G);
}

/**
 * For every token, the share of its attention mass (summed over pixels) that
 * lies in each quadrant cell: G × 4, each row summing to 1. This is the
 * eval's "attention localisation" per cell, computed by the eval's own
 * function, so the figure and the meter cannot disagree (a token no pixel
 * reads gets 0.25 in each cell there: chance, not 0).
 */
export function cellShares(map: Map2, S: number, G: number): Float64Array {
  if (map.length !== S * S * G) throw new RangeError(`map has ${map.length} values, not ${S}²×${G}`);
  return cellMassShares(map, 1, S, G);
}

/** Mean share of each token over all pixels ([G]; sums to 1 when each pixel's shares do). */
export function meanShares(map: Map2, G: number): Float64Array {
  const P = map.length / G;
  const out = new Float64Array(G);
  for (let p = 0; p < P; p++) for (let g = 0; g < G; g++) out[g] += map[p * G + g];
  for (let g = 0; g < G; g++) out[g] /= P;
  return out;
}

/** Largest value of some tokens' planes (the legend's top), at least `floor` so an empty map does not divide by 0. */
export function maxOver(map: Map2, G: number, tokens: readonly number[], floor = 1e-6): number {
  let m = floor;
  const P = map.length / G;
  for (let p = 0; p < P; p++) for (const g of tokens) m = Math.max(m, map[p * G + g]);
  return m;
}

/**
 * The one name of an attention block, shown by lesson 6's explorer and its
 * grounding chart alike: where it sits and the resolution it runs at,
 * "down1.attn0" at 16×16 → "encoder, 16×16".
 */
export function blockLabel(block: string, size: number): string {
  const where = block.startsWith('down') ? m.xa_encoder() : block.startsWith('up') ? m.xa_decoder() : block.startsWith('mid') ? m.xa_middle() : block;
  return `${where}, ${size}×${size}`;
}
