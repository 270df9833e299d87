/**
 * The prompt rewriter's notes (src/text/condense.ts writes them in English,
 * for its tests and the command line) in the reader's language. Each note's
 * pattern is matched here; the words it quotes are the prompt's and the
 * model's own (English model vocabulary), so they stay as they are. A note of
 * an unknown shape is shown as it came.
 */
import { m } from '../../i18n/messages';

const RULES: readonly [RegExp, (g: string[]) => string][] = [
  [/^dropped "(.*)": only "(.*)" given, a cell needs top\/bottom and left\/right$/, ([w, has]) => m.note_dropped_half({ word: w, has })],
  [/^dropped "(.*)": no position given$/, ([w]) => m.note_dropped_no_position({ word: w })],
  [/^dropped "(.*)": the (.*) cell already holds a digit$/, ([w, cell]) => m.note_dropped_taken({ word: w, cell })],
  [/^dropped "(.*)": the model draws at most two digits$/, ([w]) => m.note_dropped_two({ word: w })],
  [/^kept "(.*)" → (.*) \(from (.*)\)$/, ([w, cell, from]) => m.note_kept({ word: w, cell, from })],
  [/^ignored (\d+) filler words?$/, ([n]) => (n === '1' ? m.note_filler_one({ n }) : m.note_filler({ n }))],
  [/^no digit with a position found: the model gets an empty prompt \(unconditional\)$/, () => m.note_nothing()],
  [/^ignored "(.*)" before "(.*)": read as a count, not a digit to draw$/, ([w, next]) => m.note_count({ word: w, next })],
  [/^ignored "(.*)": the model draws single digits 0–9$/, ([w]) => m.note_single({ word: w })],
];

/** Whether a note has a known shape (and so is translated). */
export function knownNote(note: string): boolean {
  return RULES.some(([re]) => re.test(note));
}

export function noteWords(note: string): string {
  for (const [re, say] of RULES) {
    const hit = re.exec(note);
    if (hit) return say(hit.slice(1));
  }
  return note;
}
