import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { lessons, lessonBySlug, lessonPath, neighbours } from '../../../lessons/registry';
import { lessonBodies } from '../../../lessons/pages';
import { parseRoute } from '../../../site/routes';

describe('lesson registry', () => {
  it('numbers the eight curriculum lessons 1..8 in order', () => {
    expect(lessons.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('has unique, URL-safe slugs and non-empty titles and summaries', () => {
    const slugs = lessons.map((l) => l.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const l of lessons) {
      expect(l.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(l.title.trim().length).toBeGreaterThan(3);
      expect(l.summary.trim().length).toBeGreaterThan(20);
    }
  });

  it('has a lesson body for every entry, and no body without an entry', () => {
    expect(Object.keys(lessonBodies).sort()).toEqual(lessons.map((l) => l.slug).sort());
    for (const [slug, n] of lessons.map((l) => [l.slug, l.number] as const)) {
      const file = `lessons/${String(n).padStart(2, '0')}-${slug}.svelte`;
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('links neighbours both ways and stops at the ends', () => {
    expect(neighbours(lessons[0].slug).prev).toBeUndefined();
    expect(neighbours(lessons[lessons.length - 1].slug).next).toBeUndefined();
    for (let i = 1; i < lessons.length; i++) {
      expect(neighbours(lessons[i].slug).prev?.slug).toBe(lessons[i - 1].slug);
      expect(neighbours(lessons[i - 1].slug).next?.slug).toBe(lessons[i].slug);
    }
    expect(neighbours('nope')).toEqual({});
  });
});

describe('routes', () => {
  it('maps every lesson path, with or without the trailing slash or index.html, to its lesson', () => {
    for (const l of lessons) {
      for (const p of [lessonPath(l), lessonPath(l).slice(0, -1), `${lessonPath(l)}index.html`]) {
        const r = parseRoute(p);
        expect(r.kind).toBe('lesson');
        if (r.kind === 'lesson') expect(r.lesson).toBe(lessonBySlug(l.slug));
      }
    }
  });

  it('knows home and the system check, and sends anything else to not-found', () => {
    expect(parseRoute('/').kind).toBe('home');
    expect(parseRoute('/index.html').kind).toBe('home');
    expect(parseRoute('/check/').kind).toBe('check');
    expect(parseRoute('/lessons/unknown/').kind).toBe('not-found');
    expect(parseRoute('/lessons/').kind).toBe('not-found');
    expect(parseRoute('/lessons/../etc').kind).toBe('not-found');
  });
});
