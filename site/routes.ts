/**
 * URL → page. Lessons live at /lessons/<slug>/ so each has a real path that a
 * static host can serve (the build writes one index.html per lesson); the
 * French edition is the same tree under /fr/.
 */
import { lessonBySlug, type LessonEntry } from '../lessons/registry';
import { lessonFigures } from '../lessons/figures';
import { stripLocale } from '../src/i18n/locale';
import { m } from '../src/i18n/messages';

export type Route =
  | { kind: 'home' }
  | { kind: 'lesson'; lesson: LessonEntry }
  | { kind: 'check' }
  | { kind: 'embed'; lesson: LessonEntry; figure: string }
  | { kind: 'teach' }
  | { kind: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const path = stripLocale(pathname).replace(/\/index\.html$/, '/').replace(/\/+$/, '') || '/';
  if (path === '/') return { kind: 'home' };
  if (path === '/check') return { kind: 'check' };
  if (path === '/teach') return { kind: 'teach' };
  const l = /^\/lessons\/([a-z0-9-]+)$/.exec(path);
  if (l) {
    const lesson = lessonBySlug(l[1]);
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
  const site = m.site_name();
  switch (route.kind) {
    case 'home':
      return site;
    case 'lesson':
    case 'embed':
      return m.title_lesson({ number: route.lesson.number, title: route.lesson.title, site });
    case 'check':
      return m.title_page({ page: m.check_title(), site });
    case 'teach':
      return m.title_page({ page: m.teach_title(), site });
    case 'not-found':
      return m.title_page({ page: m.not_found_title(), site });
  }
}
