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

/** A number as a reader would type it: every decimal it has, in the page's language (0,25 and 1 000 in French). */
export const formatPlain = (x: number): string => formatNumber(x, { maximumFractionDigits: 10 });

/** Items joined as a sentence lists them in the page's locale: "10, 20 and 50", « 10, 20 et 50 ». */
export function formatList(items: readonly string[], locale: Locale = pageLocale()): string {
  return new Intl.ListFormat(LOCALE_TAGS[locale], { style: 'long', type: 'conjunction' }).format(items);
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

/** `x` with exactly `digits` decimals, in the page's locale (toFixed's job): 0,25 in French. */
export function formatFixed(x: number, digits: number, locale: Locale = pageLocale()): string {
  return formatNumber(x, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }, locale);
}

/** `x` to `digits` significant digits, in the page's locale (toPrecision's job, without its exponents). */
export function formatSignificant(x: number, digits: number, locale: Locale = pageLocale()): string {
  return formatNumber(x, { minimumSignificantDigits: digits, maximumSignificantDigits: digits, useGrouping: false }, locale);
}

/** `x` in toExponential's form, 1.0e-4, with the locale's decimal mark: 1,0e-4 in French. */
export function formatExponential(x: number, digits: number, locale: Locale = pageLocale()): string {
  const mark = formatNumber(1.5, {}, locale).charAt(1);
  return x.toExponential(digits).replace('.', mark);
}

/**
 * d3-format's locale for `locale`, so that chart ticks (Observable Plot's and
 * d3 axes', which format through d3's default locale) write numbers as the
 * page's text does: 0,02 and 1 000 in French. The minus is U+2212 as in d3.
 */
export function d3FormatLocale(locale: Locale = pageLocale()): { decimal: string; thousands: string; grouping: number[]; currency: [string, string]; minus: string } {
  return locale === 'fr'
    ? { decimal: ',', thousands: NNBSP, grouping: [3], currency: ['', '\u00a0€'], minus: '\u2212' }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '\u2212' };
}
