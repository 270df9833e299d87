import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { frenchTypography } from '../../../src/i18n/format';
import { LOCALES } from '../../../src/i18n/locale';
import { m } from '../../../src/i18n/messages';

const load = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, load(l)]));
const keys = (c: Record<string, string>) => Object.keys(c).filter((k) => k !== '$schema').sort();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('message catalogues', () => {
  it('has every key in every language', () => {
    const en = keys(catalogues.en);
    expect(en.length).toBeGreaterThan(50);
    for (const l of LOCALES) expect(keys(catalogues[l]), l).toEqual(en);
  });

  it('has the same placeholders in every language', () => {
    for (const k of keys(catalogues.en)) {
      for (const l of LOCALES) expect(placeholders(catalogues[l][k]), `${l}: ${k}`).toEqual(placeholders(catalogues.en[k]));
    }
  });

  it('has no empty message', () => {
    for (const l of LOCALES) for (const k of keys(catalogues[l])) expect(catalogues[l][k].trim(), `${l}: ${k}`).not.toBe('');
  });

  it('writes French punctuation with a narrow no-break space before : ; ! ? and inside « »', () => {
    for (const k of keys(catalogues.fr)) expect(catalogues.fr[k], k).toBe(frenchTypography(catalogues.fr[k]));
  });

  it('compiles to message functions that answer in the asked locale, placeholders filled', () => {
    expect(m.fig_scene_of({ i: 2, n: 5 }, { locale: 'en' })).toBe('2 of 5');
    expect(m.fig_scene_of({ i: 2, n: 5 }, { locale: 'fr' })).toBe('2 sur 5');
    expect(m.header_lesson_link({ number: 3, title: 'X' }, { locale: 'fr' })).toBe('Leçon 3\u202f: X');
    // Node has no page: the base locale.
    expect(m.fig_present()).toBe('Present');
  });
});
