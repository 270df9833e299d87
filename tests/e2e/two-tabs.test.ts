/**
 * Two tabs of one browser (one context: one IndexedDB, one saved model) and
 * the training lab: while the first trains, the second's Start and Import say
 * so and change nothing; once the first pauses (and its save has landed), the
 * second can start, and an import goes through and lets go of the lock.
 * Tiny model on wasm, so no emulated GPU is involved; the lab alone (its
 * embed page, the same component and lock), so no other figure of lesson 4
 * competes for the cores.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launch } from './browser';
import { OFFLINE_PREF_KEY } from '../../site/offline/offline-status';
import { DB_NAME, STORE } from '../../src/model/reader-store-idb';
import { decodeCheckpoint } from '../../src/train/checkpoint';

const base = inject('baseUrl');
const URL_ = '/embed/denoiser-training/training-lab/?lab=tiny&backend=wasm';
let browser: Browser;
let context: BrowserContext;
let a: Page;
let b: Page;

const attr = (p: Page, name: string) => p.locator('[data-testid="training-lab"] [data-phase]').first().getAttribute(name);
const waitPhase = (p: Page, phase: string, timeout = 120_000) =>
  p.waitForFunction((ph) => document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-phase') === ph, phase, { timeout, polling: 250 });
const waitStep = (p: Page, min: number, timeout = 150_000) =>
  p.waitForFunction((n) => Number(document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-step')) >= n, min, { timeout, polling: 250 });

const waitSaved = (p: Page) =>
  p.waitForFunction(() => {
    const el = document.querySelector('[data-testid="training-lab"] [data-phase]')!;
    return el.getAttribute('data-saved-step') === el.getAttribute('data-step');
  }, null, { timeout: 60_000 });
/** The step of the checkpoint this browser keeps (null: none), read straight from IndexedDB in the page. */
const storedStep = ([db, store]: readonly [string, string]) =>
  new Promise<number | null>((resolve, reject) => {
    const req = indexedDB.open(db);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction(store, 'readonly');
      const get = tx.objectStore(store).get('checkpoint');
      get.onsuccess = () => {
        resolve((get.result as { step?: number } | undefined)?.step ?? null);
        req.result.close();
      };
      get.onerror = () => reject(get.error);
    };
  });

beforeAll(async () => {
  browser = await launch(['--disable-gpu'], { webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});
// Each test gets its own browser profile (its own IndexedDB and lock), so none depends on another's saves.
beforeEach(async () => {
  context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript((key) => localStorage.setItem(key, 'off'), OFFLINE_PREF_KEY);
  a = await context.newPage();
  b = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

/** Both tabs on the lab, the first one training. */
async function firstTabTraining() {
  await a.goto(`${base}${URL_}`);
  await b.goto(`${base}${URL_}`);
  await waitPhase(a, 'idle');
  await waitPhase(b, 'idle');
  await a.getByTestId('lab-start').click();
  await waitPhase(a, 'training');
  await waitStep(a, 1);
}

/** A real model file, so only the lock can refuse it: the first tab's own, exported as it trains. */
async function exportFromFirstTab(): Promise<Buffer> {
  const [download] = await Promise.all([a.waitForEvent('download'), a.getByTestId('lab-export').click()]);
  return readFileSync((await download.path())!);
}

describe('two tabs and one training lab', () => {
  it('while the first tab trains, the second is told so on Start and on Import, and neither changes anything', async () => {
    await firstTabTraining();
    expect(await b.getByTestId('lab-elsewhere').count()).toBe(0);

    await b.getByTestId('lab-start').click();
    const note = b.getByTestId('lab-elsewhere');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toMatch(/Another tab is already training/);
    expect(await note.textContent()).toMatch(/Pause it in that tab/);
    expect(await note.getAttribute('role')).toBe('alert');

    // A real model file, so only the lock can refuse it.
    const exported = await exportFromFirstTab();
    await b.getByTestId('lab-import').setInputFiles({ name: 'other.ddmw', mimeType: 'application/octet-stream', buffer: exported });
    const err = b.getByTestId('lab-import-error');
    await err.waitFor({ timeout: 10_000 });
    expect(await err.textContent()).toMatch(/Another tab is training/);
    expect(await err.textContent()).toMatch(/then import again here/);
    expect(await err.textContent()).toMatch(/No model was loaded/);
    expect(await err.getAttribute('role')).toBe('alert');

    // Nothing started or loaded: given time to, the second lab stays idle at step 0.
    await b.waitForTimeout(3000);
    expect(await attr(b, 'data-phase')).toBe('idle');
    expect(await attr(b, 'data-step')).toBe('0');
    expect(await b.getByTestId('lab-start').count()).toBe(1);
    expect(await b.getByTestId('lab-notice').count()).toBe(0);
    // Nothing written over the first tab's saves: the store holds what it last saved (nothing yet, or its step).
    const savedBefore = await attr(a, 'data-saved-step');
    const stored = await b.evaluate(storedStep, [DB_NAME, STORE] as const);
    const savedAfter = await attr(a, 'data-saved-step');
    expect([savedBefore, savedAfter]).toContain(stored === null ? '' : String(stored));
    // The first tab trained on regardless.
    expect(await attr(a, 'data-phase')).toBe('training');
  });

  it('after the first tab pauses and saves, the second starts', async () => {
    await firstTabTraining();
    await a.getByTestId('lab-pause').click();
    await waitPhase(a, 'paused');
    await waitSaved(a);

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

  it('with no tab training, an import goes through, and then lets the other tab train', async () => {
    await firstTabTraining();
    const exported = await exportFromFirstTab();
    await a.getByTestId('lab-pause').click();
    await waitPhase(a, 'paused');
    await waitSaved(a);
    const fileStep = decodeCheckpoint(new Uint8Array(exported)).state.step;
    await a.getByTestId('lab-import').setInputFiles({ name: 'mine.ddmw', mimeType: 'application/octet-stream', buffer: exported });
    await expect.poll(() => a.getByTestId('lab-notice').textContent(), { timeout: 60_000 }).toMatch(/Imported/);
    expect(await a.getByTestId('lab-import-error').count()).toBe(0);
    expect(await attr(a, 'data-step')).toBe(String(fileStep));
    expect(await a.evaluate(storedStep, [DB_NAME, STORE] as const)).toBe(fileStep);
    // The import's hold on the lock is gone: the second tab may train.
    await b.getByTestId('lab-start').click();
    await waitPhase(b, 'training');
    expect(await b.getByTestId('lab-elsewhere').count()).toBe(0);
    await b.getByTestId('lab-pause').click();
    await waitPhase(b, 'paused');
  });
});
