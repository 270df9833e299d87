import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/diffusion/index';
import { captionFor, parseCaption, sameScene } from '../../../src/data/captions';
import { generateSceneSpec } from '../../../src/data/scenes';
import { MAX_TOKENS, NUMBER_WORDS, NUMERALS } from '../../../src/text/vocabulary';
import { condensePrompt } from '../../../src/text/condense';
import { tokenize } from '../../../src/text/tokenizer';

const LONG =
  'Please draw me a beautiful, elegant handwritten number seven, placed up in the top right corner of the picture, ' +
  'and maybe also a little 2 down at the bottom left';

describe('condensePrompt', () => {
  it('condenses the lesson-8 example', () => {
    const { condensed, notes } = condensePrompt(LONG);
    expect(condensed).toBe('seven top right and 2 bottom left');
    expect(notes.join('\n')).toMatch(/kept "seven" → top right/);
    expect(notes.join('\n')).toMatch(/kept "2" → bottom left/);
    expect(notes.join('\n')).toMatch(/filler/);
  });

  it.each([
    ['In the top left a 3, in the bottom right a 5', '3 top left and 5 bottom right'],
    ['Write down a 3 top left, 5 bottom right', '3 top left and 5 bottom right'],
    ["I'd like a 4. Put it in the lower right corner.", '4 bottom right'],
    ['a 7 at the top right and at the bottom left a 2', '7 top right and 2 bottom left'],
    ['Put a 3 on the left-hand side of the image, towards the top.', '3 top left'],
    ['A high quality, crisp 9 in the bottom left corner please', '9 bottom left'],
    ['Could you sketch a zero on the upper right side and a NINE on the lower left side?', 'zero top right and nine bottom left'],
    ['the rightmost, uppermost corner should hold a 6', '6 top right'],
    ['Draw a nought above, on the left', 'zero top left'],
    ['A SEVEN IN THE BOTTOM RIGHT AND A 2 TOP RIGHT', 'seven bottom right and 2 top right'],
  ])('%s → %s', (prompt, expected) => {
    expect(condensePrompt(prompt).condensed).toBe(expected);
  });

  it('keeps at most two digits, in distinct cells, and says why others were dropped', () => {
    const r = condensePrompt('a 1 top left, a 2 top left, a 3 bottom right and a 4 bottom left');
    expect(r.condensed).toBe('1 top left and 3 bottom right');
    expect(r.notes.join('\n')).toMatch(/dropped "2": the top left cell already holds a digit/);
    expect(r.notes.join('\n')).toMatch(/dropped "4": the model draws at most two digits/);
  });

  it('drops digits with no (or half a) position, multi-digit numbers and counts', () => {
    const r = condensePrompt('Draw one 5, a 12 and a 3 on the left');
    expect(r.condensed).toBe('');
    const notes = r.notes.join('\n');
    expect(notes).toMatch(/ignored "one" before "5"/);
    expect(notes).toMatch(/ignored "12"/);
    expect(notes).toMatch(/dropped "5": no position/);
    expect(notes).toMatch(/dropped "3": only "left" given/);
    expect(notes).toMatch(/empty prompt \(unconditional\)/);
  });

  it('no digit → empty prompt (unconditional)', () => {
    expect(condensePrompt('A serene landscape at dawn').condensed).toBe('');
    expect(condensePrompt('').condensed).toBe('');
  });

  it('grammar captions condense to the same scene (1,000 seeds)', () => {
    for (let s = 0; s < 1000; s++) {
      const spec = generateSceneSpec(createRng(s));
      const caption = captionFor(spec, createRng(s).fork(1));
      const back = parseCaption(condensePrompt(caption).condensed);
      expect(back, caption).not.toBeNull();
      expect(sameScene(back!, spec), caption).toBe(true);
    }
  });

  it('its output is always a known, untruncated caption of the grammar', () => {
    const prompts = [LONG, 'In the top left a 3, in the bottom right a 5', 'a nought top left', '7 top right'];
    const rng = createRng(3);
    const words = ['top', 'bottom', 'left', 'right', 'up', 'down', 'and', 'the', 'a', '.', ',', 'seven', '7', '12', 'one', '🙂', 'please'];
    for (let k = 0; k < 300; k++) prompts.push(Array.from({ length: 1 + rng.int(25) }, () => words[rng.int(words.length)]).join(' '));
    for (const p of prompts) {
      const { condensed } = condensePrompt(p);
      const spec = parseCaption(condensed);
      expect(spec, `${p} → ${condensed}`).not.toBeNull();
      expect(spec!.digits.length).toBeLessThanOrEqual(2);
      const t = tokenize(condensed);
      expect(t.truncated).toBe(false);
      expect(t.tokens.every((x) => !x.unknown)).toBe(true);
      expect(t.tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
    }
  });

  it('truncating the long prompt loses the digits and positions; condensing keeps them', () => {
    const prompt =
      'I would really love it if you could please draw for me, on a clean and simple background, a beautiful, ' +
      'elegant handwritten number seven placed up in the top right corner of the picture, and maybe also a little 2 down at the bottom left';
    const truncated = tokenize(prompt);
    expect(truncated.truncated).toBe(true);
    const known = truncated.tokens.filter((t) => !t.unknown).map((t) => t.text);
    const digitWords = new Set([...NUMERALS, ...NUMBER_WORDS]);
    // What survives truncation: a handful of grammar words, none of them a digit or a position.
    expect(known.filter((w) => digitWords.has(w) || ['top', 'bottom', 'left', 'right'].includes(w))).toEqual([]);
    expect(parseCaption(truncated.tokens.map((t) => t.text).join(' '))).toBeNull();

    const { condensed } = condensePrompt(prompt);
    expect(condensed).toBe('seven top right and 2 bottom left');
    const t = tokenize(condensed);
    expect(t.truncated).toBe(false);
    expect(t.tokens.every((x) => !x.unknown)).toBe(true);
    expect(parseCaption(condensed)).toEqual({ digits: [{ label: 7, cell: 'tr' }, { label: 2, cell: 'bl' }] });
  });

  it('never throws on odd input', () => {
    for (const s of ['\uD800 7 top left', '🙂'.repeat(1000), 'x '.repeat(10_000), '\u0000\u202E', 'constructor toString __proto__'])
      expect(() => condensePrompt(s)).not.toThrow();
    expect(condensePrompt(null as unknown as string).condensed).toBe('');
  });
});
