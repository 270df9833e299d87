/**
 * What each built page's HTML says about its language: <html lang>, its
 * description, and a link to every language's version of the same page
 * (hreflang), so a search engine or a reader's tools find the other edition.
 * Pure, so the build and a test share it; the app keeps the links right after
 * an in-page navigation with `alternateLinks`.
 */
import { BASE_LOCALE, LOCALES, LOCALE_TAGS, localizePath, type Locale } from './locale.ts';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every language's version of `path` (any locale's form), and x-default for a reader of none of them. */
export function alternateLinks(path: string): { hreflang: string; href: string }[] {
  return [
    ...LOCALES.map((l) => ({ hreflang: LOCALE_TAGS[l], href: localizePath(path, l) })),
    { hreflang: 'x-default', href: localizePath(path, BASE_LOCALE) },
  ];
}

/**
 * The page's HTML in `locale`: its lang and description set, and for a real
 * page (`path` given; not the 404 page) its hreflang alternates.
 */
export function localizeHtml(html: string, locale: Locale, path: string | null, description?: string): string {
  let out = html.replace(/<html lang="[^"]*"/, `<html lang="${LOCALE_TAGS[locale]}"`);
  if (description) out = out.replace(/(<meta name="description" content=")[^"]*(")/, `$1${escapeAttr(description)}$2`);
  if (path !== null) {
    const links = alternateLinks(path)
      .map((a) => `<link rel="alternate" hreflang="${a.hreflang}" href="${escapeAttr(a.href)}" />`)
      .join('\n    ');
    out = out.replace('</head>', `    ${links}\n  </head>`);
  }
  return out;
}
