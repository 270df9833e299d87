/**
 * Word-level tokenizer for the text-conditioned model: prompt → MAX_TOKENS ids.
 *
 * Decisions (each shows up in the lessons, so they are deliberate):
 *  - Case and width are folded: every piece is NFKC-normalised and lower-cased,
 *    so "Seven", "SEVEN" and full-width "７" all become known tokens.
 *  - Words are runs of letters; numbers are runs of digits. A numeral token is
 *    one digit: "12" stays ONE piece and becomes [UNK] rather than "1" "2",
 *    because splitting it would silently ask for two digits.
 *  - "," is a token (the caption grammar uses it as a conjunction). Every other
 *    punctuation mark (. ! ? - ' " …) only separates words and is dropped, so
 *    "top-left" is "top" "left".
 *  - Anything else that is visible (emoji, symbols like $ or =, unassigned or
 *    lone-surrogate code units) becomes one [UNK] piece per run, with joiners
 *    and variation selectors kept inside it (👩‍💻 is one flagged chip).
 *    Whitespace, control and invisible format characters (RTL marks, BOM)
 *    only separate pieces.
 *  - Tokens past MAX_TOKENS are cut off (`truncated`, `droppedWords`), the way
 *    CLIP's 77-token limit cuts long prompts.
 * It never throws, whatever string it is given.
 *
 * Offsets `start`/`end` are UTF-16 indices into the ORIGINAL text, so the UI
 * can highlight `text.slice(start, end)` even when normalisation changed it.
 */
import { MAX_TOKENS, PAD_ID, tokenId, UNK_ID, VOCAB } from './vocabulary';

export type PieceKind = 'word' | 'number' | 'punct' | 'symbol';

/** One piece of the input as the lexer sees it, before the vocabulary is looked up. */
export interface Piece {
  kind: PieceKind;
  /** NFKC-normalised, lower-cased text of the piece. */
  text: string;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
}

export interface Token {
  /** Normalised text (for [UNK] tokens: what the reader typed, so a chip can show it). */
  text: string;
  id: number;
  unknown: boolean;
  start: number;
  end: number;
}

export interface Tokenized {
  /** maxTokens ids, padded with [PAD] (0). */
  ids: Int32Array;
  /** The kept tokens, in order (at most maxTokens). */
  tokens: Token[];
  /** True when the prompt had more tokens than fit. */
  truncated: boolean;
  /** How many tokens were cut off the end. */
  droppedWords: number;
}

export interface TokenizeOptions {
  /** Positions the encoder reads (default MAX_TOKENS). */
  maxTokens?: number;
}

// Groups: 1 letters (with combining marks), 2 digits, 3 one punctuation mark,
// 4 a run of other visible characters (symbols, emoji with their zero-width
// joiners, variation selectors and tag characters, unassigned or lone
// surrogates). Whitespace, controls and other format characters (RTL marks,
// BOM, zero-width space) match nothing and so only separate pieces.
const PIECE_RE =
  /(\p{L}[\p{L}\p{M}]*)|(\p{N}[\p{N}\p{M}]*)|(\p{P})|([^\s\p{P}\p{L}\p{N}\p{Cc}\p{Cf}\p{Z}](?:[^\s\p{P}\p{L}\p{N}\p{Cc}\p{Cf}\p{Z}]|\u200D|[\u{E0020}-\u{E007F}])*)/gu;

function normalise(s: string): string {
  try {
    return s.normalize('NFKC').toLowerCase();
  } catch {
    // normalize() is specified not to throw on well-formed input; this guard is
    // for engines that reject lone surrogates.
    return s.toLowerCase();
  }
}

/** Split text into pieces (no vocabulary lookup, no limit). Used by the tokenizer, the caption parser and the condenser. */
export function lex(text: string): Piece[] {
  const src = typeof text === 'string' ? text : '';
  const out: Piece[] = [];
  for (const m of src.matchAll(PIECE_RE)) {
    const kind: PieceKind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : m[3] !== undefined ? 'punct' : 'symbol';
    const start = m.index ?? 0;
    out.push({ kind, text: normalise(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/** Every token of the text, with no length limit: words, numbers, symbols and commas (other punctuation dropped). */
export function allTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const p of lex(text)) {
    if (p.kind === 'punct' && p.text !== ',') continue;
    // Symbols and unknown words both go to [UNK]; a symbol never matches a word by accident.
    const id = p.kind === 'symbol' ? UNK_ID : tokenId(p.text);
    out.push({ text: p.text, id, unknown: id === UNK_ID, start: p.start, end: p.end });
  }
  return out;
}

/** Prompt → fixed-length ids plus the per-token view the UI shows. Never throws. */
export function tokenize(text: string, opts: TokenizeOptions = {}): Tokenized {
  const maxTokens = checkMax(opts.maxTokens);
  const all = allTokens(text);
  const tokens = all.slice(0, maxTokens);
  const ids = new Int32Array(maxTokens).fill(PAD_ID);
  tokens.forEach((t, i) => (ids[i] = t.id));
  const droppedWords = all.length - tokens.length;
  return { ids, tokens, truncated: droppedWords > 0, droppedWords };
}

/** Many prompts → one [n × maxTokens] id array, row-major (the trainer's batch input). */
export function encodeBatch(texts: readonly string[], opts: TokenizeOptions = {}): Int32Array {
  const maxTokens = checkMax(opts.maxTokens);
  const out = new Int32Array(texts.length * maxTokens);
  texts.forEach((t, i) => out.set(tokenize(t, { maxTokens }).ids, i * maxTokens));
  return out;
}

/** Ids → readable text ("[UNK]" for unknowns, padding left out). For debugging and captions under figures. */
export function decodeIds(ids: ArrayLike<number>): string {
  const words: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === PAD_ID) continue;
    words.push(VOCAB[id] ?? VOCAB[UNK_ID]);
  }
  return words.join(' ').replace(/ ,/g, ',');
}

function checkMax(n: number | undefined): number {
  if (n === undefined) return MAX_TOKENS;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`maxTokens must be a positive integer, got ${String(n)}`);
  return n;
}
