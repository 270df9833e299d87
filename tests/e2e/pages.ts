/**
 * Every page a reader can open, in one list, for the tests that must hold on
 * all of them (hostile links, accessibility). A page added later (presenter
 * view, an embed, a French lesson) is covered by adding it here.
 */
import { lessons, lessonPath } from '../../lessons/registry';

export interface SitePage {
  /** Short name for test titles and summaries. */
  name: string;
  /** Path (and any query) from the site's root. */
  path: string;
  /** A lesson: its body and figures must render. */
  lesson: boolean;
}

export const SITE_PAGES: readonly SitePage[] = [
  { name: 'home', path: '/', lesson: false },
  ...lessons.map((l) => ({ name: `lesson ${l.number}`, path: lessonPath(l), lesson: true })),
  { name: 'check', path: '/check/', lesson: false },
  { name: '404', path: '/404.html', lesson: false },
];
