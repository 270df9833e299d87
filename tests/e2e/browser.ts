/**
 * Launches Debian's Chromium for end-to-end tests and records what a page does
 * wrong. Every page watched here is checked after each test of its file
 * (tests/e2e/watch-setup.ts): a console error, an uncaught exception or a
 * request to another origin fails the test that was running (the one fixture;
 * tests do not repeat the check).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launch } from '../chromium';
import { OFFLINE_PREF_KEY } from '../../site/offline/offline-status';

export { launch };

export interface PageWatch {
  errors: string[];
  foreignRequests: string[];
}

export interface WatchOptions {
  /** Console errors a test provokes on purpose (a GPU it takes away): those do not fail it. */
  allowErrors?: RegExp;
  /** Origins besides the page's own it may fetch from (an embed's host page loads the site). */
  allowOrigins?: string[];
}

const watched: { page: Page; w: PageWatch; options: WatchOptions }[] = [];

/**
 * Fails the running test on what any page watched so far did since the last
 * check. Called after each test by tests/e2e/watch-setup.ts, a setup file:
 * the e2e files share this module (isolate: false), so a hook registered here
 * would only run for the first file that imported it.
 */
export function checkWatchedPages(): void {
  for (const { page, w, options } of watched) {
    const errors = w.errors.splice(0).filter((e) => !options.allowErrors?.test(e));
    const foreign = w.foreignRequests.splice(0).filter((u) => !options.allowOrigins?.includes(new URL(u).origin));
    const where = page.isClosed() ? 'a closed page' : page.url();
    expect(errors, `console errors on ${where}`).toEqual([]);
    expect(foreign, `requests to another origin from ${where}`).toEqual([]);
  }
}

/** Forgets the pages of a file that has ended (their browser is closed). */
export function forgetWatchedPages(): void {
  watched.length = 0;
}

/** Collects console errors, uncaught exceptions and requests that leave the site's origin; checked after each test. */
export function watch(page: Page, origin: string, options: WatchOptions = {}): PageWatch {
  const w: PageWatch = { errors: [], foreignRequests: [] };
  watched.push({ page, w, options });
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) w.foreignRequests.push(url);
  });
  return w;
}

/** Wide enough for the lessons' side-by-side layout, so tests see what a desktop reader sees. */
export const DESKTOP = { width: 1360, height: 900 };

/**
 * A page in a fresh context (its own IndexedDB, so nothing saved by another
 * page comes back), watched from before its first request.
 */
export async function watchedPage(
  browser: Browser, origin: string, options: BrowserContextOptions = {}, watchOptions: WatchOptions = {},
): Promise<{ page: Page; w: PageWatch }> {
  const page = await browser.newPage({ viewport: DESKTOP, ...options });
  await withoutPrecache(page);
  return { page, w: watch(page, origin, watchOptions) };
}

/**
 * One context that the tests of a file share when they only read the site
 * (they save no model, no preference, nothing another test could find): its
 * HTTP and compiled-code caches stay warm from one page to the next, as a
 * reader's browser's do, where a fresh context per test fetches and compiles
 * every script and the wasm engine again (about half of a lesson's load here).
 * A test that saves anything opens its own context (watchedPage). Closed with
 * the browser.
 */
export async function readerContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  await withoutPrecache(context);
  return context;
}

/** A new watched page in a shared context (readerContext), at its own viewport if given. */
export async function watchedPageIn(
  context: BrowserContext, origin: string, viewport?: { width: number; height: number }, watchOptions: WatchOptions = {},
): Promise<{ page: Page; w: PageWatch }> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  return { page, w: watch(page, origin, watchOptions) };
}

/**
 * The offline precache (the whole site, data and models) would download in the
 * background of every fresh page and compete with what a test waits for or
 * measures; tests/e2e/offline.test.ts covers it in a context of its own.
 */
export async function withoutPrecache(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript((key) => localStorage.setItem(key, 'off'), OFFLINE_PREF_KEY);
}

export interface FilePage {
  readonly browser: Browser;
  readonly page: Page;
  readonly w: PageWatch;
}

/**
 * One browser and one watched page that every test in a file shares, opened
 * before the first test and closed after the last. Its fields are only set
 * once the file's beforeAll has run, so read them inside tests.
 */
export function pageForFile(
  origin: string, { webgpu = true, ...options }: BrowserContextOptions & { webgpu?: boolean } = {}, watchOptions: WatchOptions = {},
): FilePage {
  const tab = {} as { browser: Browser; page: Page; w: PageWatch };
  beforeAll(async () => {
    tab.browser = await launch([], { webgpu });
    Object.assign(tab, await watchedPage(tab.browser, origin, options, watchOptions));
  });
  afterAll(async () => {
    await tab.browser?.close();
  });
  return tab;
}

/** The text of the first element with a test id. */
export function textOf(page: Page, testid: string): Promise<string | null> {
  return page.getByTestId(testid).first().textContent();
}

/** Waits until an element's text contains `needle`; long by default, for generation on SwiftShader. */
export function waitForText(page: Page, testid: string, needle: string, timeout = 150_000) {
  return page.waitForFunction(
    ([id, s]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(s),
    [testid, needle] as const,
    { timeout },
  );
}
