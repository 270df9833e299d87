/**
 * Two tabs of one browser (one context: one IndexedDB, one saved model) and
 * the training lab: while the first trains, the second's Start says so and
 * trains nothing; once the first pauses (and its save has landed), the
 * second can start. Tiny model on wasm, so no emulated GPU is involved.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launch } from './browser';
import { OFFLINE_PREF_KEY } from '../../site/offline/offline-status';

const base = inject('baseUrl');
const URL_ = '/lessons/denoiser-training/?lab=tiny&backend=wasm';
let browser: Browser;
let context: BrowserContext;
let a: Page;
let b: Page;

const attr = (p: Page, name: string) => p.locator('[data-testid="training-lab"] [data-phase]').first().getAttribute(name);
const waitPhase = (p: Page, phase: string, timeout = 120_000) =>
  p.waitForFunction((ph) => document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-phase') === ph, phase, { timeout, polling: 250 });
const waitStep = (p: Page, min: number, timeout = 150_000) =>
  p.waitForFunction((n) => Number(document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-step')) >= n, min, { timeout, polling: 250 });

beforeAll(async () => {
  browser = await launch(['--disable-gpu'], { webgpu: false });
  context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript((key) => localStorage.setItem(key, 'off'), OFFLINE_PREF_KEY);
  a = await context.newPage();
  b = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('two tabs and one training lab', () => {
  it('the second tab is told another tab trains, and does not start', async () => {
    await a.goto(`${base}${URL_}`);
    await b.goto(`${base}${URL_}`);
    await waitPhase(a, 'idle');
    await waitPhase(b, 'idle');
    expect(await b.getByTestId('lab-elsewhere').count()).toBe(0);
    await a.getByTestId('lab-start').click();
    await waitPhase(a, 'training');
    await waitStep(a, 1);

    await b.getByTestId('lab-start').click();
    const note = b.getByTestId('lab-elsewhere');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toMatch(/Another tab is already training/);
    expect(await note.textContent()).toMatch(/Pause it in that tab/);
    expect(await note.getAttribute('role')).toBe('alert');
    // Nothing started: given time to, the second lab stays idle at step 0.
    await b.waitForTimeout(3000);
    expect(await attr(b, 'data-phase')).toBe('idle');
    expect(await attr(b, 'data-step')).toBe('0');
    expect(await b.getByTestId('lab-start').count()).toBe(1);
    // The first tab trained on regardless.
    expect(await attr(a, 'data-phase')).toBe('training');
  });

  it('after the first tab pauses and saves, the second starts', async () => {
    await a.getByTestId('lab-pause').click();
    await waitPhase(a, 'paused');
    await a.waitForFunction(() => {
      const el = document.querySelector('[data-testid="training-lab"] [data-phase]')!;
      return el.getAttribute('data-saved-step') === el.getAttribute('data-step');
    }, null, { timeout: 60_000 });

    await b.getByTestId('lab-start').click();
    await waitPhase(b, 'training');
    await waitStep(b, 1);
    expect(await b.getByTestId('lab-elsewhere').count()).toBe(0);

    // And now it is the first tab's turn to be told.
    await a.getByTestId('lab-resume').click();
    await a.getByTestId('lab-elsewhere').waitFor({ timeout: 10_000 });
    expect(await attr(a, 'data-phase')).toBe('paused');

    await b.getByTestId('lab-pause').click();
    await waitPhase(b, 'paused');
  });
});
