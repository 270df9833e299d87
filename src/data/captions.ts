/**
 * The caption grammar of the scenes, both ways: spec → caption (varied or
 * canonical) and caption → spec (parseCaption).
 *
 *   caption  := ""                                  (no digits: unconditional)
 *             | phrase [conj phrase]
 *   phrase   := [article] number [location] row column ["corner"]
 *   article  := "a" | "an"                          ("an" before eight / 8)
 *   number   := "0".."9" | "zero".."nine"
 *   location := "in the"
 *   row      := "top" | "upper" | "bottom" | "lower"
 *   column   := "left" | "right"
 *   conj     := "and" | ","
 *
 * e.g. "3 top left", "a seven in the bottom right and a 2 top right",
 * "three top left, eight lower right corner". Every word comes from
 * vocabulary.ts; the longest caption is 15 tokens, under MAX_TOKENS.
 *
 * Canonical form: numerals, "top"/"bottom", "and", digits in cell reading
 * order (tl, tr, bl, br): "7 top right and 2 bottom left". One string per
 * scene, so it can key tables and label figures.
 */
import type { Rng } from '../diffusion/index';
import { allTokens } from '../text/tokenizer';
import {
  ARTICLES,
  COLUMN_WORDS,
  CONJUNCTIONS,
  CORNER_WORD,
  LOCATION_WORDS,
  NUMBER_WORDS,
  NUMERALS,
  ROW_WORDS,
} from '../text/vocabulary';

/** A quarter of the scene's canvas. */
export type Cell = 'tl' | 'tr' | 'bl' | 'br';

/** What a scene shows: 0–2 digits in distinct cells, in the order a caption mentions them. No digits = unconditional. */
export interface SceneSpec {
  digits: { label: number; cell: Cell }[];
}

export type CaptionStyle = 'varied' | 'canonical';

export interface CaptionOptions {
  style?: CaptionStyle;
}

/** How often the varied style picks each optional form (independently per digit). */
export const CAPTION_ODDS = {
  numberWord: 0.5, // "seven" rather than "7"
  article: 0.3, // "a seven"
  inThe: 0.35, // "in the top left"
  rowSynonym: 0.25, // "upper"/"lower" rather than "top"/"bottom"
  corner: 0.2, // "… corner"
  comma: 0.3, // "," rather than "and" between two digits
} as const;

// A cell is a row (t/b) and a column (l/r); ROW_WORDS / COLUMN_WORDS are indexed the same way.
const ROWS = ['t', 'b'] as const;
const COLS = ['l', 'r'] as const;
const CELL_ORDER: readonly Cell[] = ['tl', 'tr', 'bl', 'br'];

function rowOf(cell: Cell): number {
  return cell[0] === 't' ? 0 : 1;
}
function colOf(cell: Cell): number {
  return cell[1] === 'l' ? 0 : 1;
}

function article(label: number): string {
  return label === 8 ? ARTICLES[1] : ARTICLES[0]; // "an eight", "an 8" (said "an eight")
}

function phrase(d: { label: number; cell: Cell }, rng: Rng | null): string {
  // Draw every choice in a fixed order so a caption depends only on (spec, seed).
  const coin = (p: number) => (rng ? rng.uniform() < p : false);
  const word = coin(CAPTION_ODDS.numberWord);
  const art = coin(CAPTION_ODDS.article);
  const inThe = coin(CAPTION_ODDS.inThe);
  const synonym = coin(CAPTION_ODDS.rowSynonym);
  const corner = coin(CAPTION_ODDS.corner);
  const parts: string[] = [];
  if (art) parts.push(article(d.label));
  parts.push(word ? NUMBER_WORDS[d.label] : NUMERALS[d.label]);
  if (inThe) parts.push(...LOCATION_WORDS);
  parts.push(ROW_WORDS[rowOf(d.cell)][synonym ? 1 : 0], COLUMN_WORDS[colOf(d.cell)]);
  if (corner) parts.push(CORNER_WORD);
  return parts.join(' ');
}

/**
 * A caption for the spec, mentioning digits in spec order. 'varied' (default)
 * draws the optional forms from rng; 'canonical' ignores rng.
 */
export function captionFor(spec: SceneSpec, rng: Rng, opts: CaptionOptions = {}): string {
  if ((opts.style ?? 'varied') === 'canonical') return canonicalCaption(spec);
  const phrases = spec.digits.map((d) => phrase(d, rng));
  if (phrases.length < 2) return phrases.join('');
  const comma = rng.uniform() < CAPTION_ODDS.comma;
  return comma ? phrases.join(`${CONJUNCTIONS[1]} `) : phrases.join(` ${CONJUNCTIONS[0]} `);
}

/** The one canonical caption of a scene: numerals, digits in cell order, joined by "and". "" for no digits. */
export function canonicalCaption(spec: SceneSpec): string {
  return normalizeSpec(spec)
    .digits.map((d) => phrase(d, null))
    .join(` ${CONJUNCTIONS[0]} `);
}

/** The same scene with digits in cell order (tl, tr, bl, br): two specs show the same scene iff their normal forms are equal. */
export function normalizeSpec(spec: SceneSpec): SceneSpec {
  const digits = spec.digits.map((d) => ({ label: d.label, cell: d.cell }));
  digits.sort((a, b) => CELL_ORDER.indexOf(a.cell) - CELL_ORDER.indexOf(b.cell));
  return { digits };
}

/** Whether two specs ask for the same digits in the same cells, whatever the mention order. */
export function sameScene(a: SceneSpec, b: SceneSpec): boolean {
  return canonicalCaption(a) === canonicalCaption(b);
}

const NUMBER_OF = new Map<string, number>([
  ...NUMERALS.map((w, d) => [w, d] as const),
  ...NUMBER_WORDS.map((w, d) => [w, d] as const),
]);
const ROW_OF = new Map<string, number>(ROW_WORDS.flatMap((words, r) => words.map((w) => [w, r] as const)));
const COL_OF = new Map<string, number>(COLUMN_WORDS.map((w, c) => [w, c] as const));

/**
 * Caption → spec, or null when the text is not in the grammar (an unknown
 * word, a digit with no position, more than two digits, a cell named twice).
 * Tolerant of case, extra spaces and punctuation ("Three, top-left!"):
 * commas are optional anywhere, "and" only between digits, "in", "the",
 * "a"/"an" and "corner" optional. Empty or blank text → { digits: [] }.
 */
export function parseCaption(text: string): SceneSpec | null {
  const words = allTokens(text)
    .filter((t) => t.text !== ',')
    .map((t) => (t.unknown ? null : t.text));
  if (words.includes(null)) return null;
  const w = words as string[];
  const digits: SceneSpec['digits'] = [];
  let i = 0;
  while (i < w.length) {
    if (digits.length > 0 && w[i] === CONJUNCTIONS[0]) i++;
    if (ARTICLES.includes(w[i])) i++;
    const label = NUMBER_OF.get(w[i++]);
    if (label === undefined) return null;
    if (w[i] === LOCATION_WORDS[0]) i++; // "in"
    if (w[i] === LOCATION_WORDS[1]) i++; // "the"
    const row = ROW_OF.get(w[i++]);
    const col = COL_OF.get(w[i++]);
    if (row === undefined || col === undefined) return null;
    if (w[i] === CORNER_WORD) i++;
    const cell = `${ROWS[row]}${COLS[col]}` as Cell;
    if (digits.some((d) => d.cell === cell)) return null;
    digits.push({ label, cell });
    if (digits.length > 2) return null;
  }
  return { digits };
}
