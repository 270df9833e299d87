/**
 * Every page a reader can open, in one list, for the tests that must hold on
 * all of them (hostile links, every-page). A page added later (presenter
 * view, an embed, a French lesson) is covered by adding it here.
 */
import { lessons, lessonPath } from '../../lessons/registry';
import { lessonFigures } from '../../lessons/figures';
import { lessonTextFr } from '../../lessons/registry-fr';
import { localizePath, type Locale } from '../../src/i18n/locale';

export interface SitePage {
  /** Short name for test titles and summaries. */
  name: string;
  /** Path (and any query) from the site's root. */
  path: string;
  /** A lesson: its body and figures must render. */
  lesson: boolean;
  /** The page's language, which `<html lang>` must say. */
  locale: Locale;
  /** A lesson's title in its language, which its heading and the page's title must show. */
  title?: string;
  /** An embed page: this figure alone, with no site header or page heading. */
  embed?: string;
  /** The lesson in presenter mode ("Present this lesson"), each figure in turn. */
  present?: boolean;
}

/** What shows that a page has rendered: the embedded figure, or the page's heading. */
export function readySelector(page: SitePage): string {
  return page.embed ? `figure[data-testid="${page.embed}"]` : '#main h1';
}

/** Every page of one edition; the English one at the site's root, the others under their /<locale>/ prefix. */
function editionPages(locale: Locale): SitePage[] {
  const tag = locale === 'en' ? '' : `${locale} `;
  const at = (path: string) => localizePath(path, locale);
  const titles: Record<Locale, (slug: string, english: string) => string> = { en: (_s, t) => t, fr: (s) => lessonTextFr[s].title };
  const presented = (n: number) => lessons.filter((l) => l.number === n).map((l) => ({ name: `${tag}lesson ${n} presented`, path: lessonPath(l, locale), lesson: true, locale, present: true }));
  return [
    { name: `${tag}home`, path: at('/'), lesson: false, locale },
    ...lessons.map((l) => ({ name: `${tag}lesson ${l.number}`, path: lessonPath(l, locale), lesson: true, locale, title: titles[locale](l.slug, l.title) })),
    { name: `${tag}check`, path: at('/check/'), lesson: false, locale },
    { name: `${tag}teach`, path: at('/teach/'), lesson: false, locale },
    { name: `${tag}404`, path: locale === 'en' ? '/404.html' : `/${locale}/404.html`, lesson: false, locale },
    // Presenter mode, one lesson of each kind: charts computed in the page (3), the model's samplers (5).
    ...presented(3),
    ...presented(5),
    ...Object.entries(lessonFigures).flatMap(([slug, ids]) => ids.map((id) => ({ name: `${tag}embed ${slug}/${id}`, path: at(`/embed/${slug}/${id}/`), lesson: false, locale, embed: id }))),
  ];
}

/**
 * Both editions. The French edition's embeds and presenter views show the same
 * figures as the English ones with other words: one French embed is in the
 * list (its frame in French), and `E2E_ALL_EDITIONS=1` adds the others and
 * the presenter views (they passed when added; left out by default to keep
 * `npm test` short).
 */
export const EVERY_PAGE = !!process.env.E2E_ALL_EDITIONS;
const french = editionPages('fr');
export const SITE_PAGES: readonly SitePage[] = [
  ...editionPages('en'),
  ...french.filter((p) => EVERY_PAGE || (!p.embed && !p.present) || p === french.find((q) => q.embed)),
];
