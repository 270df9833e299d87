/**
 * The page's language comes from its address (/fr/… is French) and holds for
 * the life of the page: the messages, the lesson registry and every link read
 * it from here. Nothing is detected from the browser and nothing redirects.
 */
import { LOCALE_TAGS, localeFromPath, pageLocale, setPageLocale } from '../src/i18n/locale';
import { formatDefaultLocale } from 'd3';
import { d3FormatLocale } from '../src/i18n/format';
import { overwriteGetLocale } from '../src/i18n/paraglide/runtime.js';
// For its side effect: registers the translated lesson titles.
import '../lessons/translations';

setPageLocale(localeFromPath(location.pathname));
overwriteGetLocale(pageLocale);
// Chart ticks (Observable Plot, d3 axes) format through d3's default locale: 0,02 in French.
formatDefaultLocale(d3FormatLocale(pageLocale()));
// The built page already says so; the 404 page and the dev server serve one file for every path.
document.documentElement.lang = LOCALE_TAGS[pageLocale()];
