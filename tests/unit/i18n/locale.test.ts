import { describe, expect, it } from 'vitest';
import { alternateUrl, localeFromPath, localizePath, stripLocale, suggestedLocale } from '../../../src/i18n/locale';
import { formatNumber, frenchTypography, NNBSP } from '../../../src/i18n/format';
import { alternateLinks, localizeHtml } from '../../../src/i18n/page-head';
import { parseRoute } from '../../../site/routes';

describe('locale from the URL', () => {
  it('reads /fr and /fr/… as French and everything else as English', () => {
    expect(localeFromPath('/fr/')).toBe('fr');
    expect(localeFromPath('/fr')).toBe('fr');
    expect(localeFromPath('/fr/lessons/noise-schedules/')).toBe('fr');
    expect(localeFromPath('/')).toBe('en');
    expect(localeFromPath('/lessons/forward-process/')).toBe('en');
    // Not a prefix: a path that merely starts with the letters.
    expect(localeFromPath('/france/')).toBe('en');
    expect(localeFromPath('/en/')).toBe('en');
  });

  it('moves a path between languages, and back to where it was', () => {
    const paths = ['/', '/lessons/noise-schedules/', '/check/', '/teach/', '/embed/forward-process/forward-process/'];
    for (const p of paths) {
      expect(localizePath(p, 'fr')).toBe(p === '/' ? '/fr/' : `/fr${p}`);
      expect(localizePath(localizePath(p, 'fr'), 'en')).toBe(p);
      expect(stripLocale(localizePath(p, 'fr'))).toBe(p);
      expect(localizePath(localizePath(p, 'fr'), 'fr')).toBe(localizePath(p, 'fr'));
    }
    expect(stripLocale('/fr')).toBe('/');
  });

  it('keeps the query (the figures\' state) and the anchor when switching', () => {
    const loc = { pathname: '/lessons/noise-schedules/', search: '?T=50&b=sigmoid', hash: '#fig-schedule-curves' };
    expect(alternateUrl(loc, 'fr')).toBe('/fr/lessons/noise-schedules/?T=50&b=sigmoid#fig-schedule-curves');
    expect(alternateUrl({ ...loc, pathname: '/fr/lessons/noise-schedules/' }, 'en')).toBe('/lessons/noise-schedules/?T=50&b=sigmoid#fig-schedule-curves');
  });

  it('routes a French path to the same page as its English twin', () => {
    for (const p of ['/', '/lessons/reverse-process/', '/check/', '/teach/', '/embed/forward-process/forward-process/', '/nowhere/']) {
      const en = parseRoute(p);
      const fr = parseRoute(localizePath(p, 'fr'));
      expect(fr.kind, p).toBe(en.kind);
      if (en.kind === 'lesson' && fr.kind === 'lesson') expect(fr.lesson.slug).toBe(en.lesson.slug);
    }
  });

  it('suggests the other edition only for a reader who prefers it, and never once dismissed', () => {
    expect(suggestedLocale('en', ['fr-FR', 'en'], false)).toBe('fr');
    expect(suggestedLocale('en', ['en-GB', 'fr'], false)).toBeUndefined();
    expect(suggestedLocale('fr', ['de-DE', 'en-US'], false)).toBe('en');
    expect(suggestedLocale('fr', ['fr-CA'], false)).toBeUndefined();
    expect(suggestedLocale('en', ['de', 'ja'], false)).toBeUndefined();
    expect(suggestedLocale('en', ['fr'], true)).toBeUndefined();
  });
});

describe('numbers and typography by locale', () => {
  it('writes a decimal comma and narrow-space thousands in French, as Intl does', () => {
    expect(formatNumber(0.02, {}, 'fr')).toBe('0,02');
    expect(formatNumber(0.02, {}, 'en')).toBe('0.02');
    expect(formatNumber(12345, {}, 'fr')).toBe(`12${NNBSP}345`);
    expect(formatNumber(12345, {}, 'en')).toBe('12,345');
    expect(formatNumber(-1.5, {}, 'fr')).toBe('-1,5');
    expect(formatNumber(0.123456, { maximumFractionDigits: 3 }, 'fr')).toBe('0,123');
  });

  it('puts a narrow no-break space before : ; ! ? and inside « », and leaves URLs and times alone', () => {
    expect(frenchTypography('Attention: oui; non! Vraiment ?')).toBe(`Attention${NNBSP}: oui${NNBSP}; non${NNBSP}! Vraiment${NNBSP}?`);
    expect(frenchTypography('«chat»')).toBe(`«${NNBSP}chat${NNBSP}»`);
    expect(frenchTypography('voir /lessons/x/?T=50, http://a.b à 12:30')).toBe('voir /lessons/x/?T=50, http://a.b à 12:30');
  });
});

describe('each built page\'s head', () => {
  const html = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta name="description" content="English" />\n  </head>\n</html>';

  it('says its language, and links every language\'s version and an x-default', () => {
    const out = localizeHtml(html, 'fr', '/fr/lessons/forward-process/', 'Français « ici »');
    expect(out).toContain('<html lang="fr">');
    expect(out).toContain('content="Français « ici »"');
    expect(out).toContain('<link rel="alternate" hreflang="en" href="/lessons/forward-process/" />');
    expect(out).toContain('<link rel="alternate" hreflang="fr" href="/fr/lessons/forward-process/" />');
    expect(out).toContain('<link rel="alternate" hreflang="x-default" href="/lessons/forward-process/" />');
    expect(alternateLinks('/lessons/forward-process/')).toEqual(alternateLinks('/fr/lessons/forward-process/'));
  });

  it('gives the 404 page a language but no alternates (it has no address of its own)', () => {
    const out = localizeHtml(html, 'fr', null);
    expect(out).toContain('<html lang="fr">');
    expect(out).not.toContain('hreflang');
  });
});
