/**
 * The ordered list of lessons: the one source the home page, the navigation,
 * the router and the static build all read. Plain data, so that the Vite
 * config can import it without touching any component.
 */
import { localizePath, pageLocale, type Locale } from '../src/i18n/locale.ts';

export interface LessonEntry {
  /** URL segment: /lessons/<slug>/ */
  slug: string;
  /** 1-based position in the curriculum. */
  number: number;
  title: string;
  /** One line for the table of contents. */
  summary: string;
  /** True once the lesson holds its live widgets; placeholders say so on the page. */
  ready: boolean;
}

const english: readonly LessonEntry[] = [
  {
    slug: 'what-is-diffusion',
    number: 1,
    title: 'What a diffusion model is',
    summary: 'Destroy an image with noise, then learn to undo it: the two phases behind DALL·E and Midjourney.',
    ready: true,
  },
  {
    slug: 'forward-process',
    number: 2,
    title: 'The forward process',
    summary: 'A Markov chain of small Gaussian steps turns any image into static, and one closed form jumps straight to any step.',
    ready: true,
  },
  {
    slug: 'noise-schedules',
    number: 3,
    title: 'Noise schedules',
    summary: 'Linear, cosine and friends decide how fast the signal fades; cosine keeps features longer.',
    ready: true,
  },
  {
    slug: 'denoiser-training',
    number: 4,
    title: 'The denoiser and its training',
    summary: 'A U-Net told the timestep learns to predict the noise; train one on real digits in this tab.',
    ready: true,
  },
  {
    slug: 'reverse-process',
    number: 5,
    title: 'The reverse process',
    summary: 'Start from pure noise and remove it step by step with DDPM or DDIM.',
    ready: true,
  },
  {
    slug: 'text-conditioning',
    number: 6,
    title: 'Text conditioning',
    summary: 'A text encoder and cross-attention let each region of the image attend to each word of the prompt.',
    ready: true,
  },
  {
    slug: 'classifier-free-guidance',
    number: 7,
    title: 'Classifier-free guidance',
    summary: 'Push the conditioned prediction away from the unconditioned one, and trade diversity for adherence.',
    ready: true,
  },
  {
    slug: 'dalle-vs-midjourney',
    number: 8,
    title: 'DALL·E vs Midjourney',
    summary: 'Same foundation, different defaults: guidance strength and how long prompts are handled.',
    ready: true,
  },
];

/** A lesson's title and summary in another language, keyed by slug (lessons/registry-<locale>.ts). */
export type LessonText = Readonly<Record<string, { title: string; summary: string }>>;
const translations: Partial<Record<Locale, LessonText>> = {};

/**
 * Gives the lessons their titles in `locale`. Called at start-up with the
 * translated registry (lessons/translations.ts), so that this file stays
 * plain data the build can read; a lesson without a translation keeps its
 * English title.
 */
export function registerLessonText(locale: Locale, text: LessonText): void {
  translations[locale] = text;
}

/** Each entry reads its title and summary in the page's language. */
export const lessons: readonly LessonEntry[] = english.map((e) => ({
  slug: e.slug,
  number: e.number,
  ready: e.ready,
  get title() {
    return translations[pageLocale()]?.[e.slug]?.title ?? e.title;
  },
  get summary() {
    return translations[pageLocale()]?.[e.slug]?.summary ?? e.summary;
  },
}));

export function lessonBySlug(slug: string): LessonEntry | undefined {
  return lessons.find((l) => l.slug === slug);
}

/** The lessons either side of `slug`, for previous/next navigation. */
export function neighbours(slug: string): { prev?: LessonEntry; next?: LessonEntry } {
  const i = lessons.findIndex((l) => l.slug === slug);
  if (i < 0) return {};
  return { prev: lessons[i - 1], next: lessons[i + 1] };
}

/** The lesson's page in the page's language (or `locale`): /lessons/<slug>/ or /fr/lessons/<slug>/. */
export function lessonPath(lesson: Pick<LessonEntry, 'slug'>, locale: Locale = pageLocale()): string {
  return localizePath(`/lessons/${lesson.slug}/`, locale);
}
