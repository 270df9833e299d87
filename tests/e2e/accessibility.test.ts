/**
 * WCAG 2.1 AA on every page of the site (tests/e2e/pages.ts), checked with
 * axe-core: zero violations of impact serious or critical. Prints one line
 * per page: violations by impact, and the contrast checks axe left undecided
 * (text in charts, short glyphs, text over images and canvases), each settled
 * here by measuring the colours really behind the text (tests/e2e/contrast.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DESKTOP, launch } from './browser';
import { SITE_PAGES } from './pages';
import { settleContrast } from './contrast';

const base = inject('baseUrl');
let browser: Browser;
const summary: string[] = [];

beforeAll(async () => {
  browser = await launch([], { webgpu: false });
});
afterAll(async () => {
  await browser?.close();
  console.log(['axe-core, WCAG 2.0/2.1 A and AA:', ...summary].join('\n'));
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it.each(SITE_PAGES.map((p) => [p.name, p] as const))('%s has no serious or critical violation', async (_name, page) => {
    // AxeBuilder needs a page from an explicit context (it opens helper pages in it).
    const context = await browser.newContext({ viewport: DESKTOP });
    const tab = await context.newPage();
    try {
      await tab.goto(`${base}${page.path}`, { waitUntil: 'commit' });
      await tab.locator('#main h1').first().waitFor({ timeout: 60_000 });
      if (page.lesson) await tab.locator('.row').first().waitFor({ timeout: 60_000 });
      await tab.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
      await tab.waitForTimeout(1500);
      const result = await new AxeBuilder({ page: tab }).withTags(TAGS).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const byImpact = (i: string) => result.violations.filter((v) => v.impact === i).reduce((n, v) => n + v.nodes.length, 0);
      const undecided = result.incomplete.reduce((n, v) => n + v.nodes.length, 0);
      const contrastNodes = result.incomplete.filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => String(n.target[0])));
      const settled = await settleContrast(tab, contrastNodes);
      const failing = settled.filter((v) => v.ratio < v.needed);
      const minRatio = settled.length ? Math.min(...settled.map((v) => v.ratio)) : NaN;
      summary.push(
        `  ${page.name.padEnd(10)} critical ${byImpact('critical')}, serious ${byImpact('serious')}, moderate ${byImpact('moderate')}, minor ${byImpact('minor')}; ` +
          `undecided ${undecided}, of which contrast ${contrastNodes.length}: settled ${settled.length} (${settled.filter((v) => v.overImage).length} over an image or canvas), lowest ${settled.length ? `${minRatio.toFixed(2)}:1` : '–'}, below the threshold ${failing.length}` +
          (failing.length ? `  [${failing.slice(0, 4).map((f) => `${f.selector.slice(-60)} ${f.ratio}:1`).join('; ')}]` : '') +
          (bad.length ? `  [${bad.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('; ')}]` : ''),
      );
      expect(failing).toEqual([]);
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).slice(0, 5).join('; ')}`)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 400_000);
});
