import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lessons, lessonBySlug } from '../../../lessons/registry';
import { courses, exerciseHref, exerciseTarget } from '../../../lessons/course';
import { lessonUrlSpecs } from '../../../lessons/course/url-specs';
import { readParams } from '../../../src/page/url-params';

const source = (slug: string) => {
  const l = lessonBySlug(slug)!;
  return readFileSync(`lessons/${String(l.number).padStart(2, '0')}-${slug}.svelte`, 'utf8');
};

describe('course data', () => {
  it('is given to each lesson page (English and French) from that lesson’s own course file, and only that one', () => {
    for (const l of lessons) {
      const name = `${String(l.number).padStart(2, '0')}-${l.slug}`;
      for (const [file, from] of [[`lessons/${name}.svelte`, `./course/${name}`], [`lessons/fr/${name}.svelte`, `../course/fr/${name}`]]) {
        const src = readFileSync(file, 'utf8');
        expect(src.match(/import \{ course \} from '[^']+'/g), file).toEqual([`import { course } from '${from}'`]);
        expect(src, file).not.toMatch(/<(Goals|Recap|Exercise)(?![^>]*\{course\})[^>]*>/);
      }
    }
  });

  it('gives every lesson 2–4 goals, a recap, a way on and 2–3 exercises, and nothing for lessons that do not exist', () => {
    expect(Object.keys(courses).sort()).toEqual(lessons.map((l) => l.slug).sort());
    for (const l of lessons) {
      const c = courses[l.slug];
      expect(c.goals.length, l.slug).toBeGreaterThanOrEqual(2);
      expect(c.goals.length, l.slug).toBeLessThanOrEqual(4);
      expect(c.recap.length, l.slug).toBeGreaterThanOrEqual(2);
      expect(c.next.trim().length, l.slug).toBeGreaterThan(20);
      expect(c.exercises.length, l.slug).toBeGreaterThanOrEqual(2);
      expect(c.exercises.length, l.slug).toBeLessThanOrEqual(3);
      const ids = c.exercises.map((e) => e.id);
      expect(new Set(ids).size, l.slug).toBe(ids.length);
      for (const e of c.exercises) {
        for (const text of [e.question, e.look, e.answer, e.link.label]) expect(text.trim().length, e.id).toBeGreaterThan(5);
      }
    }
  });

  it('places the goals, the recap and each exercise in its own lesson file, once', () => {
    for (const l of lessons) {
      const src = source(l.slug);
      expect(src.split(`<Goals {course} />`).length - 1, l.slug).toBe(1);
      expect(src.split(`<Recap slug="${l.slug}" {course} />`).length - 1, l.slug).toBe(1);
      // Goals come before any exercise, the recap after every one.
      const goals = src.indexOf('<Goals ');
      const recap = src.indexOf('<Recap ');
      for (const e of courses[l.slug].exercises) {
        const tag = `<Exercise slug="${l.slug}" {course} id="${e.id}" />`;
        expect(src.split(tag).length - 1, tag).toBe(1);
        expect(src.indexOf(tag)).toBeGreaterThan(goals);
        expect(src.indexOf(tag)).toBeLessThan(recap);
      }
    }
  });

  it('links every exercise to a figure of an existing lesson, with keys of that lesson’s URL state whose values read back as written', () => {
    for (const l of lessons) {
      for (const e of courses[l.slug].exercises) {
        const target = exerciseTarget(l.slug, e);
        expect(lessonBySlug(target), e.id).toBeDefined();
        expect(source(target), `${e.id}: figure ${e.link.figure}`).toContain(`<Figure id="${e.link.figure}"`);
        const specs = lessonUrlSpecs[target];
        const entries = Object.entries(e.link.state);
        expect(entries.length, `${e.id} sets no state`).toBeGreaterThan(0);
        for (const [key, value] of entries) {
          const spec = specs.find((s) => key in s);
          expect(spec, `${e.id}: ${key} is not a URL key of ${target}`).toBeDefined();
          const p = spec![key];
          const parsed = p.parse(value);
          expect(parsed, `${e.id}: ${key}=${value} does not parse`).not.toBeUndefined();
          expect(p.format(parsed), `${e.id}: ${key}=${value} is clamped or rewritten`).toBe(value);
          expect(value, `${e.id}: ${key}=${value} is the default, so the link changes nothing`).not.toBe(p.format(p.default));
        }
        // The whole link, read the way the page reads it, gives those values.
        const href = exerciseHref(l.slug, e);
        const url = new URL(href, 'http://x');
        expect(url.pathname).toBe(`/lessons/${target}/`);
        expect(url.hash).toBe(`#fig-${e.link.figure}`);
        for (const spec of specs) {
          const values = readParams(spec, url.search) as Record<string, unknown>;
          for (const [key, value] of entries) if (key in spec) expect(spec[key].format(values[key])).toBe(value);
        }
      }
    }
  });

  it('keeps no two figures of one lesson on the same URL key', () => {
    for (const [slug, specs] of Object.entries(lessonUrlSpecs)) {
      const keys = specs.flatMap((s) => Object.keys(s));
      expect(new Set(keys).size, slug).toBe(keys.length);
    }
  });
});

describe('course text subscripts', () => {
  it('sets x_t and x_{t−1} as subscripts and leaves the rest alone', async () => {
    const { subscriptRuns } = await import('../../../src/widgets/course/subscripts');
    expect(subscriptRuns('x_t = √ᾱ_t x₀ + x_{t−1}')).toEqual([
      { text: 'x', sub: false },
      { text: 't', sub: true },
      { text: ' = √ᾱ', sub: false },
      { text: 't', sub: true },
      { text: ' x₀ + x', sub: false },
      { text: 't−1', sub: true },
    ]);
    expect(subscriptRuns('no subscript')).toEqual([{ text: 'no subscript', sub: false }]);
  });
});
