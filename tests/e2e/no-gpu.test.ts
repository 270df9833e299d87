/**
 * A reader without a GPU: Chromium started without WebGPU and with
 * --disable-gpu. The page must choose wasm by itself, say so in the badge
 * with its reason, and sample lesson 5's grid with the shipped model there,
 * through the figure hooks (data-state, data-action) a benchmark uses.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage, type PageWatch } from './browser';
import { tfChunks } from '../../bench/bundle';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;
let w: PageWatch;

beforeAll(async () => {
  browser = await launch(['--disable-gpu'], { webgpu: false });
  ({ page, w } = await watchedPage(browser, base));
});
afterAll(async () => {
  await browser?.close();
});

describe('a machine without a GPU', () => {
  it('lesson 5 runs on wasm, the badge says so and why, and the grid samples 16 digits with the shipped model', async () => {
    // TF.js is fetched once, by the model worker (the page itself never loads it).
    const [tfChunk] = tfChunks(process.env.E2E_DIST ?? 'dist');
    const tfFetches: string[] = [];
    page.on('request', (r) => r.url().endsWith(`/assets/${tfChunk}`) && tfFetches.push(r.url()));
    await page.goto(`${base}/lessons/reverse-process/?steps=10&smp=ddim&digit=none&w=2`, { waitUntil: 'commit' });
    const badge = page.getByTestId('backend').first();
    await page.waitForFunction(() => document.querySelector('[data-testid="backend"]')?.textContent === 'wasm', null, { timeout: 120_000 });
    expect(await badge.textContent()).toBe('wasm');
    const details = (await page.getByTestId('backend-details').first().textContent()) ?? '';
    expect(details).toMatch(/no hardware GPU/);
    expect(details).toMatch(/WebGPU: (no adapter|not supported)/);
    await page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('where').textContent()).toMatch(/in a worker \(wasm\)/);
    expect(await page.getByTestId('model-label').textContent()).not.toMatch(/Test model/);

    const grid = page.getByTestId('sample-grid');
    expect(await grid.getAttribute('data-state')).toBe('idle');
    await grid.locator('[data-action="run"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sample-grid"]')?.getAttribute('data-state') === 'done', null, { timeout: 170_000 });
    const cells = await page.locator('[data-testid^="grid-cell-"]').count();
    expect(cells).toBe(16);
    expect(await page.getByTestId('grid-progress').evaluate((el) => (el as HTMLProgressElement).value)).toBe(10);
    expect(tfChunk).toBeTruthy();
    expect(tfFetches).toHaveLength(1);
  }, 300_000);
});
