/**
 * Offline: after one visit, with the server gone, every lesson reloads from the
 * service worker's precache and its figures work. The site is served here by a
 * server of the test's own that, once "unplugged", destroys every connection
 * that reaches it (a real network failure, for the page and the worker alike)
 * and counts them: not one request may reach it while offline. Chromium's own
 * offline emulation is switched on as well.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sirv from 'sirv';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lessons, lessonPath } from '../../lessons/registry';
import { DESKTOP, launch, watch, type PageWatch } from './browser';

let server: Server;
let origin = '';
let unplugged = false;
/** Files of the "next build", by path, served instead of dist's once set. */
let nextBuild: Map<string, Buffer> | null = null;
const reachedWhileOffline: string[] = [];
let browser: Browser;
let context: BrowserContext;
let page: Page;
let w: PageWatch;

beforeAll(async () => {
  const handler = sirv(process.env.E2E_DIST ?? 'dist', { dev: false, etag: true, single: false, dotfiles: false });
  server = createServer((req, res) => {
    if (unplugged) {
      reachedWhileOffline.push(req.url ?? '');
      req.socket.destroy();
      return;
    }
    const next = nextBuild?.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (next) {
      res.setHeader('Content-Type', req.url?.startsWith('/sw.js') ? 'text/javascript' : 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(next);
      return;
    }
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  if (!a || typeof a === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${a.port}`;
  browser = await launch([], { webgpu: false });
  context = await browser.newContext({ viewport: DESKTOP });
  page = await context.newPage();
  w = watch(page, origin);
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

/**
 * What reached the server while unplugged, less the browser's own update
 * checks of the service worker script (it asks for /sw.js now and then; a
 * failed check keeps the installed version, which is the point).
 */
const leaks = () => reachedWhileOffline.filter((u) => u !== '/sw.js');

const offlineState = () => page.getByTestId('offline').getAttribute('data-state');

describe('offline', () => {
  it('waits until the figures of the first page have run before it saves the site', async () => {
    // Lesson 1's hero runs by itself as the page opens; the precache would take the CPU from it.
    await page.goto(`${origin}/lessons/what-is-diffusion/`);
    const seen = await page.evaluate(async () => {
      const log: { state: string; workers: number }[] = [];
      for (let i = 0; i < 600; i++) {
        const state = document.querySelector('[data-testid="hero"]')?.getAttribute('data-state') ?? 'none';
        const workers = (await navigator.serviceWorker.getRegistrations()).length;
        log.push({ state, workers });
        if (workers > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return log;
    });
    const running = seen.filter((s) => s.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((s) => s.workers === 0)).toBe(true);
    // It does come, once the hero is done.
    expect(seen.at(-1)).toEqual({ state: 'done', workers: 1 });
  });

  it('says in the header when the site is ready offline, after one visit', async () => {
    await page.goto(`${origin}/`);
    await page.locator('[data-testid="offline"][data-state="ready"]').waitFor({ timeout: 240_000 });
    expect(await page.getByTestId('offline-status').textContent()).toBe('Ready offline');
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      let n = 0;
      for (const name of names) n += (await (await caches.open(name)).keys()).length;
      return { names, n };
    });
    expect(cached.names.some((n) => n.startsWith('diffusion-demystified'))).toBe(true);
    // Every page, the data, the weights: well over a hundred files.
    expect(cached.n).toBeGreaterThan(50);
  });

  it('with the network gone, every lesson reloads and renders, with no error and no request reaching the server', async () => {
    unplugged = true;
    await context.setOffline(true);
    for (const lesson of lessons) {
      await page.goto(`${origin}${lessonPath(lesson)}`, { waitUntil: 'commit' });
      await page.locator('#lesson-title').filter({ hasText: lesson.title }).waitFor({ timeout: 60_000 });
      // Each lesson's figures mount (their roots carry data-testid and data-state).
      await page.locator('figure[data-state]').first().waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    }
    for (const path of ['/', '/check/']) {
      await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
      await page.locator('main h1').first().waitFor({ timeout: 60_000 });
    }
    expect(leaks()).toEqual([]);
  });

  it('offline, a model-free figure draws (lesson 2, with its data set from the precache) and a chart renders (lesson 3)', async () => {
    await page.goto(`${origin}/lessons/forward-process/?t=300&seed=2`, { waitUntil: 'commit' });
    const spread = await page.getByTestId('panel-jump').evaluate(async (el) => {
      const c = el as HTMLCanvasElement;
      for (let i = 0; i < 100; i++) {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<number>();
        for (let j = 0; j < d.length; j += 4) seen.add(d[j]);
        if (seen.size > 20) return seen.size;
        await new Promise((r) => setTimeout(r, 100));
      }
      return 0;
    });
    expect(spread).toBeGreaterThan(20);
    await page.goto(`${origin}/lessons/noise-schedules/`, { waitUntil: 'commit' });
    await page.locator('[data-testid="schedule-curves"] svg').first().waitFor({ timeout: 60_000 });
    expect(leaks()).toEqual([]);
  });

  it('offline, the shipped model runs a reverse process to the end on the CPU, on the backend the page chooses (weights, workers and wasm from the precache)', async () => {
    await page.goto(`${origin}/lessons/reverse-process/?steps=10&seed=4&k=10`, { waitUntil: 'commit' });
    await page.getByTestId('position').filter({ hasText: 'step 10 of 10' }).waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('test-model').count()).toBe(0);
    expect(leaks()).toEqual([]);
  });

  it('a new build replaces the cache cleanly: the old version keeps its own pages until it hands over, then no old entry is left', async () => {
    await context.setOffline(false);
    unplugged = false;
    await page.goto(`${origin}/`);
    await page.locator('[data-testid="offline"][data-state="ready"]').waitFor({ timeout: 60_000 });
    const dist = process.env.E2E_DIST ?? 'dist';
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    // The precache list as the build wrote it: the shell page's entry and its revision.
    const entry = /\{url:"index\.html",revision:"([0-9a-f]+)"\}/.exec(sw);
    expect(entry, 'the shell page in dist/sw.js').not.toBeNull();
    const oldRev = entry![1];
    const newRev = 'f'.repeat(oldRev.length - 4) + '0001';
    // The next build, as a build would make it: the page changed, so its revision in the worker's list changed.
    const marker = '<meta name="test-build" content="next">';
    const html = readFileSync(join(dist, 'index.html'), 'utf8').replace('<head>', `<head>${marker}`);
    expect(html).toContain(marker);
    nextBuild = new Map([
      ['/sw.js', Buffer.from(sw.replace(entry![0], `{url:"index.html",revision:"${newRev}"}`))],
      ['/', Buffer.from(html)],
      ['/index.html', Buffer.from(html)],
    ]);
    const precache = () =>
      page.evaluate(async () => {
        const keys: string[] = [];
        for (const name of await caches.keys()) if (name.startsWith('diffusion-demystified')) keys.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
        return { names: await caches.keys(), keys };
      });
    const shellKeys = (keys: string[]) => keys.filter((k) => new URL(k).pathname === '/index.html');
    const before = await precache();
    expect(shellKeys(before.keys)).toEqual([`${origin}/index.html?__WB_REVISION__=${oldRev}`]);

    // The browser looks for a new worker on navigation: it installs beside the old one and waits.
    await page.reload();
    await page.locator('[data-testid="offline"][data-state="update"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('offline-status').textContent()).toBe('Update ready');
    // While it waits, a reload is still the old version: its page from its own entry, never the new page.
    await page.reload();
    await page.locator('[data-testid="offline"][data-state="update"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('meta[name="test-build"]').count()).toBe(0);

    // The reader switches: the page reloads on the new version, and the old entry is gone.
    await page.locator('[data-testid="offline"] summary').click();
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('offline-update').click()]);
    await page.locator('meta[name="test-build"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.locator('[data-testid="offline"][data-state="ready"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('offline-status').textContent()).toBe('Ready offline');
    await expect.poll(async () => shellKeys((await precache()).keys), { timeout: 30_000 }).toEqual([`${origin}/index.html?__WB_REVISION__=${newRev}`]);
    const after = await precache();
    // One cache, as many entries as before: each file once, in its new revision.
    expect(after.names).toEqual(before.names);
    expect(after.keys.length).toBe(before.keys.length);
  });

  it('the reader can turn it off: the worker is unregistered and its caches deleted', async () => {
    await context.setOffline(false);
    unplugged = false;
    await page.goto(`${origin}/`);
    await page.locator('[data-testid="offline"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="offline"] summary').click();
    await page.getByTestId('offline-toggle').uncheck();
    await page.locator('[data-testid="offline"][data-state="off"]').waitFor();
    const left = await page.evaluate(async () => ({
      regs: (await navigator.serviceWorker.getRegistrations()).length,
      caches: (await caches.keys()).filter((n) => n.startsWith('diffusion-demystified')),
    }));
    expect(left).toEqual({ regs: 0, caches: [] });
    // The choice survives a reload.
    await page.reload();
    expect(await offlineState()).toBe('off');
  });
});
