/**
 * Every page a reader can open, in one list, for the tests that must hold on
 * all of them (hostile links, accessibility). A page added later (presenter
 * view, an embed, a French lesson) is covered by adding it here.
 */
import { lessons, lessonPath } from '../../lessons/registry';
import { lessonFigures } from '../../lessons/figures';

export interface SitePage {
  /** Short name for test titles and summaries. */
  name: string;
  /** Path (and any query) from the site's root. */
  path: string;
  /** A lesson: its body and figures must render. */
  lesson: boolean;
  /** An embed page: this figure alone, with no site header or page heading. */
  embed?: string;
  /** The lesson in presenter mode ("Present this lesson"), each figure in turn. */
  present?: boolean;
}

/** What shows that a page has rendered: the embedded figure, or the page's heading. */
export function readySelector(page: SitePage): string {
  return page.embed ? `figure[data-testid="${page.embed}"]` : '#main h1';
}

const presented = (n: number) => lessons.filter((l) => l.number === n).map((l) => ({ name: `lesson ${n} presented`, path: lessonPath(l), lesson: true, present: true }));

export const SITE_PAGES: readonly SitePage[] = [
  { name: 'home', path: '/', lesson: false },
  ...lessons.map((l) => ({ name: `lesson ${l.number}`, path: lessonPath(l), lesson: true })),
  { name: 'check', path: '/check/', lesson: false },
  { name: '404', path: '/404.html', lesson: false },
  // Presenter mode, one lesson of each kind: charts computed in the page (3), the model's samplers (5).
  ...presented(3),
  ...presented(5),
  ...Object.entries(lessonFigures).flatMap(([slug, ids]) => ids.map((id) => ({ name: `embed ${slug}/${id}`, path: `/embed/${slug}/${id}/`, lesson: false, embed: id }))),
];
