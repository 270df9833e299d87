/**
 * Which language a page is in, read from its URL: English pages at the root,
 * French ones under /fr/ with the same slugs. The locale is fixed for the life
 * of a page (switching language loads the other page), so it is plain module
 * state, set once by the entry point before anything renders.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/** Each language's name in itself, for the switch and the suggestion. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français' };

/** BCP 47 tags for Intl and <html lang>. */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { en: 'en', fr: 'fr' };

let current: Locale = BASE_LOCALE;

/** The page's locale (English until the entry point says otherwise, as in Node and tests). */
export function pageLocale(): Locale {
  return current;
}

export function setPageLocale(locale: Locale): void {
  current = locale;
}

export function isLocale(s: string): s is Locale {
  return (LOCALES as readonly string[]).includes(s);
}

/** The locale a path belongs to: /fr and /fr/… are French, everything else English. */
export function localeFromPath(pathname: string): Locale {
  const m = /^\/([a-z]{2})(?=\/|$)/.exec(pathname);
  return m && isLocale(m[1]) && m[1] !== BASE_LOCALE ? m[1] : BASE_LOCALE;
}

/** The path without its locale prefix: /fr/lessons/x/ → /lessons/x/, /fr → /. */
export function stripLocale(pathname: string): string {
  const locale = localeFromPath(pathname);
  if (locale === BASE_LOCALE) return pathname;
  return pathname.slice(locale.length + 1) || '/';
}

/** A site path (written in English form, /lessons/x/) in `locale`: /fr/lessons/x/. */
export function localizePath(path: string, locale: Locale = current): string {
  const bare = stripLocale(path);
  return locale === BASE_LOCALE ? bare : `/${locale}${bare}`;
}

/**
 * The same page in another language, keeping the query string (the figures'
 * state) and the #anchor, so a switch lands on the same view.
 */
export function alternateUrl(loc: { pathname: string; search: string; hash: string }, locale: Locale): string {
  return localizePath(loc.pathname, locale) + loc.search + loc.hash;
}

/**
 * Whether to suggest the other edition: the reader's first preferred language
 * that we have, when it is not the page's, and only until they dismiss it.
 * Never a redirect: the caller shows one line the reader may ignore.
 */
export function suggestedLocale(page: Locale, preferred: readonly string[], dismissed: boolean): Locale | undefined {
  if (dismissed) return undefined;
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split('-')[0];
    if (isLocale(lang)) return lang === page ? undefined : lang;
  }
  return undefined;
}
