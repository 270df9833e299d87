import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/index';
import { canonicalCaption, captionFor, normalizeSpec, parseCaption, sameScene } from '../../../src/data/captions';
import { generateSceneSpec } from '../../../src/data/scenes';
import { type SceneSpec } from '../../../src/data/captions';
import { MAX_TOKENS } from '../../../src/text/vocabulary';
import { tokenize } from '../../../src/text/tokenizer';

const spec = (...d: [number, SceneSpec['digits'][number]['cell']][]): SceneSpec => ({
  digits: d.map(([label, cell]) => ({ label, cell })),
});

describe('captionFor', () => {
  it('property (2,000 seeds): parses back to its spec, every token known, fits MAX_TOKENS', () => {
    let longest = 0;
    for (let s = 0; s < 2000; s++) {
      const sp = generateSceneSpec(createRng(s).fork(0));
      const caption = captionFor(sp, createRng(s).fork(2));
      expect(parseCaption(caption), caption).toEqual(sp);
      const tok = tokenize(caption);
      expect(tok.truncated, caption).toBe(false);
      expect(tok.tokens.filter((t) => t.unknown), caption).toEqual([]);
      longest = Math.max(longest, tok.tokens.length);
      const canon = canonicalCaption(sp);
      expect(parseCaption(canon)).toEqual(normalizeSpec(sp));
      expect(tokenize(canon).tokens.every((t) => !t.unknown)).toBe(true);
    }
    expect(longest).toBeLessThanOrEqual(MAX_TOKENS);
  });

  it('is deterministic given the seed, and varied across seeds', () => {
    const sp = spec([7, 'br'], [2, 'tr']);
    expect(captionFor(sp, createRng(4))).toBe(captionFor(sp, createRng(4)));
    const forms = new Set(Array.from({ length: 200 }, (_, s) => captionFor(sp, createRng(s))));
    expect(forms.size).toBeGreaterThan(50);
    expect([...forms].some((c) => c.includes('seven'))).toBe(true);
    expect([...forms].some((c) => c.includes('7'))).toBe(true);
    expect([...forms].some((c) => c.includes(', '))).toBe(true);
    expect([...forms].some((c) => c.includes(' and '))).toBe(true);
    expect([...forms].some((c) => c.includes('in the'))).toBe(true);
    expect([...forms].some((c) => c.includes('corner'))).toBe(true);
    expect([...forms].some((c) => c.includes('lower'))).toBe(true);
  });

  it('uses "an" before eight', () => {
    const forms = Array.from({ length: 300 }, (_, s) => captionFor(spec([8, 'tl']), createRng(s)));
    expect(forms.some((c) => /^an (eight|8)\b/.test(c))).toBe(true);
    expect(forms.some((c) => /^a (eight|8)\b/.test(c))).toBe(false);
  });

  it('the longest caption the grammar allows fits MAX_TOKENS', () => {
    const longest = 'an eight in the upper left corner, a seven in the lower right corner';
    const t = tokenize(longest);
    expect(t.tokens).toHaveLength(15);
    expect(t.truncated).toBe(false);
    expect(parseCaption(longest)).toEqual(spec([8, 'tl'], [7, 'br']));
  });

  it('an empty spec has the empty caption', () => {
    expect(captionFor({ digits: [] }, createRng(1))).toBe('');
    expect(canonicalCaption({ digits: [] })).toBe('');
  });
});

describe('canonicalCaption', () => {
  it('uses numerals, top/bottom, "and", and cell reading order', () => {
    expect(canonicalCaption(spec([2, 'bl'], [7, 'tr']))).toBe('7 top right and 2 bottom left');
    expect(canonicalCaption(spec([3, 'tl']))).toBe('3 top left');
    expect(sameScene(spec([2, 'bl'], [7, 'tr']), spec([7, 'tr'], [2, 'bl']))).toBe(true);
    expect(sameScene(spec([2, 'bl']), spec([2, 'br']))).toBe(false);
  });
});

describe('parseCaption', () => {
  it('reads the examples of the spec', () => {
    expect(parseCaption('3 top left')).toEqual(spec([3, 'tl']));
    expect(parseCaption('a seven in the bottom right and a 2 top right')).toEqual(spec([7, 'br'], [2, 'tr']));
    expect(parseCaption('three top left, eight bottom right')).toEqual(spec([3, 'tl'], [8, 'br']));
  });

  it('tolerates case, punctuation, hyphens and extra spaces', () => {
    expect(parseCaption('  THREE,   Top-Left!!  ')).toEqual(spec([3, 'tl']));
    expect(parseCaption('An 8 in the upper-left corner.\nAnd a Zero, lower right')).toEqual(spec([8, 'tl'], [0, 'br']));
    expect(parseCaption('3 top left 5 bottom right')).toEqual(spec([3, 'tl'], [5, 'br']));
    expect(parseCaption('the 3 in top left')).toBeNull(); // "the" goes with the position, not the digit
    expect(parseCaption('3 the top-left corner')).toEqual(spec([3, 'tl']));
    expect(parseCaption('ＳＥＶＥＮ　ｔｏｐ　ｒｉｇｈｔ')).toEqual(spec([7, 'tr'])); // full-width forms
  });

  it('empty or blank prompt → no digits (unconditional)', () => {
    expect(parseCaption('')).toEqual({ digits: [] });
    expect(parseCaption('   \n\t ')).toEqual({ digits: [] });
    expect(parseCaption(' ,. ')).toEqual({ digits: [] });
  });

  it('returns null outside the grammar', () => {
    for (const bad of [
      '3',
      'top left',
      '3 left top',
      '3 top',
      'please 3 top left',
      '3 top left and',
      'and 3 top left',
      '3 top left and 4 upper left', // same cell twice
      '1 top left, 2 top right, 3 bottom left', // three digits
      '12 top left',
      '🙂 top left',
    ])
      expect(parseCaption(bad), bad).toBeNull();
  });
});
