/**
 * Offline: after one visit, with the server gone, every lesson reloads from the
 * service worker's precache and its figures work. The site is served here by a
 * server of the test's own that, once "unplugged", destroys every connection
 * that reaches it (a real network failure, for the page and the worker alike)
 * and counts them: not one request may reach it while offline. Chromium's own
 * offline emulation is switched on as well.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sirv from 'sirv';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lessons, lessonPath } from '../../lessons/registry';
import { DESKTOP, launch, watch, type PageWatch } from './browser';

let server: Server;
let origin = '';
let unplugged = false;
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
    expect(w.errors).toEqual([]);
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
    expect(w.errors).toEqual([]);
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
    expect(w.errors).toEqual([]);
    expect(leaks()).toEqual([]);
  });

  it('offline, the shipped model runs a reverse process to the end on the CPU (weights and workers from the precache)', async () => {
    await page.goto(`${origin}/lessons/reverse-process/?backend=cpu&steps=10&seed=4&k=10`, { waitUntil: 'commit' });
    await page.getByTestId('position').filter({ hasText: 'step 10 of 10' }).waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('test-model').count()).toBe(0);
    expect(w.errors).toEqual([]);
    expect(leaks()).toEqual([]);
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
    expect(w.errors).toEqual([]);
  });
});
