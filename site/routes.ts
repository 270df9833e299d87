/**
 * URL → page. Lessons live at /lessons/<slug>/ so each has a real path that a
 * static host can serve (the build writes one index.html per lesson).
 */
import { lessonBySlug, type LessonEntry } from '../lessons/registry';
import { lessonFigures } from '../lessons/figures';

export type Route =
  | { kind: 'home' }
  | { kind: 'lesson'; lesson: LessonEntry }
  | { kind: 'check' }
  | { kind: 'embed'; lesson: LessonEntry; figure: string }
  | { kind: 'teach' }
  | { kind: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/index\.html$/, '/').replace(/\/+$/, '') || '/';
  if (path === '/') return { kind: 'home' };
  if (path === '/check') return { kind: 'check' };
  if (path === '/teach') return { kind: 'teach' };
  const m = /^\/lessons\/([a-z0-9-]+)$/.exec(path);
  if (m) {
    const lesson = lessonBySlug(m[1]);
    if (lesson) return { kind: 'lesson', lesson };
  }
  const e = /^\/embed\/([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(path);
  if (e) {
    const lesson = lessonBySlug(e[1]);
    if (lesson && lessonFigures[lesson.slug]?.includes(e[2])) return { kind: 'embed', lesson, figure: e[2] };
  }
  return { kind: 'not-found', path: pathname };
}

export function routeTitle(route: Route): string {
  const site = 'Diffusion, demystified';
  switch (route.kind) {
    case 'home':
      return site;
    case 'lesson':
      return `${route.lesson.number}. ${route.lesson.title} · ${site}`;
    case 'check':
      return `System check · ${site}`;
    case 'embed':
      return `${route.lesson.number}. ${route.lesson.title} · ${site}`;
    case 'teach':
      return `For teachers · ${site}`;
    case 'not-found':
      return `Page not found · ${site}`;
  }
}
