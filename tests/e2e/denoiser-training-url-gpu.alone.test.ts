/**
 * Lesson 4's training lab, beyond the basic run in denoiser-training.alone.test.ts:
 * hyperparameters read from the URL into the controls (and garbage in the URL
 * ignored), and a WebGPU device lost mid-training, simulated through the
 * `?testhooks=1` hook, that the lab reports, survives with its last saved
 * state, and resumes from it on wasm (the backend a lost GPU now falls back to).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage, type PageWatch } from './browser';

import { DEFAULT_SETTINGS } from '../../src/train/lab-settings';
const base = inject('baseUrl');
const LESSON = '/lessons/denoiser-training/';
// The lab alone: with `backend=webgpu` the lesson's other model figure would run on SwiftShader too, beside the lab.
const LAB_ALONE = '/embed/denoiser-training/training-lab/';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh context per test: its own IndexedDB, so no model saved by another test comes back. */
async function open(query: string, path = LESSON): Promise<{ page: Page; w: PageWatch }> {
  // A lost GPU is logged by the page, on purpose.
  const { page, w } = await watchedPage(browser, base, {}, { allowErrors: /GPU|WebGL|swiftshader/i });
  await page.goto(`${base}${path}${query}`);
  return { page, w };
}
const labAttr = (page: Page, name: string) => page.locator('[data-testid="training-lab"] [data-phase]').getAttribute(name);
async function waitPhase(page: Page, phase: string, timeout = 120_000) {
  await page.waitForFunction((p) => document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-phase') === p, phase, { timeout, polling: 250 });
}
async function waitStep(page: Page, min: number, timeout = 150_000) {
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-step')) >= n, min, { timeout, polling: 250 });
}
async function waitSaved(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="training-lab"] [data-phase]')!;
    return el.getAttribute('data-saved-step') !== '' && el.getAttribute('data-saved-step') === el.getAttribute('data-step');
  }, null, { timeout: 60_000 });
}
const t0 = Date.now();
const log = (what: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${what}`);
const pressedClasses = (page: Page) =>
  page.getByTestId('lab-classes').locator('button[aria-pressed="true"]').allTextContents();

describe('lesson 4: hyperparameters in the URL', () => {
  it('shows the values a link asks for in the controls, and keeps them in the URL', async () => {
    const { page, w } = await open('?lr=0.0003&batch=16&weighting=mse&dataset=fashion&classes=37&width=24&schedule=cosine&T=250');
    await waitPhase(page, 'idle');
    expect(await page.getByTestId('lab-lr').getAttribute('aria-valuetext')).toBe('3.0e-4');
    expect(await page.getByTestId('lab-batch').inputValue()).toBe('16');
    expect(await page.getByTestId('lab-weighting').inputValue()).toBe('mse');
    expect(await page.getByTestId('lab-dataset').inputValue()).toBe('fashion');
    expect(await page.getByTestId('lab-width').inputValue()).toBe('24');
    expect(await page.getByTestId('lab-schedule').inputValue()).toBe('cosine');
    expect(await page.getByTestId('lab-T').inputValue()).toBe('250');
    expect(await pressedClasses(page)).toEqual(['Dress', 'Sneaker']);
    // Writing back must not drop or reformat what the link set.
    await page.waitForTimeout(300);
    const q = new URL(page.url()).searchParams;
    expect(Object.fromEntries(['lr', 'batch', 'weighting', 'dataset', 'classes', 'width', 'schedule', 'T'].map((k) => [k, q.get(k)]))).toEqual({
      lr: '0.0003', batch: '16', weighting: 'mse', dataset: 'fashion', classes: '37', width: '24', schedule: 'cosine', T: '250',
    });
    await page.context().close();
  });

  it('clamps or ignores bad values instead of breaking the page', async () => {
    const { page, w } = await open('?lr=7&batch=7&weighting=l1&classes=x&width=abc&T=-3');
    await waitPhase(page, 'idle');
    expect(await page.getByTestId('lab-lr').getAttribute('aria-valuetext')).toBe('3.0e-2');
    expect(await page.getByTestId('lab-batch').inputValue()).toBe(String(DEFAULT_SETTINGS.batch));
    expect(await page.getByTestId('lab-weighting').inputValue()).toBe('min-snr');
    expect(await page.getByTestId('lab-width').inputValue()).toBe(String(DEFAULT_SETTINGS.width));
    expect(await page.getByTestId('lab-T').inputValue()).toBe('1000');
    expect(await pressedClasses(page)).toHaveLength(10);
    expect(await page.getByTestId('lab-start').isEnabled()).toBe(true);
    await page.context().close();
  });
});

describe('lesson 4: the GPU is lost while training', () => {
  it('says so, keeps the last saved state, and resumes from it on wasm', async () => {
    const { page } = await open('?lab=tiny&backend=webgpu&testhooks=1', LAB_ALONE);
    await waitPhase(page, 'idle');
    expect(await page.getByTestId('lab-backend').textContent()).toBe('WebGPU');
    await page.getByTestId('lab-start').click();
    await waitStep(page, 1);
    // Pause saves: that save is what must survive the lost GPU.
    await page.getByTestId('lab-pause').click();
    await waitPhase(page, 'paused');
    await waitSaved(page);
    const firstSave = Number(await labAttr(page, 'data-saved-step'));
    await page.getByTestId('lab-resume').click();
    await waitPhase(page, 'training');
    await waitStep(page, firstSave + 1);

    log(`trained to step ${await labAttr(page, 'data-step')} on WebGPU (saved at ${firstSave}); losing the device`);
    const gridBefore = await page.getByTestId('sample-grid').locator('canvas').count();
    await page.evaluate(() => (window as unknown as { __trainingLab: { loseDevice(): void } }).__trainingLab.loseDevice());
    await waitPhase(page, 'lost', 60_000);
    const lost = page.getByTestId('lab-lost');
    await lost.waitFor();
    const saved = Number(await labAttr(page, 'data-saved-step'));
    // An autosave may have landed after the pause; never a step that was not saved.
    expect(saved).toBeGreaterThanOrEqual(firstSave);
    const text = (await lost.textContent())!.replace(/\s+/g, ' ');
    expect(text).toMatch(/the GPU was lost/i);
    expect(text).toContain(`step ${saved}, the last save`);
    expect(text).toContain('Continue on wasm');
    const fallback = page.getByTestId('lab-fallback');
    expect(await fallback.textContent()).toBe('Continue on wasm');
    // Nothing else pretends it can carry on on the lost device.
    expect(await page.getByTestId('lab-pause').count()).toBe(0);
    expect(await page.getByTestId('lab-resume').count()).toBe(0);

    log(`lost; saved step ${saved}; falling back`);
    await fallback.click();
    await waitPhase(page, 'paused', 120_000);
    expect(await page.getByTestId('lab-backend').textContent()).toBe('wasm');
    // The backend's reasons name the lost GPU as the one it left.
    expect(await page.getByTestId('lab-backend').getAttribute('title')).toMatch(/WebGPU: lost/);
    expect(Number(await labAttr(page, 'data-step'))).toBe(saved);
    expect(await lost.count()).toBe(0);
    expect(await page.getByTestId('loss-chart').locator('svg path').count()).toBeGreaterThan(0);
    // The page keeps the samples it had: the worker does not resample right after a fallback
    // (on SwiftShader's WebGL that made the next training step fail to compile a shader).
    expect(await page.getByTestId('sample-grid').locator('canvas').count()).toBe(gridBefore);

    log('restored on wasm; resuming');
    await page.getByTestId('lab-resume').click();
    await waitPhase(page, 'training');
    await waitStep(page, saved + 2);
    expect(await labAttr(page, 'data-backend')).toBe('wasm');
    await page.getByTestId('lab-pause').click();
    await waitPhase(page, 'paused');
    await page.context().close();
    // SwiftShader's WebGPU takes seconds per step.
  }, 600_000);
});
