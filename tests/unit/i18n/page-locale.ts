/**
 * Tests' way to put a page in a language: the page's locale (numbers, paths)
 * and the messages' (Node has no page to read it from).
 */
import { setPageLocale } from '../../../src/i18n/locale';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';

export function useLocale(l: 'en' | 'fr'): void {
  setPageLocale(l);
  overwriteGetLocale(() => l);
}

/** `f` run in English and in French, leaving the page in English. */
export function inBoth<T>(f: () => T): { en: T; fr: T } {
  useLocale('en');
  const en = f();
  useLocale('fr');
  const fr = f();
  useLocale('en');
  return { en, fr };
}
