/**
 * Every lesson's course data (goals, exercises, recap), by slug, and the link
 * an exercise opens.
 */
import type { Exercise, LessonCourse } from './types';
import { translatedCourses, translatedGlossary, type Glossary } from '../translations';
import { glossary } from './glossary';
import { localizePath, pageLocale } from '../../src/i18n/locale';
import { course as whatIsDiffusion } from './01-what-is-diffusion';
import { course as forwardProcess } from './02-forward-process';
import { course as noiseSchedules } from './03-noise-schedules';
import { course as denoiserTraining } from './04-denoiser-training';
import { course as reverseProcess } from './05-reverse-process';
import { course as textConditioning } from './06-text-conditioning';
import { course as classifierFreeGuidance } from './07-classifier-free-guidance';
import { course as dalleVsMidjourney } from './08-dalle-vs-midjourney';

export type { Exercise, ExerciseLink, LessonCourse } from './types';

export const courses: Readonly<Record<string, LessonCourse>> = {
  'what-is-diffusion': whatIsDiffusion,
  'forward-process': forwardProcess,
  'noise-schedules': noiseSchedules,
  'denoiser-training': denoiserTraining,
  'reverse-process': reverseProcess,
  'text-conditioning': textConditioning,
  'classifier-free-guidance': classifierFreeGuidance,
  'dalle-vs-midjourney': dalleVsMidjourney,
};

/** The lesson an exercise's link opens. */
export function exerciseTarget(slug: string, ex: Exercise): string {
  return ex.link.lesson ?? slug;
}

/** The URL an exercise opens: that lesson, with the state set, scrolled to the figure. */
export function exerciseHref(slug: string, ex: Exercise): string {
  const q = new URLSearchParams(ex.link.state).toString();
  return `${localizePath(`/lessons/${exerciseTarget(slug, ex)}/`)}${q ? `?${q}` : ''}#fig-${ex.link.figure}`;
}

/** A lesson's course data in the page's language; English where no translation exists yet. */
export function courseFor(slug: string): LessonCourse {
  return translatedCourses[pageLocale()]?.[slug] ?? courses[slug];
}

/** The glossary in the page's language. */
export function glossaryFor(): Glossary {
  return translatedGlossary[pageLocale()] ?? glossary;
}
