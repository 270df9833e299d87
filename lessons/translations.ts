/**
 * Where a translated edition plugs in: each language's lesson files
 * (lessons/<locale>/NN-slug.svelte), course data (lessons/course/<locale>/),
 * glossary, scene names (lessons/scenes/<locale>/names.ts) and lesson titles
 * (lessons/registry-<locale>.ts), found by file name
 * at build time. A file that is not there yet leaves that piece in English; the
 * unit test "every lesson exists in both languages" says which.
 */
import type { Component } from 'svelte';
import { registerLessonText, type LessonText } from './registry';
import type { glossary } from './course/glossary';
import type { Locale } from '../src/i18n/locale';

type Loader = () => Promise<{ default: Component }>;
export type Glossary = { readonly [K in keyof typeof glossary]: { readonly term: string; readonly def: string } };

/** ./fr/03-noise-schedules.svelte → noise-schedules */
export function slugOfFile(path: string): string {
  return path.replace(/^.*\//, '').replace(/^\d+-/, '').replace(/\.(svelte|ts)$/, '');
}

export function bySlug<T, U>(files: Record<string, T>, pick: (m: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(files).map(([path, mod]) => [slugOfFile(path), pick(mod)]));
}

const frText = import.meta.glob<{ lessonTextFr: LessonText }>('./registry-fr.ts', { eager: true });
const frBodies = import.meta.glob<{ default: Component }>('./fr/[0-9]*.svelte');
const frGlossary = import.meta.glob<{ glossary: Glossary }>('./course/fr/glossary.ts', { eager: true });
/** Scene names by lesson and figure, in the order of the English scenes; loaded with the scenes. */
export type SceneNames = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
const frSceneNames = import.meta.glob<{ sceneNamesFr: SceneNames }>('./scenes/fr/names.ts');

for (const mod of Object.values(frText)) registerLessonText('fr', mod.lessonTextFr);

/** Lesson bodies by locale and slug (English ones live in lessons/pages.ts). */
export const translatedBodies: Partial<Record<Locale, Readonly<Record<string, Loader>>>> = {
  fr: bySlug(frBodies, (load) => load),
};

/** The scene names by locale, loaded on demand. */
export const translatedSceneNames: Partial<Record<Locale, () => Promise<SceneNames>>> = Object.fromEntries(
  Object.values(frSceneNames).map((load) => ['fr', () => load().then((m) => m.sceneNamesFr)]),
);

/** The glossary by locale. */
export const translatedGlossary: Partial<Record<Locale, Glossary>> = Object.fromEntries(
  Object.values(frGlossary).map((m) => ['fr', m.glossary]),
);
