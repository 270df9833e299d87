/**
 * Lesson bodies, loaded on demand so each lesson is its own chunk and a page
 * downloads only the widgets it shows.
 */
import type { Component } from 'svelte';
import { translatedBodies } from './translations';
import { pageLocale } from '../src/i18n/locale';

type Loader = () => Promise<{ default: Component }>;

export const lessonBodies: Record<string, Loader> = {
  'what-is-diffusion': () => import('./01-what-is-diffusion.svelte'),
  'forward-process': () => import('./02-forward-process.svelte'),
  'noise-schedules': () => import('./03-noise-schedules.svelte'),
  'denoiser-training': () => import('./04-denoiser-training.svelte'),
  'reverse-process': () => import('./05-reverse-process.svelte'),
  'text-conditioning': () => import('./06-text-conditioning.svelte'),
  'classifier-free-guidance': () => import('./07-classifier-free-guidance.svelte'),
  'dalle-vs-midjourney': () => import('./08-dalle-vs-midjourney.svelte'),
};

/** The lesson's body in the page's language; English where no translation exists yet. */
export function lessonBody(slug: string): Loader {
  return translatedBodies[pageLocale()]?.[slug] ?? lessonBodies[slug];
}
