/**
 * Every page opened from links a reader could be sent: undecodable escapes
 * (a Latin-1 %E9 from an old mail client, a stray %ff), repeated keys, huge
 * and non-numeric values, values inconsistent with each other (t > T),
 * unknown keys, 20,000-character values and odd fragments. None may raise a
 * page error or a console error, and every lesson's figures must render.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, readerContext, watchedPageIn, DESKTOP } from './browser';
import { SITE_PAGES, type SitePage } from './pages';

const base = inject('baseUrl');
let browser: Browser;
// The links only open pages, which save nothing: one context, its caches warm (see readerContext).
let reader: BrowserContext;

beforeAll(async () => {
  // No WebGPU: SwiftShader's would make every page load minutes long, and the links, not the backend, are under test.
  browser = await launch([], { webgpu: false });
  reader = await readerContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

const long = 'x'.repeat(20_000);
/** The lessons whose figures read a typed prompt. */
const PROMPT_LESSONS = ['text-conditioning', 'classifier-free-guidance', 'dalle-vs-midjourney'];
const HOSTILE: readonly [string, string][] = [
  ['undecodable escapes and a fragment', '?p=caf%E9&lp=%ff%fe&t=%E9&seed=50%&%E9=1#%E9%zz'],
  [
    // One link holds both sets: their keys differ, and each page load costs seconds.
    'repeated keys, huge, non-numeric and inconsistent values, unknown keys, 20,000-character values, a bad tfjsflags',
    '?t=900&T=10&t=2&seed=1e400&steps=NaN&w=Infinity&k=-99999999999999999999&tok=9e99&lr=fast&batch=7&img=-1&n=99999&cls=%20&eta=-1&digit=x&smp=%3Cscript%3E&zzz=1&utm_source=mail&backend=nonsense' +
      `&p=${long}&lp=${long}&gp=${long}&sp=${long}&blk=${long}&classes=${'1'.repeat(20_000)}&tfjsflags=DEBUG#${long}`,
  ],
];

describe('hostile links', () => {
  // Presenting shows a lesson already listed; embeds (the same figures, alone) are left to the lessons' runs here.
  // A French page reads its links with the same code as its English twin; what it adds is
  // the French prompt box (lessons 6 to 8), whose mapping a 20,000-letter word once broke.
  const frenchPrompt = (p: SitePage) => p.locale === 'en' || PROMPT_LESSONS.some((slug) => p.path.includes(`/${slug}/`));
  for (const page of SITE_PAGES.filter((p) => !p.present && !p.embed && frenchPrompt(p))) {
    it.concurrent.each(HOSTILE)(`${page.name} holds with %s`, async (_name, query) => {
      const { page: tab } = await watchedPageIn(reader, base);
      try {
        await tab.goto(`${base}${page.path}${query}`, { waitUntil: 'commit' });
        await tab.locator('#main h1').first().waitFor({ timeout: 60_000 });
        if (page.lesson) {
          await tab.locator('.row').first().waitFor({ timeout: 60_000 });
          expect(await tab.locator('figure.figure').count()).toBeGreaterThan(0);
        }
        await tab.waitForLoadState('networkidle', { timeout: 90_000 }).catch(() => {});
        // Let figures that start on load (schedules, strips, histograms) draw once.
        await tab.waitForTimeout(1500);
        // The cpu backend can hold the main thread for a while: wait for it rather than fail.
        const body = (await tab.locator('body').textContent({ timeout: 180_000 })) ?? '';
        expect(body).not.toMatch(/could not be loaded|URI malformed|could not start in this browser/);
        expect(await tab.locator('[data-state="error"]').count()).toBe(0);
        // A cursor drawn off the chart once made a page 81,694 px wide.
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
      } finally {
        await tab.close();
      }
    }, 400_000);
  }
});
