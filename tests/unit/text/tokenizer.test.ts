import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/index';
import { MAX_TOKENS, PAD_ID, tokenId, UNK_ID, VOCAB_SIZE } from '../../../src/text/vocabulary';
import { allTokens, decodeIds, encodeBatch, lex, tokenize } from '../../../src/text/tokenizer';

const texts = (s: string) => tokenize(s).tokens.map((t) => t.text);

describe('tokenize', () => {
  it('maps a grammar caption to its ids, padded with [PAD] to MAX_TOKENS', () => {
    const t = tokenize('a seven in the bottom right, 2 top right');
    expect(t.ids).toBeInstanceOf(Int32Array);
    expect(t.ids).toHaveLength(MAX_TOKENS);
    expect(texts('a seven in the bottom right, 2 top right')).toEqual(['a', 'seven', 'in', 'the', 'bottom', 'right', ',', '2', 'top', 'right']);
    expect(Array.from(t.ids.subarray(0, 10))).toEqual(t.tokens.map((x) => tokenId(x.text)));
    expect(Array.from(t.ids.subarray(10))).toEqual(new Array(MAX_TOKENS - 10).fill(PAD_ID));
    expect(t.truncated).toBe(false);
    expect(t.droppedWords).toBe(0);
    expect(decodeIds(t.ids)).toBe('a seven in the bottom right, 2 top right');
  });

  it('empty prompt → all [PAD]', () => {
    const t = tokenize('');
    expect(t.tokens).toEqual([]);
    expect(Array.from(t.ids).every((id) => id === PAD_ID)).toBe(true);
  });

  it('folds case and full-width forms; splits on punctuation other than ","', () => {
    expect(texts('SEVEN Top-LEFT!')).toEqual(['seven', 'top', 'left']);
    expect(texts('３ ｔｏｐ')).toEqual(['3', 'top']);
    expect(texts('"three"... (upper) left; corner?')).toEqual(['three', 'upper', 'left', 'corner']);
    expect(tokenize('3，top left').tokens.map((t) => t.id)).toEqual(['3', ',', 'top', 'left'].map(tokenId));
  });

  it('multi-digit numbers are one [UNK], not several digits', () => {
    const t = tokenize('12 top left');
    expect(t.tokens[0]).toMatchObject({ text: '12', id: UNK_ID, unknown: true });
    expect(t.tokens).toHaveLength(3);
  });

  it('flags unknown words and emoji as [UNK], keeping what was typed', () => {
    const t = tokenize('Please draw 🙂 a 👩‍💻 7 שלום');
    expect(t.tokens.map((x) => [x.text, x.unknown])).toEqual([
      ['please', true],
      ['draw', true],
      ['🙂', true],
      ['a', false],
      ['👩‍💻', true], // a ZWJ sequence stays one chip
      ['7', false],
      ['שלום', true],
    ]);
    for (const x of t.tokens) expect(x.id === UNK_ID).toBe(x.unknown);
  });

  it('offsets point into the original text', () => {
    const src = '  Ｓeven, 🙂\u200Ftop-LEFT';
    for (const t of tokenize(src).tokens) expect(src.slice(t.start, t.end).normalize('NFKC').toLowerCase()).toBe(t.text);
    expect(tokenize(src).tokens.map((t) => src.slice(t.start, t.end))).toEqual(['Ｓeven', ',', '🙂', 'top', 'LEFT']);
  });

  it('invisible and control characters only separate words', () => {
    expect(texts('top\u200Bleft\u0000three\u200F\uFEFF\u202Efive\tsix')).toEqual(['top', 'left', 'three', 'five', 'six']);
  });

  it('truncates a 500-character prompt to MAX_TOKENS and says how much was dropped', () => {
    const prompt = 'a seven in the top right corner and '.repeat(14).slice(0, 500);
    expect(prompt).toHaveLength(500);
    const all = allTokens(prompt);
    const t = tokenize(prompt);
    expect(t.truncated).toBe(true);
    expect(t.tokens).toHaveLength(MAX_TOKENS);
    expect(t.droppedWords).toBe(all.length - MAX_TOKENS);
    expect(t.ids.every((id) => id !== PAD_ID)).toBe(true);
    expect(tokenize(prompt, { maxTokens: 4 }).ids).toHaveLength(4);
  });

  it('never throws, on any string', () => {
    const nasty = [
      '🙂🙂🙂',
      'مرحبا بالعالم ٣',
      '\u202Eright top 7\u202C',
      '\u0000\u0001\u0007\u001B[31m',
      '\uD800',
      '\uDFFF7\uD800top',
      'x'.repeat(10_000),
      '7 '.repeat(5_000),
      '\u0301\u0301a',
      '½ ² ⁷ ⅶ 𝟕',
      '[PAD] [UNK]',
    ];
    const rng = createRng(7);
    for (let k = 0; k < 500; k++) {
      // random UTF-16 code units, lone surrogates included
      const n = rng.int(40);
      nasty.push(String.fromCharCode(...Array.from({ length: n }, () => rng.int(65536))));
    }
    for (const s of nasty) {
      const t = tokenize(s);
      expect(t.ids).toHaveLength(MAX_TOKENS);
      expect(t.tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
      for (const id of t.ids) expect(id >= 0 && id < VOCAB_SIZE).toBe(true);
      for (const x of t.tokens) expect(x.end).toBeGreaterThan(x.start);
    }
    expect(tokenize('\uD800').tokens.map((t) => t.unknown)).toEqual([true]);
    expect(tokenize('[PAD] [UNK]').tokens.map((t) => t.id)).toEqual([UNK_ID, UNK_ID]);
    expect(tokenize('x'.repeat(10_000)).truncated).toBe(false);
    expect(tokenize('7 '.repeat(5_000)).droppedWords).toBe(5_000 - MAX_TOKENS);
    // Not a string at all (a URL parameter gone wrong): treated as empty.
    expect(tokenize(undefined as unknown as string).tokens).toEqual([]);
  });

  it('lex keeps sentence punctuation for the condenser', () => {
    expect(lex('Hi. 3!').map((p) => [p.kind, p.text])).toEqual([
      ['word', 'hi'],
      ['punct', '.'],
      ['number', '3'],
      ['punct', '!'],
    ]);
  });
});

describe('encodeBatch', () => {
  it('stacks rows of MAX_TOKENS ids', () => {
    const ids = encodeBatch(['3 top left', '', 'please']);
    expect(ids).toHaveLength(3 * MAX_TOKENS);
    expect(Array.from(ids.subarray(0, MAX_TOKENS))).toEqual(Array.from(tokenize('3 top left').ids));
    expect(ids.subarray(MAX_TOKENS, 2 * MAX_TOKENS).every((x) => x === PAD_ID)).toBe(true);
    expect(ids[2 * MAX_TOKENS]).toBe(UNK_ID);
  });
});
