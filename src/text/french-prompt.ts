/**
 * French prompt → the model's English grammar, for the French edition's prompt
 * boxes. The shipped text model was trained on English captions
 * (src/data/captions.ts: "7 top left and 2 bottom right"), so a French prompt
 * is rewritten before it reaches the tokenizer, the way lesson 8 processes a
 * prompt before the pipeline:
 *
 *   "un 7 en haut à gauche"                       → "7 top left"
 *   "un trois en bas à droite et un 5 au centre"  → "3 bottom right" (the 5: no such cell)
 *
 * Rules, so that a reader can follow them:
 *  1. Lex the prompt with the tokenizer's own lexer (case and accents as typed
 *     are folded the same way) and cut it into clauses at "et", "puis", "," and
 *     sentence marks.
 *  2. Each word is a digit (0–9, zéro…neuf, "un"/"une" when no digit follows
 *     it, or the English words the model already knows), a row (haut,
 *     supérieur… / bas, inférieur…), a column (gauche / droite), a filler word
 *     that says nothing the model could use (le, dans, coin, chiffre…), or
 *     unknown. The centre is named but reported: the model's scenes have four
 *     cells and no centre.
 *  3. In a clause, a digit takes the positions after it up to the next digit,
 *     or, when the clause names its place first ("à gauche en haut un 9"), the
 *     ones before it. A clause of positions alone ("en bas à gauche, un 2")
 *     completes the last digit still missing one, else places the next digit.
 *  4. A digit with both a row and a column becomes "D row column"; at most two,
 *     in different cells, joined by "and". Everything else is reported, as
 *     typed, with the reason: nothing is dropped silently.
 */
import { NUMBER_WORDS } from './vocabulary';
import { lex, type Piece } from './tokenizer';

/** Why part of a French prompt did not reach the model. */
export type UnmappedReason =
  /** A word the mapping does not know (it would be [UNK] to the model). */
  | 'unknown'
  /** "centre", "milieu": the model's scenes have no centre cell. */
  | 'no-centre'
  /** A digit without both a row and a column. */
  | 'no-position'
  /** A third digit or more: the model's captions hold two. */
  | 'too-many'
  /** A digit in a cell another digit already took. */
  | 'same-cell';

export interface Unmapped {
  /** The words as the reader typed them. */
  text: string;
  reason: UnmappedReason;
}

export interface FrenchPrompt {
  /** The prompt in the model's grammar ("" when nothing could be placed: unconditional). */
  english: string;
  /** What did not reach the model, in the order typed. */
  unmapped: Unmapped[];
}

type Row = 'top' | 'bottom';
type Col = 'left' | 'right';

const FRENCH_DIGITS: Readonly<Record<string, number>> = {
  zéro: 0, zero: 0,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
};
// The model's own words pass through: a French reader may type "7 top left".
const ENGLISH_DIGITS: Readonly<Record<string, number>> = Object.fromEntries(NUMBER_WORDS.map((w, d) => [w, d]));

const ROWS: Readonly<Record<string, Row>> = {
  haut: 'top', supérieur: 'top', supérieure: 'top', dessus: 'top', top: 'top', upper: 'top',
  bas: 'bottom', inférieur: 'bottom', inférieure: 'bottom', dessous: 'bottom', bottom: 'bottom', lower: 'bottom',
};
const COLS: Readonly<Record<string, Col>> = {
  gauche: 'left', left: 'left',
  droite: 'right', droit: 'right', right: 'right',
};
const CENTRE = new Set(['centre', 'milieu', 'center', 'middle']);
/** Words that carry nothing the model could use: articles, prepositions, "coin", "chiffre". */
const FILLER = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'du', 'de', 'des', 'd', 'en', 'à', 'a', 'au', 'aux', 'dans', 'sur', 'vers',
  'coin', 'angle', 'partie', 'côté', 'case', 'chiffre', 'nombre', 'tout', 'the', 'in', 'an', 'corner',
]);
const CLAUSE_WORDS = new Set(['et', 'puis', 'and']);
const CLAUSE_MARKS = new Set([',', '.', ';', '!', '?']);

type Item =
  | { kind: 'digit'; digit: number; piece: Piece }
  | { kind: 'row'; row: Row; piece: Piece }
  | { kind: 'col'; col: Col; piece: Piece }
  | { kind: 'break' };

/** A word that can follow the digit "un" ("un en haut…"): a position, a filler, a break. */
function placeOrBreak(p: Piece): boolean {
  if (p.kind === 'punct') return true;
  return p.kind === 'word' && (p.text in ROWS || p.text in COLS || CLAUSE_WORDS.has(p.text) || CENTRE.has(p.text) || (FILLER.has(p.text) && p.text !== 'un' && p.text !== 'une'));
}

function digitOf(p: Piece, next: Piece | undefined): number | undefined {
  if (p.kind === 'number') return /^[0-9]$/.test(p.text) ? Number(p.text) : undefined;
  if (p.kind !== 'word') return undefined;
  // "un 7", "un chat": an article before a digit or a noun; "un en haut à gauche", "une, …": the digit 1.
  if ((p.text === 'un' || p.text === 'une') && next && !placeOrBreak(next)) return undefined;
  return FRENCH_DIGITS[p.text] ?? ENGLISH_DIGITS[p.text];
}

/** The French prompt in the model's English grammar, and what could not be said in it. */
export function frenchToModel(prompt: string): FrenchPrompt {
  const text = typeof prompt === 'string' ? prompt : '';
  const pieces = lex(text);
  const unmapped: { start: number; u: Unmapped }[] = [];
  const report = (p: Piece, reason: UnmappedReason) => unmapped.push({ start: p.start, u: { text: text.slice(p.start, p.end), reason } });

  const items: Item[] = [];
  pieces.forEach((p, i) => {
    const next = pieces[i + 1];
    const digit = digitOf(p, next);
    if (digit !== undefined) items.push({ kind: 'digit', digit, piece: p });
    else if (p.kind === 'punct') {
      if (CLAUSE_MARKS.has(p.text)) items.push({ kind: 'break' });
      // Apostrophes and hyphens (l’angle, au-dessus) only separate words.
    } else if (CLAUSE_WORDS.has(p.text)) items.push({ kind: 'break' });
    else if (p.text in ROWS) items.push({ kind: 'row', row: ROWS[p.text], piece: p });
    else if (p.text in COLS) items.push({ kind: 'col', col: COLS[p.text], piece: p });
    else if (CENTRE.has(p.text)) report(p, 'no-centre');
    else if (!FILLER.has(p.text)) report(p, 'unknown');
  });

  // Clauses, then each digit with its positions.
  const clauses: Item[][] = [[]];
  for (const it of items) {
    if (it.kind === 'break') clauses.push([]);
    else clauses[clauses.length - 1].push(it);
  }
  const placed: { digit: number; row?: Row; col?: Col; piece: Piece }[] = [];
  // A clause of positions alone ("en bas à gauche, un 2"; "un 7, en haut à droite") places a digit of a
  // neighbouring clause: the last one still missing a position, else the next one.
  let pending: { row?: Row; col?: Col } = {};
  for (const clause of clauses) {
    const digits = clause.map((it, i) => ({ it, i })).filter((x) => x.it.kind === 'digit');
    if (!digits.length) {
      const row = clause.find((it) => it.kind === 'row');
      const col = clause.find((it) => it.kind === 'col');
      const place = { row: row?.kind === 'row' ? row.row : undefined, col: col?.kind === 'col' ? col.col : undefined };
      const last = placed[placed.length - 1];
      if (last && (!last.row || !last.col)) {
        last.row ??= place.row;
        last.col ??= place.col;
      } else if (place.row || place.col) pending = place;
      continue;
    }
    const firstPos = clause.findIndex((it) => it.kind !== 'digit');
    const placeFirst = firstPos >= 0 && firstPos < digits[0].i;
    digits.forEach((d, k) => {
      const from = placeFirst ? (k === 0 ? 0 : digits[k - 1].i + 1) : d.i + 1;
      const to = placeFirst ? d.i : k + 1 < digits.length ? digits[k + 1].i : clause.length;
      const span = clause.slice(from, to);
      const row = span.find((it) => it.kind === 'row');
      const col = span.find((it) => it.kind === 'col');
      const it = d.it as Extract<Item, { kind: 'digit' }>;
      placed.push({ digit: it.digit, row: row?.kind === 'row' ? row.row : pending.row, col: col?.kind === 'col' ? col.col : pending.col, piece: it.piece });
      pending = {};
    });
  }

  const phrases: string[] = [];
  const cells = new Set<string>();
  for (const p of placed) {
    if (!p.row || !p.col) report(p.piece, 'no-position');
    else if (cells.has(p.row + p.col)) report(p.piece, 'same-cell');
    else if (phrases.length >= 2) report(p.piece, 'too-many');
    else {
      cells.add(p.row + p.col);
      phrases.push(`${p.digit} ${p.row} ${p.col}`);
    }
  }
  return { english: phrases.join(' and '), unmapped: unmapped.sort((a, b) => a.start - b.start).map((x) => x.u) };
}
