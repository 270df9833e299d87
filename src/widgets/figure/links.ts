/** The addresses a figure hands out: a link to its state, its embed page and the <iframe> for it. */
import { localizePath } from '../../i18n/locale';

/** The lesson URL with this figure's state and the anchor that scrolls to it. */
export function stateLink(origin: string, slug: string, search: string, figureId: string): string {
  return `${origin}${localizePath(`/lessons/${slug}/`)}${search}#fig-${figureId}`;
}

export function embedPath(slug: string, figureId: string): string {
  return localizePath(`/embed/${slug}/${figureId}/`);
}

export function embedLink(origin: string, slug: string, search: string, figureId: string): string {
  return `${origin}${embedPath(slug, figureId)}${search}`;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An <iframe> that fits a figure beside a course page's text: full column width, a typical figure's height. */
export function embedCode(src: string, title: string): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="640" style="border:0;max-width:960px" loading="lazy" allow="fullscreen"></iframe>`;
}
