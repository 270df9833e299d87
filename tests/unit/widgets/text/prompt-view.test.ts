import { describe, expect, it } from 'vitest';
import { MAX_TOKENS, UNK_ID } from '../../../../src/text/vocabulary';
import { promptView } from '../../../../src/widgets/text/prompt-view';

describe('promptView', () => {
  it('an empty or blank prompt is all [PAD]: unconditional', () => {
    for (const p of ['', '   ', '\u200f\n']) {
      const v = promptView(p, MAX_TOKENS);
      expect(v.empty).toBe(true);
      expect(v.padCount).toBe(MAX_TOKENS);
      expect(Array.from(v.ids).every((id) => id === 0)).toBe(true);
    }
  });
  it('flags emoji and unknown words as [UNK]', () => {
    const v = promptView('a 7 🐱 top left please', MAX_TOKENS);
    expect(v.kept.map((t) => t.text)).toEqual(['a', '7', '🐱', 'top', 'left', 'please']);
    expect(v.kept.map((t) => t.unknown)).toEqual([false, false, true, false, false, true]);
    expect(v.unknownCount).toBe(2);
    expect(v.ids[2]).toBe(UNK_ID);
    expect(v.empty).toBe(false);
    expect(v.padCount).toBe(MAX_TOKENS - 6);
  });
  it('a 500-character prompt is cut at maxTokens and the rest is reported as dropped', () => {
    const long = 'a seven in the top left and '.repeat(20).slice(0, 500);
    expect(long.length).toBe(500);
    const v = promptView(long, MAX_TOKENS);
    expect(v.truncated).toBe(true);
    expect(v.kept.length).toBe(MAX_TOKENS);
    expect(v.padCount).toBe(0);
    expect(v.dropped.length).toBeGreaterThan(50);
    expect(v.dropped[0].text).toBe('in'); // token 17: two 7-token sentences, then "a seven" fill 16
  });
  it('never throws on odd input', () => {
    for (const p of ['\ud800', '👩‍💻'.repeat(300), '\u0000\u0007', 'Ｓｅｖｅｎ']) expect(() => promptView(p, 4)).not.toThrow();
    expect(promptView('Ｓｅｖｅｎ', 4).kept[0]).toMatchObject({ text: 'seven', unknown: false });
  });
});
