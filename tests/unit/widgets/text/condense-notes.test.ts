import { describe, expect, it } from 'vitest';
import { condensePrompt } from '../../../../src/text/condense';
import { knownNote, noteWords } from '../../../../src/widgets/text/condense-notes';
import { setPageLocale } from '../../../../src/i18n/locale';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';

// Prompts that make the rewriter write each kind of note.
const PROMPTS = [
  'Please draw me a lovely seven up in the top right corner, and maybe a little 2 down at the bottom left',
  'a 3 on the left',
  'a 4',
  '3 top left, 5 top left',
  '1 top left, 2 top right, 3 bottom left',
  'two cats and a 12 top left',
  'nothing at all',
];

describe("the rewriter's notes in the reader's language", () => {
  const notes = PROMPTS.flatMap((p) => condensePrompt(p).notes);

  it('knows the shape of every note the rewriter writes', () => {
    expect(notes.length).toBeGreaterThan(5);
    for (const n of notes) expect(knownNote(n), n).toBe(true);
  });

  it('gives each note back word for word in English, and in French with the quoted words kept', () => {
    for (const n of notes) expect(noteWords(n)).toBe(n);
    setPageLocale('fr');
    overwriteGetLocale(() => 'fr');
    try {
      const kept = notes.find((n) => n.startsWith('kept "seven"'))!;
      expect(noteWords(kept)).toBe('«\u202fseven\u202f» gardé → top right (d’après "up", "top", "right")');
      for (const n of notes) expect(noteWords(n)).not.toBe(n);
    } finally {
      setPageLocale('en');
      overwriteGetLocale(() => 'en');
    }
  });
});
