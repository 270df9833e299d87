import { describe, expect, it } from 'vitest';
import { frenchToModel, type UnmappedReason } from '../../../src/text/french-prompt';
import { parseCaption } from '../../../src/data/captions';
import { tokenize } from '../../../src/text/tokenizer';

// French prompt → what the model reads, and what is reported, as [text, reason].
const CASES: [string, string, [string, UnmappedReason][]][] = [
  ['un 7 en haut à gauche', '7 top left', []],
  ['un trois en bas à droite et un 5 au centre', '3 bottom right', [['5', 'no-position'], ['centre', 'no-centre']]],
  ['Un SEPT dans le coin supérieur droit', '7 top right', []],
  ['une en bas à droite', '1 bottom right', []],
  ['en bas à gauche, un 2', '2 bottom left', []],
  ['un 8 en haut à droite et un quatre en bas à gauche', '8 top right and 4 bottom left', []],
  ['à gauche en haut un neuf', '9 top left', []],
  ['un 7 en haut à gauche et un 3 en bas à droite et un 1 en bas à gauche', '7 top left and 3 bottom right', [['1', 'too-many']]],
  ['un 6 en haut à gauche et un 2 en haut à gauche', '6 top left', [['2', 'same-cell']]],
  ['un 7 en haut', '', [['7', 'no-position']]],
  ['12 en haut à gauche', '', [['12', 'unknown']]],
  ['un 1 en haut à gauche, s’il vous plaît', '1 top left', [['s', 'unknown'], ['il', 'unknown'], ['vous', 'unknown'], ['plaît', 'unknown']]],
  ['un zéro au milieu', '', [['zéro', 'no-position'], ['milieu', 'no-centre']]],
  ['7 top left and 2 bottom right', '7 top left and 2 bottom right', []],
  ['un chat en haut à gauche', '', [['chat', 'unknown']]],
  ['un 7, en haut à droite', '7 top right', []],
  ['un quatre en bas. À droite.', '4 bottom right', []],
  ['', '', []],
];

describe('French prompt → model grammar', () => {
  it.each(CASES)('%j → %j', (fr, english, reported) => {
    const r = frenchToModel(fr);
    expect(r.english).toBe(english);
    expect(r.unmapped.map((u) => [u.text, u.reason])).toEqual(reported);
  });

  it('always gives a caption the model grammar parses, in known words only', () => {
    for (const [fr] of CASES) {
      const { english } = frenchToModel(fr);
      if (!english) continue;
      expect(parseCaption(english), english).not.toBeNull();
      expect(tokenize(english).tokens.every((t) => !t.unknown), english).toBe(true);
      expect(tokenize(english).truncated).toBe(false);
    }
  });

  it('never throws on odd input', () => {
    for (const s of ['🙂🙂', 'à à à', ',,,', 'un un un un', '\u202f?!', 'x'.repeat(10_000)]) expect(() => frenchToModel(s)).not.toThrow();
  });
});
