import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRng, makeSchedule, noisedAt } from '../../src/diffusion';
import { imageAt, loadDigits, toSigned } from '../../src/data/digits';
import { launch, watchedPage, type PageWatch } from './browser';
import { canvasGrey, expectedGrey, maxAbsDiff } from './canvas';

const base = inject('baseUrl');
const path = '/lessons/noise-schedules/';
let browser: Browser;
let x0: Float32Array;

beforeAll(async () => {
  browser = await launch();
  x0 = toSigned(imageAt(await loadDigits('mnist', 'test'), 0));
});
afterAll(async () => {
  await browser?.close();
});

async function open(query = ''): Promise<{ page: Page; w: PageWatch }> {
  const { page, w } = await watchedPage(browser, base);
  await page.goto(`${base}${path}${query}`);
  await page.getByTestId('now-a').waitFor();
  await page.locator('[data-testid="chart-beta"] svg').waitFor();
  return { page, w };
}

/** The closed form the page should show, computed here in Node with the same seeded noise. */
function expected(kind: 'linear' | 'cosine', T: number, t: number, seed = 1) {
  return expectedGrey(noisedAt(makeSchedule({ kind, T }), x0, t, createRng(seed).normals(784)));
}

describe('lesson 3: noise schedules', () => {
  it('draws both schedules’ images exactly as the maths says, on the same seed, in Node and the browser', async () => {
    const { page, w } = await open();
    expect(maxAbsDiff(await canvasGrey(page, 'now-a'), expected('linear', 1000, 500))).toBeLessThanOrEqual(1);
    expect(maxAbsDiff(await canvasGrey(page, 'now-b'), expected('cosine', 1000, 500))).toBeLessThanOrEqual(1);
    // t = 0 is the data under any schedule; the last frame is t = T.
    expect(await canvasGrey(page, 'strip-a-0')).toEqual(expectedGrey(x0));
    expect(await canvasGrey(page, 'strip-b-0')).toEqual(expectedGrey(x0));
    expect(maxAbsDiff(await canvasGrey(page, 'strip-a-7'), expected('linear', 1000, 1000))).toBeLessThanOrEqual(1);
    expect(await page.locator('.plot svg').count()).toBe(4);
    await page.close();
  });

  it('moves t with the keyboard, redraws, and writes t to the URL', async () => {
    const { page } = await open();
    const slider = page.getByTestId('t');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => canvasGrey(page, 'now-a')).toEqual(expectedGrey(x0));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('t=1');
    expect(maxAbsDiff(await canvasGrey(page, 'now-a'), expected('linear', 1000, 1))).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('keeps the cosine digit readable longer: at t = T/2 it is closer to x₀ than the linear one', async () => {
    const { page } = await open('?t=500');
    const x0g = expectedGrey(x0);
    const dist = (a: number[]) => a.reduce((s, v, i) => s + (v - x0g[i]) ** 2, 0);
    expect(dist(await canvasGrey(page, 'now-b'))).toBeLessThan(dist(await canvasGrey(page, 'now-a')) / 2);
    await page.close();
  });

  it('reproduces a view from its URL: kinds, T, t and seed', async () => {
    const { page } = await open('?a=cosine&b=scaled-linear&T=50&t=20&seed=7');
    expect(await page.getByTestId('kind-a').inputValue()).toBe('cosine');
    expect(await page.getByTestId('kind-b').inputValue()).toBe('scaled-linear');
    const want = expectedGrey(noisedAt(makeSchedule({ kind: 'cosine', T: 50 }), x0, 20, createRng(7).normals(784)));
    expect(maxAbsDiff(await canvasGrey(page, 'now-a'), want)).toBeLessThanOrEqual(1);
    // The β sliders of a kind show its published range (Stable Diffusion's 0.00085 … 0.012).
    expect(await page.locator('label[for]').filter({ hasText: 'β end' }).last().textContent()).toContain('0.012');
    await page.close();
  });

  it('changing a schedule updates the URL and the images', async () => {
    const { page } = await open();
    await page.getByTestId('kind-b').selectOption('sigmoid');
    await expect.poll(() => page.url()).toContain('b=sigmoid');
    await expect.poll(async () => maxAbsDiff(await canvasGrey(page, 'now-b'), expectedGrey(noisedAt(makeSchedule({ kind: 'sigmoid', T: 1000 }), x0, 500, createRng(1).normals(784))))).toBeLessThanOrEqual(1);
    await page.getByTestId('zsnr-a').check();
    await expect.poll(() => page.url()).toContain('za=1');
    await page.close();
  });

  it('says what is wrong with an impossible β range, and keeps the last good figure', async () => {
    const { page, w } = await open('?a0=0.05&a1=0.001');
    await expect.poll(() => page.getByTestId('error-a').textContent()).toMatch(/betaStart/);
    // The figure still shows the default linear schedule rather than nothing.
    expect(maxAbsDiff(await canvasGrey(page, 'now-a'), expected('linear', 1000, 500))).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('handles the extremes of T: 1 and 4000', async () => {
    const { page, w } = await open('?T=1&t=1');
    expect(await page.getByTestId('strip-a-1').count()).toBe(1);
    expect(await page.getByTestId('strip-a-2').count()).toBe(0);
    const T = page.getByTestId('T');
    await T.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.url()).toContain('T=4000');
    await page.close();
  });
});
