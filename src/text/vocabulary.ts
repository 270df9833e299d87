/**
 * Every word the text-conditioned model knows, listed once.
 *
 * The caption grammar (captions.ts) builds its sentences only from the word
 * groups below, the tokenizer (src/text/tokenizer.ts) maps words to ids with
 * TOKEN_IDS, and the text encoder's embedding table has VOCAB_SIZE rows.
 *
 * Token ids are baked into trained weights: only ever APPEND to VOCAB, never
 * reorder or remove, or shipped models will read the wrong embeddings.
 *
 * Special tokens are kept minimal:
 *  - [PAD] = 0 fills the fixed-length id array after the prompt. An empty
 *    prompt is all [PAD]: that is the "unconditional" input of
 *    classifier-free guidance, so no separate [NULL] token is needed.
 *  - [UNK] = 1 stands for any word outside the vocabulary (emoji, "12",
 *    "please"…); the UI shows those as flagged chips.
 * There is no [BOS]/[EOS]: the encoder sees a fixed MAX_TOKENS positions and
 * [PAD] already marks where the prompt ends.
 */

export const PAD_TOKEN = '[PAD]';
export const UNK_TOKEN = '[UNK]';
export const PAD_ID = 0;
export const UNK_ID = 1;

/** Digits written as numerals; a numeral token is always one character. */
export const NUMERALS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Digits written as words; NUMBER_WORDS[d] names digit d. */
export const NUMBER_WORDS: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
];
/** "a seven", "an eight". */
export const ARTICLES: readonly string[] = ['a', 'an'];
/** The optional "in the" before a position. */
export const LOCATION_WORDS: readonly string[] = ['in', 'the'];
/** Row words: index 0 means the top row, 1 the bottom row. Several spellings per row. */
export const ROW_WORDS: readonly (readonly string[])[] = [
  ['top', 'upper'],
  ['bottom', 'lower'],
];
/** Column words: left, right. */
export const COLUMN_WORDS: readonly string[] = ['left', 'right'];
/** The optional "corner" after a position. */
export const CORNER_WORD = 'corner';
/** Joins two digit phrases: "… and …", "…, …". */
export const CONJUNCTIONS: readonly string[] = ['and', ','];

/** The whole vocabulary; a word's index is its token id. Append only (see above). */
export const VOCAB: readonly string[] = [
  PAD_TOKEN,
  UNK_TOKEN,
  ...NUMERALS,
  ...NUMBER_WORDS,
  ...ARTICLES,
  ...LOCATION_WORDS,
  ...ROW_WORDS.flat(),
  ...COLUMN_WORDS,
  CORNER_WORD,
  ...CONJUNCTIONS,
];

export const VOCAB_SIZE = VOCAB.length;

/**
 * The text encoder reads exactly this many token positions. The longest
 * grammar caption, "an eight in the upper left corner and a seven in the
 * lower right corner", is 15 tokens, so it fits; a long natural-language
 * prompt does not, which is what lesson 8 shows.
 */
export const MAX_TOKENS = 16;

/** word → token id, for every entry of VOCAB (special tokens included). */
export const TOKEN_IDS: ReadonlyMap<string, number> = new Map(VOCAB.map((w, i) => [w, i]));

/** The id of a (lower-case) word, or UNK_ID when it is not in the vocabulary. */
export function tokenId(word: string): number {
  // Special tokens are not words a reader can type: "[pad]" in a prompt is unknown.
  if (word === PAD_TOKEN || word === UNK_TOKEN) return UNK_ID;
  return TOKEN_IDS.get(word) ?? UNK_ID;
}
