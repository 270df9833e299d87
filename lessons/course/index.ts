/**
 * Every lesson's course data (goals, exercises, recap), by slug, in every
 * language: for tests and tools that look across lessons. A lesson page
 * imports only its own course file (lessons/NN-slug.svelte), so that a page
 * does not download the other lessons' exercises in two languages.
 */
import type { LessonCourse } from './types';
import type { Locale } from '../../src/i18n/locale';
import { bySlug } from '../translations';
import { course as whatIsDiffusion } from './01-what-is-diffusion';
import { course as forwardProcess } from './02-forward-process';
import { course as noiseSchedules } from './03-noise-schedules';
import { course as denoiserTraining } from './04-denoiser-training';
import { course as reverseProcess } from './05-reverse-process';
import { course as textConditioning } from './06-text-conditioning';
import { course as classifierFreeGuidance } from './07-classifier-free-guidance';
import { course as dalleVsMidjourney } from './08-dalle-vs-midjourney';

export type { Exercise, ExerciseLink, LessonCourse } from './types';
export { exerciseHref, exerciseTarget } from './links';

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

const frCourses = import.meta.glob<{ course: LessonCourse }>('./fr/[0-9]*.ts', { eager: true });

/** Course data by locale and slug, for the languages that have their own (English is `courses`). */
export const translatedCourses: Partial<Record<Locale, Readonly<Record<string, LessonCourse>>>> = {
  fr: bySlug(frCourses, (m) => m.course),
};
