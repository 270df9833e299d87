/**
 * Lesson 1 on the built site: the opening figure plays once when scrolled into
 * view (a real digit dissolving, then a new one emerging), and readers who
 * prefer reduced motion get a still strip instead. Runs on `?model=tiny` (a
 * tiny random U-Net): the shipped model needs ~1–6 s per step on SwiftShader.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { imageAt, loadDigits, toSigned } from '../../src/data/digits';
import { DESKTOP, launch, watchedPage } from './browser';
import { canvasGrey, expectedGrey, maxAbsDiff } from './canvas';
import { WAITING } from '../../src/widgets/waiting';

const base = inject('baseUrl');
const PATH = '/lessons/what-is-diffusion/';
let browser: Browser;

beforeAll(async () => {
  browser = await launch([], { webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

describe('lesson 1: what a diffusion model is', () => {
  it('plays the round trip once: data → noise → a new sample, then offers a replay', async () => {
    const { page, w } = await watchedPage(browser, base);
    await page.goto(`${base}${PATH}?model=tiny`);
    await page.getByTestId('hero-frame').waitFor();
    await page.getByTestId('hero-phase').filter({ hasText: 'Reverse' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('hero-replay').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('hero-t').textContent()).toBe('0');
    // The strip's first still is the real MNIST test digit at t = 0.
    const set = await loadDigits('mnist', 'test');
    const x0 = toSigned(imageAt(set, 0));
    expect(maxAbsDiff(await canvasGrey(page, 'hero-still-0'), expectedGrey(x0))).toBeLessThanOrEqual(1);
    // One strip: the real digit at six t, then the new digit at five t on the way back.
    expect(await page.locator('[data-testid^="hero-still-"]').count()).toBe(11);
    // Every part links to the lesson that goes deeper.
    for (const slug of ['forward-process', 'noise-schedules', 'denoiser-training', 'reverse-process']) {
      expect(await page.locator(`.row a[href="/lessons/${slug}/"]`).count()).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('does not play below the fold until scrolled into view', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.addInitScript(() => {
      // Push the figure out of view before the app mounts.
      document.addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('style');
        s.textContent = '#fig-hero { margin-top: 3000px !important; }';
        document.head.appendChild(s);
      });
    });
    await page.goto(`${base}${PATH}?model=tiny`);
    await page.getByTestId('hero').waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    // The one waiting display stands in the frame, saying why nothing plays yet.
    expect(await page.getByTestId('hero').getByTestId('waiting').first().textContent()).toContain(WAITING.onScreen);
    await page.getByTestId('hero').scrollIntoViewIfNeeded();
    await page.getByTestId('hero-frame').waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('with prefers-reduced-motion, shows a still strip and no animation', async () => {
    const { page, w } = await watchedPage(browser, base, { reducedMotion: 'reduce', viewport: { width: 420, height: 900 } });
    await page.goto(`${base}${PATH}?model=tiny`);
    await page.getByTestId('hero-strip').waitFor();
    await page.getByTestId('hero-still-10').waitFor({ timeout: 120_000 });
    // Frames the sampler has not reached are drawn as "not drawn yet"; wait until none is left.
    await page.waitForFunction(() => !document.querySelector('[data-testid="hero-strip"] [aria-label*="not drawn yet"]'), null, { timeout: 120_000 });
    expect(await page.getByTestId('hero-frame').count()).toBe(0);
    await page.close();
  });
});
