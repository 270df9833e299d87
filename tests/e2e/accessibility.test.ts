/**
 * WCAG 2.1 AA on every page of the site (tests/e2e/pages.ts), checked with
 * axe-core: zero violations of impact serious or critical. Prints one line
 * per page: violations by impact, and how many checks axe left undecided
 * (text over images and canvases), which the project settles by design
 * (colour tokens and chart marks meet their ratios; see the unit test on them).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, watchedPage } from './browser';
import { SITE_PAGES } from './pages';

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
    const { page: tab } = await watchedPage(browser, base);
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
      summary.push(
        `  ${page.name.padEnd(10)} critical ${byImpact('critical')}, serious ${byImpact('serious')}, moderate ${byImpact('moderate')}, minor ${byImpact('minor')}; undecided ${undecided}` +
          (bad.length ? `  [${bad.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('; ')}]` : ''),
      );
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).slice(0, 5).join('; ')}`)).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 400_000);
});
