/**
 * The text-scenes model's quality meter (issue 7's model card), from the
 * digit classifier and the model's own cross-attention:
 *
 *   - digit-in-cell accuracy: of the digits a prompt asks for, the share that
 *     the classifier reads correctly in the asked-for cell;
 *   - empty-cell rate: of the cells a prompt does not name, the share that
 *     stay blank;
 *   - attention localisation: of each digit token's cross-attention mass
 *     (averaged over heads, blocks and steps), the share inside its own
 *     cell. Chance is 25%.
 *
 * A cell is cut out (16×16), scaled up to the classifier's 28×28 (bilinear)
 * and classified like an MNIST digit.
 */
import { CELL_ORIGIN, CELL_SIZE, CELLS, SCENE_SIZE } from '../data/scenes';
import { type Cell, type SceneSpec } from '../data/captions';
import { NUMBER_WORDS, NUMERALS, tokenId } from '../text/vocabulary';

export const CLASSIFIER_SIZE = 28;

/**
 * A cell of a 32×32 uint8 scene as an MNIST-like 28×28 uint8 image: scaled
 * back up by 28/16 (bilinear) and shifted so that its centre of mass sits at
 * the centre, as MNIST's own preprocessing did. Without the shift, a digit
 * jittered 2 px sits 3.5 px off centre and the classifier misreads a third
 * of real scenes.
 */
export function cellTo28(scene: ArrayLike<number>, cell: Cell, out = new Uint8Array(CLASSIFIER_SIZE * CLASSIFIER_SIZE)): Uint8Array {
  const { x: ox, y: oy } = CELL_ORIGIN[cell];
  const scale = CELL_SIZE / CLASSIFIER_SIZE;
  let m = 0, mx = 0, my = 0;
  for (let y = 0; y < CELL_SIZE; y++) {
    for (let x = 0; x < CELL_SIZE; x++) {
      const v = scene[(oy + y) * SCENE_SIZE + ox + x];
      m += v;
      mx += v * x;
      my += v * y;
    }
  }
  // Offset (in cell pixels) from the cell's centre to the ink's centre of mass.
  const dx = m > 0 ? mx / m - (CELL_SIZE - 1) / 2 : 0;
  const dy = m > 0 ? my / m - (CELL_SIZE - 1) / 2 : 0;
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= CELL_SIZE || y >= CELL_SIZE ? 0 : scene[(oy + y) * SCENE_SIZE + ox + x];
  for (let r = 0; r < CLASSIFIER_SIZE; r++) {
    const sy = (r + 0.5) * scale - 0.5 + dy;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let c = 0; c < CLASSIFIER_SIZE; c++) {
      const sx = (c + 0.5) * scale - 0.5 + dx;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      out[r * CLASSIFIER_SIZE + c] = Math.round(v);
    }
  }
  return out;
}

/**
 * A cell is blank when fewer than `minInk` of its pixels are brighter than
 * half scale. Measured on 2,000 real eval scenes: a neighbour's jitter spills
 * at most 4 such pixels into an unnamed cell, while 99% of digits shrunk to
 * 16×16 have 11 or more (the thinnest "1"s have 3). The tests hold it to that.
 */
export function isBlankCell(scene: ArrayLike<number>, cell: Cell, minInk = 5): boolean {
  const { x: ox, y: oy } = CELL_ORIGIN[cell];
  let ink = 0;
  for (let y = 0; y < CELL_SIZE; y++) for (let x = 0; x < CELL_SIZE; x++) if (scene[(oy + y) * SCENE_SIZE + ox + x] > 127) ink++;
  return ink < minInk;
}

const DIGIT_TOKEN_IDS = new Set([...NUMERALS, ...NUMBER_WORDS].map(tokenId));

/** Positions of the digit tokens in a prompt's ids, in order: the k-th is the k-th digit of the spec. */
export function digitTokenPositions(ids: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) if (DIGIT_TOKEN_IDS.has(ids[i])) out.push(i);
  return out;
}

/** Index of the quadrant cell (CELLS order) of pixel (row, col) on a size×size grid. */
export function cellIndexAt(row: number, col: number, size: number): number {
  return (row < size / 2 ? 0 : 2) + (col < size / 2 ? 0 : 1);
}

/**
 * For each image and token, the share of the token's attention mass in each
 * cell. maps: n × size² × L (each pixel's distribution over tokens). Returns
 * n × L × 4 (CELLS order); a token nobody attends to gets 0.25 everywhere.
 */
export function cellMassShares(maps: ArrayLike<number>, n: number, size: number, L: number): Float64Array {
  const out = new Float64Array(n * L * 4);
  const mass = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < L; k++) {
      mass.fill(0);
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) mass[cellIndexAt(r, c, size)] += maps[(i * size * size + r * size + c) * L + k];
      }
      const total = mass[0] + mass[1] + mass[2] + mass[3];
      for (let q = 0; q < 4; q++) out[(i * L + k) * 4 + q] = total > 0 ? mass[q] / total : 0.25;
    }
  }
  return out;
}

export interface SceneScore {
  /** Asked-for digits read correctly in their cell / digits asked for. */
  digitInCell: { correct: number; total: number };
  /** Unnamed cells that stayed blank / unnamed cells. */
  emptyCells: { blank: number; total: number };
  /** Sum and count of digit tokens' own-cell attention shares (when shares were given). */
  localisation: { sum: number; count: number };
}

export function emptyScore(): SceneScore {
  return { digitInCell: { correct: 0, total: 0 }, emptyCells: { blank: 0, total: 0 }, localisation: { sum: 0, count: 0 } };
}

/**
 * Scores one generated scene against its prompt's spec. `predictCell(cell)`
 * is the classifier's reading of that cell; `shares` (L × 4) the attention
 * cell shares of this image's tokens, with `ids` its prompt.
 */
export function scoreScene(
  scene: ArrayLike<number>,
  spec: SceneSpec,
  predictCell: (cell: Cell) => number,
  acc: SceneScore,
  attention?: { ids: ArrayLike<number>; shares: ArrayLike<number> },
): SceneScore {
  const named = new Set(spec.digits.map((d) => d.cell));
  for (const d of spec.digits) {
    acc.digitInCell.total++;
    // A blank cell is a miss: the classifier reads an empty crop as some digit, right 1 time in 10.
    if (!isBlankCell(scene, d.cell) && predictCell(d.cell) === d.label) acc.digitInCell.correct++;
  }
  for (const c of CELLS) {
    if (named.has(c)) continue;
    acc.emptyCells.total++;
    if (isBlankCell(scene, c)) acc.emptyCells.blank++;
  }
  if (attention) addLocalisation(acc.localisation, spec, attention.ids, attention.shares);
  return acc;
}

/** Adds each digit token's own-cell share (shares: L × 4 for this prompt's ids) to a running sum. */
export function addLocalisation(loc: SceneScore['localisation'], spec: SceneSpec, ids: ArrayLike<number>, shares: ArrayLike<number>): void {
  const pos = digitTokenPositions(ids);
  // Only when the prompt's digit tokens match the spec one to one (grammar captions always do).
  if (pos.length !== spec.digits.length) return;
  spec.digits.forEach((d, k) => {
    loc.sum += shares[pos[k] * 4 + CELLS.indexOf(d.cell)];
    loc.count++;
  });
}

export function rates(s: SceneScore): { digitInCell: number; emptyCell: number; localisation: number } {
  const r = (a: number, b: number) => (b > 0 ? a / b : NaN);
  return {
    digitInCell: r(s.digitInCell.correct, s.digitInCell.total),
    emptyCell: r(s.emptyCells.blank, s.emptyCells.total),
    localisation: r(s.localisation.sum, s.localisation.count),
  };
}
