/**
 * Prompt condenser for lesson 8: rewrite a long natural-language prompt into
 * the model's small grammar before it reaches the tokenizer, the way DALL·E 3
 * has a language model rewrite prompts before the diffusion pipeline (there
 * the rewrite mostly lengthens prompts into its long training captions; ours
 * are short, so here it shortens).
 *
 *   "Please draw me a beautiful, elegant handwritten number seven, placed up in
 *    the top right corner of the picture, and maybe also a little 2 down at the
 *    bottom left"  →  "seven top right and 2 bottom left"
 *
 * Rule-based on purpose, so a reader can follow every step (the `notes`):
 *  1. Lex the prompt (same lexer as the tokenizer) and cut it into clauses at
 *     sentence marks (. ; ! ?) and at "and", "also", "plus", "then", "but".
 *  2. In each clause find digit mentions (0–9, zero–nine) and position words:
 *     rows (top, upper, above… / bottom, lower, below…, and the weaker "up" /
 *     "down") and columns (left, right, leftmost, west…). Everything else is
 *     filler; numbers like "12" are noted and skipped.
 *  3. Pair them. If the clause's first strong position word comes after its
 *     first digit ("a 7 in the top right"), each digit takes the position
 *     words up to the next digit; otherwise ("in the top left, a 3") the ones
 *     since the previous digit. Per axis the first strong word wins over
 *     "up"/"down". A clause with positions but no digit ("Put it in the lower
 *     right.") completes the nearest earlier digit still missing one, else
 *     the next.
 *  4. Keep digits that have both a row and a column, at most two, in distinct
 *     cells; say why each other mention was dropped.
 * The digit is written back as the reader wrote it ("seven" or "7"); positions
 * are written canonically ("top right"). The result is always a caption that
 * parseCaption understands and that fits MAX_TOKENS.
 */
import { NUMBER_WORDS, NUMERALS } from './vocabulary';
import { lex, type Piece } from './tokenizer';

export interface CondensedPrompt {
  /** The prompt in the model's grammar; "" when no digit with a position was found (unconditional). */
  condensed: string;
  /** What the condenser did, one line each, for the lesson to show. */
  notes: string[];
}

const DIGIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0, nought: 0, naught: 0,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
// "Strong" words name a side outright; "up"/"down" are weak ("write down a 3
// at the top left"): a strong word on the same axis overrides them. "high" and
// "low" are left out on purpose: "high quality" is not a position.
const ROW_WORDS: Readonly<Record<string, { row: Row; strong: boolean }>> = {
  top: { row: 'top', strong: true },
  upper: { row: 'top', strong: true },
  uppermost: { row: 'top', strong: true },
  topmost: { row: 'top', strong: true },
  above: { row: 'top', strong: true },
  north: { row: 'top', strong: true },
  up: { row: 'top', strong: false },
  bottom: { row: 'bottom', strong: true },
  lower: { row: 'bottom', strong: true },
  lowest: { row: 'bottom', strong: true },
  bottommost: { row: 'bottom', strong: true },
  below: { row: 'bottom', strong: true },
  beneath: { row: 'bottom', strong: true },
  underneath: { row: 'bottom', strong: true },
  south: { row: 'bottom', strong: true },
  down: { row: 'bottom', strong: false },
};
// "left-hand" and "right side" lex as "left" "hand" / "right" "side": the extra word is filler.
const COL_WORDS: Readonly<Record<string, Col>> = {
  left: 'left', lefthand: 'left', leftmost: 'left', west: 'left',
  right: 'right', righthand: 'right', rightmost: 'right', east: 'right',
};
const CLAUSE_WORDS = new Set(['and', 'also', 'plus', 'then', 'but']);
const CLAUSE_MARKS = new Set(['.', ';', '!', '?', '。']);

type Row = 'top' | 'bottom';
type Col = 'left' | 'right';

type PositionItem = { kind: 'row'; row: Row; strong: boolean; word: string } | { kind: 'col'; col: Col; strong: true; word: string };

interface Mention {
  /** As written (normalised): "seven" or "7". */
  text: string;
  label: number;
  /** Position words given to this digit, in text order. */
  cues: PositionItem[];
}

type Item = { kind: 'digit'; mention: Mention } | PositionItem;

/** Long prompt → the model's grammar, with notes on what was kept and dropped. */
export function condensePrompt(prompt: string): CondensedPrompt {
  const notes: string[] = [];
  const { clauses, filler } = splitClauses(lex(typeof prompt === 'string' ? prompt : ''), notes);

  const mentions: Mention[] = [];
  const orphans: { after: number; items: PositionItem[] }[] = []; // position-only clauses, after `after` mentions
  for (const items of clauses) {
    const digits = items.filter((it) => it.kind === 'digit');
    if (digits.length === 0) {
      orphans.push({ after: mentions.length, items: items as PositionItem[] });
      continue;
    }
    pairWithinClause(items);
    for (const d of digits) mentions.push(d.mention);
  }
  for (const o of orphans) attachOrphan(o, mentions);

  const kept: { m: Mention; cell: string }[] = [];
  for (const m of mentions) {
    const { row, col, used } = resolve(m);
    if (!row || !col) {
      const has = row ?? col;
      notes.push(`dropped "${m.text}": ${has ? `only "${has}" given, a cell needs top/bottom and left/right` : 'no position given'}`);
      continue;
    }
    const cell = `${row} ${col}`;
    if (kept.some((k) => k.cell === cell)) {
      notes.push(`dropped "${m.text}": the ${cell} cell already holds a digit`);
      continue;
    }
    if (kept.length === 2) {
      notes.push(`dropped "${m.text}": the model draws at most two digits`);
      continue;
    }
    kept.push({ m, cell });
    notes.push(`kept "${m.text}" → ${cell} (from ${used.map((c) => `"${c}"`).join(', ')})`);
  }

  // Keep the reader's spelling when the model knows it ("seven", "7"); "nought" becomes "zero".
  const spell = (m: Mention) => (NUMERALS.includes(m.text) || NUMBER_WORDS.includes(m.text) ? m.text : NUMBER_WORDS[m.label]);
  const condensed = kept.map((k) => `${spell(k.m)} ${k.cell}`).join(' and ');
  if (filler > 0) notes.push(`ignored ${filler} filler word${filler === 1 ? '' : 's'}`);
  if (!condensed) notes.push('no digit with a position found: the model gets an empty prompt (unconditional)');
  return { condensed, notes };
}

/** Pieces → clauses of digit and position items, plus how many words were filler. */
function splitClauses(pieces: Piece[], notes: string[]): { clauses: Item[][]; filler: number } {
  const clauses: Item[][] = [[]];
  let filler = 0;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    const t = p.text;
    if ((p.kind === 'punct' && CLAUSE_MARKS.has(t)) || (p.kind === 'word' && CLAUSE_WORDS.has(t))) {
      if (clauses[clauses.length - 1].length > 0) clauses.push([]);
      continue;
    }
    const clause = clauses[clauses.length - 1];
    const label = digitOf(p);
    if (label !== undefined) {
      // "one seven", "two 3s": a number word right before another number counts copies; it is not a digit to draw.
      const next = pieces[k + 1];
      if (p.kind === 'word' && next && digitOf(next) !== undefined) {
        notes.push(`ignored "${t}" before "${next.text}": read as a count, not a digit to draw`);
        continue;
      }
      clause.push({ kind: 'digit', mention: { text: t, label, cues: [] } });
    } else if (p.kind === 'number') {
      notes.push(`ignored "${t}": the model draws single digits 0–9`);
    } else if (p.kind === 'word' && Object.hasOwn(ROW_WORDS, t)) {
      clause.push({ kind: 'row', ...ROW_WORDS[t], word: t });
    } else if (p.kind === 'word' && Object.hasOwn(COL_WORDS, t)) {
      clause.push({ kind: 'col', col: COL_WORDS[t], strong: true, word: t });
    } else if (p.kind === 'word' || p.kind === 'symbol') {
      filler++;
    }
  }
  return { clauses: clauses.filter((c) => c.length > 0), filler };
}

function digitOf(p: Piece): number | undefined {
  if (p.kind === 'number') return /^[0-9]$/.test(p.text) ? Number(p.text) : undefined;
  if (p.kind === 'word' && Object.hasOwn(DIGIT_WORDS, p.text)) return DIGIT_WORDS[p.text];
  return undefined;
}

/**
 * Give each position word of one clause to a digit (step 3 above). The side
 * is decided by the first strong position word: after the first digit →
 * positions follow their digit; before it → they precede it. Words on the
 * "wrong" side of every digit go to the nearest one.
 */
function pairWithinClause(items: Item[]): void {
  const digitAt = items.flatMap((it, i) => (it.kind === 'digit' ? [i] : []));
  const posAt = items.flatMap((it, i) => (it.kind !== 'digit' ? [i] : []));
  const firstStrong = posAt.find((i) => (items[i] as PositionItem).strong) ?? posAt[0];
  const follow = firstStrong === undefined || firstStrong > digitAt[0];
  for (const i of posAt) {
    const owner = follow
      ? (digitAt.filter((d) => d < i).pop() ?? digitAt[0])
      : (digitAt.find((d) => d > i) ?? digitAt[digitAt.length - 1]);
    (items[owner] as { mention: Mention }).mention.cues.push(items[i] as PositionItem);
  }
}

/** Row and column of a digit: per axis the first strong word, else the first weak one. */
function resolve(m: Mention): { row?: Row; col?: Col; used: string[] } {
  const rows = m.cues.filter((c) => c.kind === 'row');
  const cols = m.cues.filter((c) => c.kind === 'col');
  const row = (rows.find((c) => c.strong) ?? rows[0])?.row;
  const col = cols[0]?.col;
  const used = m.cues.filter((c) => (c.kind === 'row' ? c.row === row : c.col === col)).map((c) => c.word);
  return { row, col, used };
}

function attachOrphan(o: { after: number; items: PositionItem[] }, mentions: Mention[]): void {
  const incomplete = (m: Mention) => {
    const r = resolve(m);
    return !r.row || !r.col;
  };
  const target = mentions.slice(0, o.after).reverse().find(incomplete) ?? mentions.slice(o.after).find(incomplete);
  if (target) target.cues.push(...o.items);
}
