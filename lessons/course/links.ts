/** The link an exercise opens: a lesson (its own by default) with a state, scrolled to a figure. */
import type { Exercise } from './types';
import { localizePath } from '../../src/i18n/locale';

/** The lesson an exercise's link opens. */
export function exerciseTarget(slug: string, ex: Exercise): string {
  return ex.link.lesson ?? slug;
}

/** The URL an exercise opens: that lesson, with the state set, scrolled to the figure. */
export function exerciseHref(slug: string, ex: Exercise): string {
  const q = new URLSearchParams(ex.link.state).toString();
  return `${localizePath(`/lessons/${exerciseTarget(slug, ex)}/`)}${q ? `?${q}` : ''}#fig-${ex.link.figure}`;
}
