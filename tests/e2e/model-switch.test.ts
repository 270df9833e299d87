/**
 * "Your model everywhere" on the built site: lessons 1 and 5 switch between
 * the shipped model and the reader's own, read from IndexedDB where lesson 4's
 * lab saves it. The reader's model here is a tiny random U-Net of another
 * width, trained (so its file says) on Fashion-MNIST with the cosine schedule
 * at T = 100: the widgets must take all of that from the file. `?model=tiny`
 * stands in for the shipped model, which is too slow on SwiftShader.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unetConfig } from '../../src/model/config';
import { initValues } from '../../src/model/params';
import { describeUNet } from '../../src/model/unet';
import { saveWeights } from '../../src/model/weight-io';
import { pageForFile } from './browser';
import { canvasGrey, maxAbsDiff } from './canvas';

const base = inject('baseUrl');
const tab = pageForFile(base, { webgpu: false });

const config = unetConfig('tiny', { baseChannels: 12, timesteps: 100 });
const specs = describeUNet(config).specs;
const bytes = saveWeights(config, initValues(specs, { seed: 3, zeroFinal: false }), {
  dtype: 'float32',
  meta: { step: 1234, dataset: 'fashion', classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], schedule: 'cosine' },
});

/** Puts a model where the training lab saves the reader's (src/model/reader-store-idb.ts, record 'yours'). */
async function storeYourModel(p: Page) {
  await p.evaluate(async (data) => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('diffusion-demystified', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('models');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('models', 'readwrite');
        tx.objectStore('models').put({ bytes: new Uint8Array(data), step: 1234, savedAt: 1, dataset: 'fashion', params: 0 }, 'yours');
        tx.oncomplete = () => (req.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
  }, Array.from(bytes));
}

const stepperSwitch = () => tab.page.getByTestId('reverse-stepper').getByTestId('model-switch');

async function waitReady() {
  await tab.page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 120_000 });
  await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

describe('the model switch in lessons 1 and 5', () => {
  it('without a model of your own, says so and cannot be switched', async () => {
    await tab.page.goto(`${base}/lessons/reverse-process/?model=tiny&steps=10&seed=5`);
    await waitReady();
    const sw = stepperSwitch();
    await expect(sw.getByRole('radio', { name: /Shipped/ }).isChecked()).resolves.toBe(true);
    await expect(sw.getByRole('radio', { name: /Yours/ }).isDisabled()).resolves.toBe(true);
    expect(await sw.textContent()).toContain('Train one in lesson 4');
    expect(await tab.page.getByTestId('model-label').textContent()).toContain('Test model');
  });

  it("switches the step-through, the grid and SDEdit to your model with the keyboard, and back", async () => {
    const shippedEps = await canvasGrey(tab.page, 'eps-a');
    await storeYourModel(tab.page);
    await tab.page.reload();
    await waitReady();
    const sw = stepperSwitch();
    const yours = sw.getByRole('radio', { name: /Yours/ });
    await expect(yours.isEnabled()).resolves.toBe(true);
    expect(await sw.textContent()).toContain('(step 1,234)');
    // Keyboard: focus the checked radio, arrow to the next one.
    await sw.getByRole('radio', { name: /Shipped/ }).focus();
    await tab.page.keyboard.press('ArrowRight');
    await expect(yours.isChecked()).resolves.toBe(true);
    await tab.page.getByTestId('model-label').filter({ hasText: 'Your model (step 1,234)' }).waitFor();
    expect(await tab.page.getByTestId('model-label').textContent()).toContain('8×8 Fashion-MNIST, width 12, T = 100, cosine schedule');
    await waitReady();
    // The model's own T, and its class names, reach the widget.
    expect(await tab.page.getByTestId('position').textContent()).toContain('t = 100 = T (noise)');
    expect(await tab.page.getByTestId('digit').locator('label:has([value="3"]) span').textContent()).toBe('3 (Dress)');
    // It renders, and it is another network than before on the same x_T.
    const eps = await canvasGrey(tab.page, 'eps-a');
    expect(new Set(eps).size).toBeGreaterThan(4);
    expect(maxAbsDiff(eps, shippedEps)).toBeGreaterThan(0);
    await tab.page.getByTestId('step-forward').click();
    await tab.page.getByTestId('position').filter({ hasText: /^step 1 of 10/ }).waitFor({ timeout: 120_000 });
    expect(await tab.page.getByTestId('position').textContent()).toBe('step 1 of 10, t = 89');
    expect(await tab.page.getByTestId('where').textContent()).toMatch(/in a worker \((webgpu|webgl|wasm|cpu)\)/);
    // The grid samples with it.
    expect(await tab.page.getByTestId('grid-using').textContent()).toContain('Your model (step 1,234)');
    await tab.page.getByTestId('grid-start').click();
    await tab.page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="grid-progress"]') as HTMLProgressElement | null;
      return p && p.value === 10 && p.max === 10;
    }, null, { timeout: 120_000 });
    expect(await tab.page.getByTestId('sample-grid').locator('figcaption').first().textContent()).toBe('Dress');
    // SDEdit follows the same choice, with its own switch.
    await tab.page.getByTestId('sdedit').scrollIntoViewIfNeeded();
    await expect(tab.page.getByTestId('sdedit').getByRole('radio', { name: /Yours/ }).isChecked()).resolves.toBe(true);
    await tab.page.getByTestId('sd-model-label').filter({ hasText: 'Your model' }).waitFor();
    await tab.page.getByTestId('sd-status').filter({ hasText: 'Done' }).waitFor({ timeout: 120_000 });
    expect(new Set(await canvasGrey(tab.page, 'sd-result-0')).size).toBeGreaterThan(2);
    // Back to the shipped model, by keyboard, from SDEdit's switch: every widget follows.
    await tab.page.getByTestId('sdedit').getByRole('radio', { name: /Yours/ }).focus();
    await tab.page.keyboard.press('ArrowLeft');
    await tab.page.getByTestId('model-label').filter({ hasText: 'Test model' }).waitFor();
    await waitReady();
    // Same step, on the shipped model's T = 1000 again (it was t = 89 of T = 100).
    expect(await tab.page.getByTestId('position').textContent()).toBe('step 1 of 10, t = 889');
  });

  it('lesson 1: the hero draws with your model when chosen', async () => {
    await tab.page.goto(`${base}/lessons/what-is-diffusion/?model=tiny`);
    const sw = tab.page.getByTestId('hero').getByTestId('model-switch');
    await sw.getByRole('radio', { name: /Yours/ }).check();
    await tab.page.getByTestId('hero-model').filter({ hasText: 'Your model (step 1,234)' }).waitFor({ timeout: 120_000 });
    await tab.page.getByTestId('hero-phase').filter({ hasText: 'your model draws a new “Dress”' }).waitFor({ timeout: 120_000 });
    await tab.page.getByTestId('hero-replay').waitFor({ timeout: 120_000 });
    expect(await tab.page.getByTestId('hero-t').textContent()).toBe('0');
  });
});
