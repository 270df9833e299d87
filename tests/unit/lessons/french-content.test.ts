/**
 * The French edition's content against the English one: every lesson, course
 * entry, glossary entry and lesson title has its French twin with the same ids,
 * exercise links and widgets, and the French holds no untranslated English and
 * follows French typography in its prose.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { lessons } from '../../../lessons/registry';
import { lessonTextFr } from '../../../lessons/registry-fr';
import { courses } from '../../../lessons/course';
import type { LessonCourse } from '../../../lessons/course/types';
import { glossary } from '../../../lessons/course/glossary';
import { glossary as glossaryFr } from '../../../lessons/course/fr/glossary';
import { course as fr1 } from '../../../lessons/course/fr/01-what-is-diffusion';
import { course as fr2 } from '../../../lessons/course/fr/02-forward-process';
import { course as fr3 } from '../../../lessons/course/fr/03-noise-schedules';
import { course as fr4 } from '../../../lessons/course/fr/04-denoiser-training';
import { course as fr5 } from '../../../lessons/course/fr/05-reverse-process';
import { course as fr6 } from '../../../lessons/course/fr/06-text-conditioning';
import { course as fr7 } from '../../../lessons/course/fr/07-classifier-free-guidance';
import { course as fr8 } from '../../../lessons/course/fr/08-dalle-vs-midjourney';
import { lessonScenes } from '../../../lessons/scenes';
import { sceneNamesFr } from '../../../lessons/scenes/fr/names';

const coursesFr: Record<string, LessonCourse> = {
  'what-is-diffusion': fr1,
  'forward-process': fr2,
  'noise-schedules': fr3,
  'denoiser-training': fr4,
  'reverse-process': fr5,
  'text-conditioning': fr6,
  'classifier-free-guidance': fr7,
  'dalle-vs-midjourney': fr8,
};

const fileName = (l: { number: number; slug: string }) => `${String(l.number).padStart(2, '0')}-${l.slug}.svelte`;
const englishPath = (l: { number: number; slug: string }) => `lessons/${fileName(l)}`;
const frenchPath = (l: { number: number; slug: string }) => `lessons/fr/${fileName(l)}`;
const read = (p: string) => readFileSync(p, 'utf8');

// ---------------------------------------------------------------------------
// A small scanner for lesson files: markup outside <script> and <style>, in
// which tags and {expressions} are skipped as wholes (a `>` inside maths such
// as tex="w > 1", or a `{` inside a String.raw, must not end them early).

interface Tag {
  name: string;
  attrs: Record<string, string>;
  raw: string;
}

function markupOf(src: string): string {
  return src
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}

/** Index just past the `}` that closes the `{` at i. */
function endOfExpression(s: string, i: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '`' || c === '"' || c === "'") {
      // Quotes only count inside an expression; a lone apostrophe in prose never reaches here.
      if (depth > 0) quote = c;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  throw new Error(`unclosed { at ${i}`);
}

/** Index just past the `>` that closes the tag opened at i. */
function endOfTag(s: string, i: number): number {
  let quote: string | null = null;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{') j = endOfExpression(s, j) - 1;
    else if (c === '>') return j + 1;
  }
  throw new Error(`unclosed tag at ${i}`);
}

function parseTag(raw: string): Tag {
  const name = /^<\/?([A-Za-z][\w.-]*)/.exec(raw)?.[1] ?? '';
  const attrs: Record<string, string> = {};
  for (const m of raw.matchAll(/\s([\w-]+)="([^"]*)"/g)) attrs[m[1]] = m[2];
  return { name, attrs, raw };
}

type Piece = { kind: 'text'; text: string } | { kind: 'tag'; tag: Tag } | { kind: 'expr'; text: string };

function scan(src: string): Piece[] {
  const s = markupOf(src);
  const out: Piece[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === '<' && /[A-Za-z/]/.test(s[i + 1] ?? '')) {
      const j = endOfTag(s, i);
      out.push({ kind: 'tag', tag: parseTag(s.slice(i, j)) });
      i = j;
    } else if (s[i] === '{') {
      const j = endOfExpression(s, i);
      out.push({ kind: 'expr', text: s.slice(i, j) });
      i = j;
    } else {
      let j = i;
      while (j < s.length && !(s[j] === '{' || (s[j] === '<' && /[A-Za-z/]/.test(s[j + 1] ?? '')))) j++;
      out.push({ kind: 'text', text: s.slice(i, j) });
      i = j;
    }
  }
  return out;
}

/** Capitalised components, in order, except the inline maths (compared apart). */
function components(src: string): string[] {
  return scan(src)
    .filter((p): p is { kind: 'tag'; tag: Tag } => p.kind === 'tag')
    .map((p) => p.tag)
    .filter((t) => /^[A-Z]/.test(t.name) && !t.raw.startsWith('</') && t.name !== 'Tex')
    .map((t) => {
      const keys = ['id', 'slug', 'k', 'tone'].filter((k) => k in t.attrs).map((k) => `${k}=${t.attrs[k]}`);
      return [t.name, ...keys].join(' ');
    });
}

/** The maths of every <Tex>, with the words of \text{…} left out (they are translated). */
function maths(src: string): string[] {
  const out: string[] = [];
  for (const p of scan(src)) {
    if (p.kind !== 'tag' || p.tag.name !== 'Tex') continue;
    const m = /\stex=(?:"([^"]*)"|\{String\.raw`([\s\S]*?)`\}|\{'([^']*)'\})/.exec(p.tag.raw);
    expect(m, p.tag.raw).not.toBeNull();
    // French writes a decimal comma in its formulas, 0{,}02 for 0.02.
    out.push((m![1] ?? m![2] ?? m![3]).replace(/\\text\{[^}]*\}/g, '\\text{}').replace(/(\d)\{,\}(\d)/g, '$1.$2'));
  }
  return out;
}

function imports(src: string, dir: string): string[] {
  const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(src)?.[1] ?? '';
  return [...script.matchAll(/from '([^']+)'/g)].map((m) => posix.join(dir, m[1])).sort();
}

const BLOCK = /^(p|li|h2|h3|td|th|caption|ol|ul|tr|table|thead|tbody|div|Callout|Convention|GoingFurther|Figure|Row|Wide)$/;

/**
 * The reader-visible prose of a lesson, one string per block (paragraph, list
 * item, heading, caption…), plus the values of title/label/alt attributes.
 * With `quoted: false`, what may rightly stay English is left out: <em> (paper
 * titles, English terms), <code>, and «…» quotations (prompts the model reads).
 */
function prose(src: string, { quoted }: { quoted: boolean }): string[] {
  const blocks: string[] = [];
  let cur = '';
  let skip = 0;
  const flush = () => {
    // Only ASCII white space: \s would also swallow the narrow no-break spaces under test.
    if (cur.trim()) blocks.push(cur.replace(/[ \t\r\n]+/g, ' ').trim());
    cur = '';
  };
  for (const p of scan(src)) {
    if (p.kind === 'expr') {
      if (/^\{[#/:]/.test(p.text)) flush();
      continue;
    }
    if (p.kind === 'tag') {
      const t = p.tag;
      const closing = t.raw.startsWith('</');
      if (!quoted && (t.name === 'em' || t.name === 'code')) skip += closing ? -1 : 1;
      if (BLOCK.test(t.name)) flush();
      for (const a of ['title', 'label', 'alt', 'aria-label']) if (a in t.attrs && !closing) blocks.push(t.attrs[a]);
      continue;
    }
    if (skip === 0) cur += p.text;
  }
  flush();
  return quoted ? blocks : blocks.map((b) => b.replace(/«[^»]*»/g, '« »'));
}

// The commonest English function words that are not also French words ("on",
// "a", "as", "est" are left out on purpose).
const ENGLISH = new Set(
  'the and of to is that it with for this are from by be which what when its their into than but was were has have will would can not you your we'.split(
    ' ',
  ),
);
const englishWords = (text: string) =>
  (text.replace(/«[^»]*»/g, ' ').toLowerCase().match(/[a-z’']+/g) ?? []).filter((w) => ENGLISH.has(w));

function checkNoEnglish(text: string, where: string) {
  const eng = englishWords(text);
  expect(eng.length, `${where}: English words ${eng.join(', ')} in “${text}”`).toBeLessThan(3);
}

function checkTypography(text: string, where: string) {
  // A narrow no-break space (U+202F), never a plain or missing space, before : ; ! ?
  expect(text, `${where}: space before a high punctuation mark`).not.toMatch(/[ \u00a0][:;!?]/);
  expect(text, `${where}: guillemets need a narrow no-break space`).not.toMatch(/«[^\u202f]|[^\u202f]»/);
  expect(text, `${where}: straight apostrophe`).not.toMatch(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/);
  expect(text, `${where}: decimal point in French prose`).not.toMatch(/\d\.\d/);
}

/** Checks shared by lesson prose and course strings: no leftover English, French typography. */
function checkFrench(text: string, where: string) {
  checkNoEnglish(text, where);
  checkTypography(text, where);
}

const courseTexts = (c: LessonCourse): string[] => [
  ...c.goals,
  ...c.recap,
  c.next,
  ...c.exercises.flatMap((e) => [e.question, e.look, e.answer, e.link.label]),
];

// ---------------------------------------------------------------------------

describe('French lesson files', () => {
  it('exist for every lesson of the registry, and for no other', () => {
    for (const l of lessons) expect(existsSync(frenchPath(l)), frenchPath(l)).toBe(true);
    expect(Object.keys(coursesFr).sort()).toEqual(lessons.map((l) => l.slug).sort());
  });

  it('import the same modules as the English file, from one folder deeper (their course data from its French twin)', () => {
    for (const l of lessons) {
      const fr = imports(read(frenchPath(l)), 'lessons/fr').map((p) => p.replace(/^lessons\/course\/fr\//, 'lessons/course/')).sort();
      expect(fr, l.slug).toEqual(imports(read(englishPath(l)), 'lessons'));
    }
  });

  it('place the same components with the same ids, slugs, glossary keys and tones, in the same order', () => {
    for (const l of lessons) {
      const en = components(read(englishPath(l)));
      expect(en.length, l.slug).toBeGreaterThan(3);
      expect(components(read(frenchPath(l))), l.slug).toEqual(en);
    }
  });

  it('keep every equation as it is (only the words of \\text{…} change)', () => {
    for (const l of lessons) {
      // As multisets: a French sentence may name two symbols in the other order.
      expect(maths(read(frenchPath(l))).sort(), l.slug).toEqual(maths(read(englishPath(l))).sort());
    }
  });

  it('write decimals in formulas with a comma, 0{,}02', () => {
    for (const l of lessons) {
      const raw = [...read(frenchPath(l)).matchAll(/<Tex\b[^>]*?\stex=(?:"([^"]*)"|\{String\.raw`([\s\S]*?)`\}|\{'([^']*)'\})/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      expect(raw.filter((t) => /\d\.\d/.test(t)), l.slug).toEqual([]);
    }
  });

  it('link to the same lessons as the English file, under /fr/', () => {
    const slugs = new Set(lessons.map((l) => l.slug));
    for (const l of lessons) {
      const hrefs = (src: string) => [...markupOf(src).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      const fr = hrefs(read(frenchPath(l)));
      const en = hrefs(read(englishPath(l)));
      expect(fr.map((h) => h.replace(/^\/fr\//, '/')), l.slug).toEqual(en);
      for (const h of fr) {
        expect(h, l.slug).toMatch(/^\/fr\/lessons\/[\w-]+\/$/);
        expect(slugs.has(h.split('/')[3]), h).toBe(true);
      }
    }
  });

  it('hold no untranslated English paragraph, and follow French typography', () => {
    for (const l of lessons) {
      const fr = prose(read(frenchPath(l)), { quoted: false });
      const en = new Set(prose(read(englishPath(l)), { quoted: true }));
      expect(fr.length, l.slug).toBeGreaterThan(10);
      for (const block of fr) checkNoEnglish(block, l.slug);
      for (const block of prose(read(frenchPath(l)), { quoted: true })) {
        if (block.length > 40) expect(en.has(block), `${l.slug}: copied from the English: ${block}`).toBe(false);
        checkTypography(block, l.slug);
      }
    }
  });

  it('say plainly, wherever the reader types a prompt, that the model reads English only', () => {
    const promptFigures = ['attention-explorer', 'guidance-predictions', 'guidance-grid', 'dalle-styles', 'prompt-condense'];
    for (const l of lessons) {
      const src = read(frenchPath(l));
      for (const id of promptFigures) {
        const at = src.indexOf(`<Figure id="${id}"`);
        if (at < 0) continue;
        const figure = src.slice(at, src.indexOf('</Figure>', at));
        expect(figure, `${l.slug}: ${id}`).toContain('Le modèle ne comprend que l’anglais');
      }
    }
  });
});

describe('French course data', () => {
  it('mirrors the English: as many goals and recap lines, the same exercises with the same links', () => {
    for (const l of lessons) {
      const en = courses[l.slug];
      const fr = coursesFr[l.slug];
      expect(fr.goals.length, l.slug).toBe(en.goals.length);
      expect(fr.recap.length, l.slug).toBe(en.recap.length);
      expect(fr.exercises.map((e) => e.id), l.slug).toEqual(en.exercises.map((e) => e.id));
      fr.exercises.forEach((e, i) => {
        const { label: _fr, ...frLink } = e.link;
        const { label: _en, ...enLink } = en.exercises[i].link;
        expect(frLink, e.id).toEqual(enLink);
      });
    }
  });

  it('is translated: no string equal to its English twin, no English sentence, French typography', () => {
    for (const l of lessons) {
      const en = new Set(courseTexts(courses[l.slug]));
      for (const text of courseTexts(coursesFr[l.slug])) {
        expect(text.trim().length, l.slug).toBeGreaterThan(5);
        expect(en.has(text), `${l.slug}: untranslated “${text}”`).toBe(false);
        checkFrench(text, l.slug);
      }
    }
  });
});

describe('French glossary and lesson titles', () => {
  it('define every glossary word of the English, in French', () => {
    expect(Object.keys(glossaryFr).sort()).toEqual(Object.keys(glossary).sort());
    for (const [k, v] of Object.entries(glossaryFr)) {
      expect(v.term.trim().length, k).toBeGreaterThan(0);
      expect(v.def, k).not.toBe(glossary[k as keyof typeof glossary].def);
      checkFrench(v.def, `glossary ${k}`);
    }
  });

  it('give every lesson a French title and summary', () => {
    expect(Object.keys(lessonTextFr).sort()).toEqual(lessons.map((l) => l.slug).sort());
    for (const l of lessons) {
      const fr = lessonTextFr[l.slug];
      expect(fr.title, l.slug).not.toBe(l.title);
      expect(fr.summary, l.slug).not.toBe(l.summary);
      checkFrench(fr.title, l.slug);
      checkFrench(fr.summary, l.slug);
    }
  });
});

describe('French scene names', () => {
  it('name every scene of every figure, in French, in the English order', async () => {
    expect(Object.keys(sceneNamesFr).sort()).toEqual(lessons.map((l) => l.slug).sort());
    for (const l of lessons) {
      const { figures } = (await lessonScenes[l.slug]()).default;
      const fr = sceneNamesFr[l.slug];
      expect(Object.keys(fr).sort(), l.slug).toEqual(Object.keys(figures).sort());
      for (const [figure, { scenes }] of Object.entries(figures)) {
        expect(fr[figure].length, `${l.slug} ${figure}`).toBe(scenes.length);
        fr[figure].forEach((name, i) => {
          // A name that is only maths ("w = 3") reads the same in both languages.
          if (/[a-z]{3}/i.test(scenes[i].name)) expect(name, `${l.slug} ${figure} ${i}`).not.toBe(scenes[i].name);
          checkFrench(name, `${l.slug} ${figure} ${i}`);
        });
      }
    }
  });
});
