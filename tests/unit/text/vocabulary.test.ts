import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/index';
import { canonicalCaption, captionFor } from '../../../src/data/captions';
import { generateSceneSpec } from '../../../src/data/scenes';
import {
  MAX_TOKENS,
  NUMBER_WORDS,
  NUMERALS,
  PAD_ID,
  TOKEN_IDS,
  tokenId,
  UNK_ID,
  VOCAB,
  VOCAB_SIZE,
} from '../../../src/text/vocabulary';
import { allTokens } from '../../../src/text/tokenizer';

describe('vocabulary', () => {
  it('has [PAD] = 0, [UNK] = 1 and no duplicates', () => {
    expect(VOCAB[PAD_ID]).toBe('[PAD]');
    expect(VOCAB[UNK_ID]).toBe('[UNK]');
    expect(new Set(VOCAB).size).toBe(VOCAB.length);
    expect(VOCAB_SIZE).toBe(VOCAB.length);
    VOCAB.forEach((w, i) => expect(TOKEN_IDS.get(w)).toBe(i));
  });

  it('pins the ids (they are baked into trained weights: append only)', () => {
    expect(VOCAB.join(' ')).toBe(
      '[PAD] [UNK] 0 1 2 3 4 5 6 7 8 9 zero one two three four five six seven eight nine a an in the top upper bottom lower left right corner and ,',
    );
  });

  it('holds numerals 0–9 and number words zero–nine, in digit order', () => {
    NUMERALS.forEach((w, d) => expect(w).toBe(String(d)));
    expect(NUMBER_WORDS).toHaveLength(10);
    for (const w of [...NUMERALS, ...NUMBER_WORDS]) expect(tokenId(w)).toBeGreaterThan(UNK_ID);
  });

  it('a reader cannot type a special token', () => {
    expect(tokenId('[PAD]')).toBe(UNK_ID);
    expect(tokenId('[UNK]')).toBe(UNK_ID);
    expect(tokenId('please')).toBe(UNK_ID);
  });

  it('every word the grammar produces is in the vocabulary, and every vocabulary word is produced', () => {
    const produced = new Set<string>();
    for (let s = 0; s < 3000; s++) {
      const spec = generateSceneSpec(createRng(s));
      for (const c of [captionFor(spec, createRng(s + 1e6)), canonicalCaption(spec)])
        for (const t of allTokens(c)) produced.add(t.text);
    }
    for (const w of produced) expect(VOCAB, w).toContain(w);
    expect([...produced].sort()).toEqual(VOCAB.slice(2).sort());
  });

  it('MAX_TOKENS is the documented fixed limit', () => {
    expect(MAX_TOKENS).toBe(16);
  });
});
