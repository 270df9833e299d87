/**
 * Numbers and French typography for readers, by the page's locale: one helper,
 * so that a chart tick, a readout and a sentence agree (0.02 in English,
 * 0,02 in French, 12 345 with a narrow no-break space).
 */
import { LOCALE_TAGS, pageLocale, type Locale } from './locale';

const formatters = new Map<string, Intl.NumberFormat>();

/** `x` formatted for the page's locale (or `locale`), with Intl.NumberFormat's options. */
export function formatNumber(x: number, options: Intl.NumberFormatOptions = {}, locale: Locale = pageLocale()): string {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_TAGS[locale], options);
    formatters.set(key, f);
  }
  return f.format(x);
}

/** The narrow no-break space French puts before : ; ! ? and inside « ». */
export const NNBSP = '\u202f';

/**
 * French punctuation spacing: a narrow no-break space before : ; ! ? and
 * inside « », whatever space (or none) the text had. Only where the mark ends
 * a word (space, end or closing mark after it), so URLs' ?query and :// and
 * times such as 12:30 are left alone.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/(?<=[\p{L}\p{N})\]}»…%*])[ \u00a0\u202f]*([;!?:])(?=\s|$|[»)\]”’.,])/gu, `${NNBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`);
}
