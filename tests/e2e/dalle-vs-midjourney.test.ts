/**
 * Lesson 8 on the built site with `?model=tiny` (a tiny random text U-Net,
 * labelled on screen): the long prompt shows its truncated chips with the cut
 * and its condensed chips, and both are generated side by side; the two
 * guidance settings share prompt and noise; bad prompts never throw.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MAX_TOKENS } from '../../src/data/vocabulary';
import { launch, watch, type PageWatch } from './browser';
import { canvasGrey, maxAbsDiff } from './canvas';

const base = inject('baseUrl');
const PATH = '/lessons/dalle-vs-midjourney/';
let browser: Browser;
let page: Page;
let w: PageWatch;

beforeAll(async () => {
  browser = await launch([], { webgpu: false });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  w = watch(page, base);
});
afterAll(async () => {
  await browser?.close();
});

const text = (id: string) => page.getByTestId(id).first().textContent();
const waitText = (id: string, needle: string) =>
  page.waitForFunction(([id, s]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(s), [id, needle] as const, { timeout: 150_000 });

describe('lesson 8: DALL·E vs Midjourney (test model)', () => {
  it('shows the long prompt truncated (with the cut) and condensed, and generates both', async () => {
    await page.goto(`${base}${PATH}?model=tiny`);
    await page.getByTestId('test-model').first().waitFor();
    const trunc = page.getByTestId('dp-trunc');
    const cond = page.getByTestId('dp-cond');
    // 16 kept chips (known or [UNK]), the cut, then struck-through dropped ones.
    const kept = (await trunc.getByTestId('dp-trunc-chip').count()) + (await trunc.getByTestId('dp-trunc-unk').count());
    expect(kept).toBe(MAX_TOKENS);
    expect(await trunc.getByTestId('dp-trunc-unk').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('dp-trunc-cut').isVisible()).toBe(true);
    expect(await trunc.getByTestId('dp-trunc-dropped').count()).toBeGreaterThan(0);
    expect(await text('dp-trunc-notice')).toContain('Truncated');
    expect(await text('dp-condensed')).toBe('seven top right and 2 bottom left');
    expect(await cond.getByTestId('dp-cond-chip').allTextContents()).toEqual(['seven', 'top', 'right', 'and', '2', 'bottom', 'left']);
    expect(await cond.getByTestId('dp-cond-cut').count()).toBe(0);
    await waitText('dp-status', 'Done');
    const a = await canvasGrey(page, 'dp-img-trunc');
    const b = await canvasGrey(page, 'dp-img-cond');
    expect(new Set(a).size).toBeGreaterThan(3);
    expect(new Set(b).size).toBeGreaterThan(3);
    expect(maxAbsDiff(a, b)).toBeGreaterThan(0);
  });

  it('the adherence and high-guidance settings sample the same prompt and noise at two scales', async () => {
    await waitText('ds-status', 'Done');
    const a = await canvasGrey(page, 'ds-img-0');
    const b = await canvasGrey(page, 'ds-img-1');
    expect(new Set(a).size).toBeGreaterThan(3);
    expect(maxAbsDiff(a, b)).toBeGreaterThan(0);
    expect(await text('analogy')).toMatch(/Analogy/);
  });

  it('bad prompts: empty is unconditional, 500 characters are cut with a notice, emoji are [UNK]', async () => {
    await page.getByTestId('dp-example-empty').click();
    await page.getByTestId('dp-trunc-empty').waitFor();
    expect(await text('dp-notes')).toContain('unconditional');
    await page.locator('#dp-prompt').fill('a seven top left '.repeat(30).slice(0, 500));
    await page.getByTestId('dp-trunc-notice').waitFor();
    expect(await text('dp-count')).toContain('500 characters');
    await page.getByTestId('dp-example').nth(2).click();
    await page.getByTestId('dp-trunc-unk').first().waitFor();
    // The styles widget's prompt box flags emoji too.
    await page.locator('#ds-prompt').fill('👩‍💻 3 top left');
    await page.getByTestId('dalle-styles').getByTestId('chip-unk').waitFor();
    await waitText('dp-status', 'Done');
    await waitText('ds-status', 'Done');
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
