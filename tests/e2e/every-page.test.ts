/**
 * Every page of the site (tests/e2e/pages.ts), opened once: it loads with no
 * console error and no request to another origin, says its language and names
 * its twin in the other, shows its lesson's title, a French page shows none
 * of the English catalogue's words, and it meets WCAG 2.1 AA as axe-core
 * checks it: zero violations of impact serious or critical. Prints one line
 * per page: violations by impact, and the contrast checks axe left undecided
 * (text in charts, short glyphs, text over images and canvases), each settled
 * here by measuring the colours really behind the text (tests/e2e/contrast.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, readerContext, watchedPageIn } from './browser';
import { EVERY_PAGE, SITE_PAGES, readySelector, type SitePage } from './pages';
import { englishStringsOn } from './english-strings';
import { settleContrast, type ContrastVerdict } from './contrast';
import { localizePath } from '../../src/i18n/locale';

const base = inject('baseUrl');
let browser: Browser;
// The audits only read the pages: one context, its caches warm (see readerContext).
let reader: BrowserContext;
const summary: { name: string; line: string }[] = [];

beforeAll(async () => {
  browser = await launch([], { webgpu: false });
  reader = await readerContext(browser);
});
afterAll(async () => {
  await browser?.close();
  // Pages are audited two at a time: print them in the list's order.
  const order = SITE_PAGES.map((p) => p.name);
  summary.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  console.log(['axe-core, WCAG 2.0/2.1 A and AA:', ...summary.map((s) => s.line)].join('\n'));
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
interface Audit {
  result: AxeResults;
  /** axe's undecided contrast checks, as selectors, and their measured verdicts. */
  contrastNodes: string[];
  settled: ContrastVerdict[];
}

/** axe on the page as it is now, its undecided contrast checks settled by measuring. */
async function audit(tab: Page): Promise<Audit> {
  // Legacy mode runs axe in the page itself. The pages audited here have no frames, and the
  // default mode's extra page, opened to finish each run, doubles the audit's time.
  const result = await new AxeBuilder({ page: tab }).withTags(TAGS).setLegacyMode(true).analyze();
  const contrastNodes = result.incomplete.filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => String(n.target[0])));
  return { result, contrastNodes, settled: await settleContrast(tab, contrastNodes) };
}

/**
 * Presents the lesson by keyboard and audits each figure as it comes on
 * screen (at its first scene): the findings of all of them, as one.
 */
async function presentedAudit(tab: Page): Promise<Audit> {
  await tab.locator('[data-action="present-lesson"]').focus();
  await tab.keyboard.press('Enter');
  const shown = tab.locator('figure.presented');
  const audits: Audit[] = [];
  let last = '';
  for (let stop = 0; stop < 40; stop++) {
    await shown.waitFor({ timeout: 60_000 });
    const id = (await shown.getAttribute('data-testid')) ?? '';
    const now = `${id} ${(await shown.getByTestId('presenter-scene').textContent()) ?? ''}`;
    if (now === last) break;
    if (id !== last.split(' ')[0]) {
      await tab.waitForTimeout(1500);
      audits.push(await audit(tab));
    }
    last = now;
    await tab.keyboard.press('ArrowRight');
  }
  expect(audits.length).toBeGreaterThan(0);
  const [first, ...rest] = audits;
  for (const a of rest) {
    first.result.violations.push(...a.result.violations);
    first.result.incomplete.push(...a.result.incomplete);
    first.contrastNodes.push(...a.contrastNodes);
    first.settled.push(...a.settled);
  }
  return first;
}

/**
 * Embed pages show one figure of a lesson, whose markup the lesson's own audit
 * covers; their frame (landmarks, title, language, the link back) is the same
 * for every figure. One embed per language is audited (every one with
 * E2E_ALL_EDITIONS=1); tests/e2e/classroom.test.ts loads every embed, each in
 * a frame on another origin.
 */
const firstEmbedOfItsLanguage = (p: SitePage, i: number, all: readonly SitePage[]) =>
  EVERY_PAGE || !p.embed || all.findIndex((q) => q.embed && q.locale === p.locale) === i;
const AUDITED = SITE_PAGES.filter(firstEmbedOfItsLanguage);

describe('every page: a clean load, and WCAG 2.1 AA (axe-core)', () => {
  it('audits every lesson in both languages, and an embed in each', () => {
    for (const locale of ['en', 'fr']) {
      expect(AUDITED.filter((p) => p.lesson && !p.present && p.locale === locale).length, locale).toBe(8);
      expect(AUDITED.filter((p) => p.embed && p.locale === locale).length, locale).toBeGreaterThanOrEqual(1);
    }
  });

  it.concurrent.each(AUDITED.map((p) => [p.name, p] as const))('%s loads cleanly and has no serious or critical violation', async (_name, page) => {
    const { page: tab } = await watchedPageIn(reader, base);
    try {
      const res = await tab.goto(`${base}${page.path}`, { waitUntil: 'commit' });
      expect(res?.status(), page.path).toBe(200);
      await tab.locator(readySelector(page)).first().waitFor({ timeout: 60_000 });
      if (page.lesson) await tab.locator('.row').first().waitFor({ timeout: 60_000 });
      await tab.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
      await tab.waitForTimeout(1500);
      expect(await tab.locator('html').getAttribute('lang')).toBe(page.locale);
      if (!page.path.endsWith('404.html')) {
        // Each page names both its versions, so that search engines and the language switch find the twin.
        const english = page.path.replace(/^\/fr(?=\/)/, '');
        expect(await tab.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toBe(english);
        expect(await tab.locator('link[rel="alternate"][hreflang="fr"]').getAttribute('href')).toBe(localizePath(english, 'fr'));
      }
      if (page.title) {
        expect(await tab.locator('#lesson-title').textContent()).toBe(page.title);
        expect(await tab.title()).toContain(page.title);
      }
      // A French page shows none of the English catalogue's words; the English home page,
      // which shows many, shows that the check finds them.
      if (page.locale === 'fr') expect(await englishStringsOn(tab), 'English UI strings on a French page').toEqual([]);
      if (page.path === '/') expect((await englishStringsOn(tab)).length).toBeGreaterThan(3);
      const { result, contrastNodes, settled } = page.present ? await presentedAudit(tab) : await audit(tab);
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const byImpact = (i: string) => result.violations.filter((v) => v.impact === i).reduce((n, v) => n + v.nodes.length, 0);
      const undecided = result.incomplete.reduce((n, v) => n + v.nodes.length, 0);
      const failing = settled.filter((v) => v.ratio < v.needed);
      const minRatio = settled.length ? Math.min(...settled.map((v) => v.ratio)) : NaN;
      summary.push({
        name: page.name,
        line:
          `  ${page.name.padEnd(10)} critical ${byImpact('critical')}, serious ${byImpact('serious')}, moderate ${byImpact('moderate')}, minor ${byImpact('minor')}; ` +
          `undecided ${undecided}, of which contrast ${contrastNodes.length}: settled ${settled.length} (${settled.filter((v) => v.overImage).length} over an image or canvas), lowest ${settled.length ? `${minRatio.toFixed(2)}:1` : '–'}, below the threshold ${failing.length}` +
          (failing.length ? `  [${failing.slice(0, 4).map((f) => `${f.selector.slice(-60)} ${f.ratio}:1`).join('; ')}]` : '') +
          (bad.length ? `  [${bad.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('; ')}]` : ''),
      });
      expect(failing).toEqual([]);
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).slice(0, 5).join('; ')}`)).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 400_000);
});
