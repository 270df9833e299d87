/**
 * Every lesson and page exists in both languages. The French lesson files,
 * course data, glossary and titles are separate files (lessons/fr/,
 * lessons/course/fr/, lessons/registry-fr.ts); this test names whichever is
 * missing.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { lessons } from '../../../lessons/registry';
import { lessonFigures } from '../../../lessons/figures';
import { translatedBodies, translatedGlossary } from '../../../lessons/translations';
import { courses, translatedCourses } from '../../../lessons/course';
import { glossary } from '../../../lessons/course/glossary';
import { setPageLocale } from '../../../src/i18n/locale';

const file = (l: { number: number; slug: string }) => `${String(l.number).padStart(2, '0')}-${l.slug}`;
const figureIds = (src: string) => [...src.matchAll(/<Figure\s[^>]*\bid="([^"]+)"/g)].map((x) => x[1]);

describe('the French edition', () => {
  it.each(lessons.map((l) => [l.slug, l] as const))('has lesson %s: prose, course data and title', (slug, l) => {
    expect(existsSync(`lessons/fr/${file(l)}.svelte`), `lessons/fr/${file(l)}.svelte`).toBe(true);
    expect(existsSync(`lessons/course/fr/${file(l)}.ts`), `lessons/course/fr/${file(l)}.ts`).toBe(true);
    expect(translatedBodies.fr?.[slug], 'found by lessons/translations.ts').toBeTypeOf('function');
    expect(existsSync('lessons/registry-fr.ts'), 'lessons/registry-fr.ts').toBe(true);
    // The registry's entries read their title in the page's language.
    const english = { title: l.title, summary: l.summary };
    setPageLocale('fr');
    try {
      expect(l.title, 'French title').not.toBe(english.title);
      expect(l.summary, 'French summary').not.toBe(english.summary);
    } finally {
      setPageLocale('en');
    }
  });

  it.each(lessons.map((l) => [l.slug, l] as const))('places the same figures in lesson %s as in English', (slug, l) => {
    const fr = `lessons/fr/${file(l)}.svelte`;
    if (!existsSync(fr)) return expect.fail(`${fr} is missing`);
    expect(figureIds(readFileSync(fr, 'utf8'))).toEqual(figureIds(readFileSync(`lessons/${file(l)}.svelte`, 'utf8')));
    expect(figureIds(readFileSync(fr, 'utf8'))).toEqual(lessonFigures[slug]);
  });

  it.each(lessons.map((l) => [l.slug] as const))('has the same exercises (ids and links) in lesson %s', (slug) => {
    const fr = translatedCourses.fr?.[slug];
    if (!fr) return expect.fail(`no French course data for ${slug}`);
    const shape = (c: typeof fr) => c.exercises.map((e) => ({ id: e.id, lesson: e.link.lesson, figure: e.link.figure, state: e.link.state }));
    expect(shape(fr)).toEqual(shape(courses[slug]));
    expect(fr.goals.length).toBeGreaterThan(0);
    expect(fr.recap.length).toBeGreaterThan(0);
  });

  it('has a French glossary with every English term', () => {
    const fr = translatedGlossary.fr;
    if (!fr) return expect.fail('lessons/course/fr/glossary.ts is missing');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(glossary).sort());
  });
});
