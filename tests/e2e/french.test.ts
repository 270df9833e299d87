/**
 * The French edition as a reader gets it from a static host: every English
 * page has its French twin in the build, the 404 page is French, the header's
 * switch keeps a figure's state, a French browser is offered the French
 * edition, and lesson 6 reads French prompts. That every French page loads
 * cleanly, says it is French, links its twin and shows none of the English
 * catalogue's words is checked where every page is opened once,
 * tests/e2e/every-page.test.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, readerContext, watchedPage, watchedPageIn } from './browser';

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';
let browser: Browser;
// A French reader's browser, shared by the tests that only read pages (see readerContext).
let frenchReader: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  frenchReader = await readerContext(browser, { locale: 'fr-FR' });
});
afterAll(async () => {
  await browser?.close();
});

const fr = JSON.parse(readFileSync('messages/fr.json', 'utf8')) as Record<string, string>;

async function openFrench(path: string): Promise<{ page: Page }> {
  const { page } = await watchedPageIn(frenchReader, base);
  const res = await page.goto(`${base}${path}`);
  expect(res?.status(), path).toBe(200);
  return { page };
}

describe('the French edition', () => {
  it('has a French twin of every English page in the build', () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name === 'index.html' || name === '404.html') pages.push(relative(dist, p));
      }
    };
    walk(dist);
    const english = pages.filter((p) => !p.startsWith('fr/'));
    expect(english.length).toBeGreaterThan(10);
    for (const p of english) {
      expect(existsSync(join(dist, 'fr', p)), `fr/${p}`).toBe(true);
      expect(readFileSync(join(dist, 'fr', p), 'utf8')).toContain('<html lang="fr"');
    }
  });

  it('says "page introuvable" in French for an unknown French address', async () => {
    // The static host's 404 file, as a host serves it for any missing path under /fr/.
    const { page } = await openFrench('/fr/404.html');
    await page.locator('#main h1').waitFor();
    expect(await page.locator('#main h1').textContent()).toBe(fr.not_found_title);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.close();
  });

  it('switches language to the same lesson, keeping the state a reader set in a figure and the anchor', async () => {
    const { page, w } = await watchedPage(browser, base, { locale: 'en-GB' });
    await page.goto(`${base}/lessons/noise-schedules/?T=50#fig-schedule-curves`);
    await page.getByTestId('kind-b').waitFor();
    // A state set after loading: the figure rewrites the query in place.
    await page.getByTestId('kind-b').selectOption('sigmoid');
    await expect.poll(() => page.url()).toContain('b=sigmoid');
    const before = new URL(page.url());
    await page.getByTestId('language-switch').click();
    await page.waitForURL((u) => u.pathname === '/fr/lessons/noise-schedules/');
    const after = new URL(page.url());
    expect(after.search).toBe(before.search);
    expect(after.hash).toBe('#fig-schedule-curves');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The French figure reads the same state.
    await page.getByTestId('kind-b').waitFor();
    expect(await page.getByTestId('kind-b').inputValue()).toBe('sigmoid');
    // And back: the English page, same state.
    await page.getByTestId('language-switch').click();
    await page.waitForURL((u) => u.pathname === '/lessons/noise-schedules/');
    expect(new URL(page.url()).search).toBe(before.search);
    await page.close();
  });

  it('suggests the French edition to a French browser on an English page, without redirecting, until dismissed', async () => {
    const { page } = await watchedPage(browser, base, { locale: 'fr-FR' });
    await page.goto(`${base}/lessons/forward-process/`);
    const line = page.getByTestId('language-suggestion');
    await line.waitFor();
    expect(new URL(page.url()).pathname).toBe('/lessons/forward-process/');
    expect(await line.getAttribute('lang')).toBe('fr');
    expect(await line.locator('a').getAttribute('href')).toBe('/fr/lessons/forward-process/');
    await line.getByRole('button').click();
    await expect.poll(() => line.count()).toBe(0);
    await page.reload();
    await page.locator('#lesson-title').waitFor();
    expect(await page.getByTestId('language-suggestion').count()).toBe(0);
    await page.close();
  });

  it('lesson 6 suggests its prompts in French, and the model reads the same captions as in English', async () => {
    const { page } = await openFrench('/fr/lessons/text-conditioning/');
    const box = page.locator('#l6-prompt');
    await box.waitFor();
    expect(await box.inputValue()).toBe('un sept en haut à gauche et un 2 en bas à droite');
    const reads = page.getByTestId('prompt-english').first();
    // The same words the chips under it and the figure's "prompt read" line show.
    expect(await reads.textContent()).toBe('a seven in the top left and 2 bottom right');
    const chip = page.getByTestId('suggestion').filter({ hasText: 'un 3 en haut à gauche' }).first();
    await chip.click();
    expect(await box.inputValue()).toBe('un 3 en haut à gauche');
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => reads.textContent()).toBe('3 top left');
    // The link keeps the English example, so it opens the same figure in both editions.
    // Polled: the URL is written a moment after the state changes (a clean clone's run caught it early).
    await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe('3 top left');
    await page.close();
  });
});
