import { afterEach, describe, expect, it } from 'vitest';
import { READABLE_STEPS } from '../../../../src/train/lab-estimate';
import { ACCURACY_NOTES, LAB_NOTES } from '../../../../src/workers/training/protocol';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../../../src/train/lab-settings';
import { FAILURE_CODES } from '../../../../src/failures/failure-codes';
import { accuracyWords, estimateWords, labErrorWords, noteWords } from '../../../../src/widgets/training/lab-words';
import { inBoth, useLocale } from '../../i18n/page-locale';

afterEach(() => useLocale('en'));

describe('the training lab’s words for what its worker sends', () => {
  it.for([...LAB_NOTES])('note %s is worded in each language', (note) => {
    const { en, fr } = inBoth(() => noteWords(note));
    expect(en).not.toBe(fr);
    expect(fr.length).toBeGreaterThan(5);
  });

  it.for([...ACCURACY_NOTES])('accuracy note %s is worded in each language', (note) => {
    const { en, fr } = inBoth(() => accuracyWords(note, 'HTTP 404'));
    expect(en).not.toBe(fr);
  });

  it.for([...FAILURE_CODES])('failure %s becomes a sentence of the lab in each language', (code) => {
    const { en, fr } = inBoth(() => labErrorWords(code, 'Some English detail'));
    expect(en).not.toBe(fr);
    expect(fr).toMatch(/[.)]$/);
    // The detail may follow, never lead: the reader's words come first.
    expect(fr.startsWith('Some English detail')).toBe(false);
  });

  it('says that the last save survives a full browser', () => {
    expect(inBoth(() => labErrorWords('storage-full', '')).fr).toContain('Le dernier enregistrement est intact');
  });

  it('gives the time estimate with the locale’s decimal mark, or says why there is none', () => {
    const { en, fr } = inBoth(() => estimateWords(1500, DEFAULT_SETTINGS));
    const minutes = Math.ceil((READABLE_STEPS * 1.5) / 60);
    expect(en).toBe(`About ${minutes} minutes to readable digits here: the quality line reaches 80% in ≈ ${READABLE_STEPS} steps, at 1.5 s per step as measured on this machine.`);
    expect(fr).toContain(`${minutes} minutes`);
    expect(fr).toContain('1,5 s par pas');
    expect(inBoth(() => estimateWords(0, DEFAULT_SETTINGS)).en).toMatch(/measuring/);
    // Before Start it says what will happen, not that it is measuring; paused with a model, nothing.
    expect(inBoth(() => estimateWords(0, DEFAULT_SETTINGS, 0, false)).en).toMatch(/^Press Start training: after its first few steps/);
    expect(inBoth(() => estimateWords(0, DEFAULT_SETTINGS, 120, false)).en).toBe('');
    expect(inBoth(() => estimateWords(1500, normaliseSettings({ ...DEFAULT_SETTINGS, batch: 64 }))).fr).toMatch(/^Pas d’estimation/);
  });
});
