/**
 * Lesson 4's training lab on the built site, with `?lab=tiny` (a tiny U-Net,
 * batch 4), on the backend the page chooses here: wasm, as for a reader
 * without a GPU (WebGPU is covered by tests/browser/training.test.ts; a forced
 * SwiftShader WebGL kept both cores busy in the GPU process and made the page's
 * own tasks run long for want of a core, which is not what this measures):
 * start / pause / resume, no main-thread task over 50 ms while training,
 * persistence across a reload, export → import round trip, and corrupt or
 * truncated imports that leave the model untouched.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeCheckpoint } from '../../src/train/checkpoint';
import { pageForFile } from './browser';

const base = inject('baseUrl');
const URL_ = `/lessons/denoiser-training/?lab=tiny`;
// The lab alone (its embed page: the same component, store and worker): the tests after the
// first, which measures the whole lesson's main thread, need none of the lesson's other figures.
const LAB_ALONE = `/embed/denoiser-training/training-lab/?lab=tiny`;
// The test that takes the GPU away makes the page log the loss, on purpose.
const tab = pageForFile(base, { acceptDownloads: true }, { allowErrors: /GPU|WebGL|swiftshader/i });

const lab = () => tab.page.getByTestId('training-lab');
const attr = (name: string) => lab().locator('[data-phase]').first().getAttribute(name);
async function waitPhase(phase: string, timeout = 120_000) {
  await tab.page.waitForFunction((p) => document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-phase') === p, phase, { timeout, polling: 250 });
}
async function waitStep(min: number, timeout = 150_000) {
  await tab.page.waitForFunction((n) => Number(document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-step')) >= n, min, { timeout, polling: 250 });
}
const step = async () => Number(await attr('data-step'));
const savedIsCurrent = () =>
  tab.page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="training-lab"] [data-phase]')!;
    return el.getAttribute('data-saved-step') === el.getAttribute('data-step');
  }, null, { timeout: 60_000 });

/** The lab as a new reader finds it: nothing saved (the store outlives a test, so an earlier test's model is reset). */
async function freshLab(path = LAB_ALONE) {
  await tab.page.goto(`${base}${path}`);
  await tab.page.waitForFunction(() => ['idle', 'paused'].includes(document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-phase') ?? ''), null, { timeout: 120_000 });
  if ((await attr('data-phase')) !== 'idle') {
    await tab.page.getByTestId('lab-reset').click();
    await waitPhase('idle');
  }
}

/** Each test's own starting point: a fresh lab trained a few steps, paused and saved. */
async function trainedAndSaved(steps = 3) {
  await freshLab();
  await tab.page.getByTestId('lab-start').click();
  await waitStep(steps);
  await tab.page.getByTestId('lab-pause').click();
  await waitPhase('paused');
  await savedIsCurrent();
}

async function exportFile(): Promise<Buffer> {
  const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByTestId('lab-export').click()]);
  return readFileSync((await download.path())!);
}

describe('lesson 4: the training lab', () => {
  it('starts, trains in the worker with no long main-thread task, and shows samples', async () => {
    await freshLab(URL_);
    // The one-step panel runs the shipped model on the page first; let it finish.
    await tab.page.getByTestId('one-step-mse').waitFor({ timeout: 120_000 });
    await tab.page.evaluate(() => {
      const g = window as unknown as { __long: number[] };
      g.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => g.__long.push(e.duration))).observe({ type: 'longtask' });
    });
    await tab.page.getByTestId('lab-start').click();
    await waitPhase('training');
    await waitStep(6);
    // The page answers while training: scroll, and move a slider.
    await tab.page.mouse.wheel(0, 600);
    await tab.page.getByTestId('lab-batch').selectOption('8');
    await waitStep(8);
    const longest = await tab.page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
    console.log(`longest main-thread task while training: ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThanOrEqual(50);
    await expect.poll(() => tab.page.getByTestId('sample-grid').locator('canvas').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const tensors = Number(await tab.page.getByTestId('lab-tensors').textContent());
    expect(tensors).toBeGreaterThan(0);
    expect(await tab.page.getByTestId('lab-backend').textContent()).toBe('wasm');
  });

  it('pauses (and saves), stays paused, and resumes', async () => {
    await freshLab();
    await tab.page.getByTestId('lab-start').click();
    await waitStep(2);
    await tab.page.getByTestId('lab-pause').click();
    await waitPhase('paused');
    await savedIsCurrent();
    const paused = await step();
    await tab.page.waitForTimeout(3000);
    expect(await step()).toBe(paused);
    await tab.page.getByTestId('lab-resume').click();
    await waitPhase('training');
    await waitStep(paused + 2);
    await tab.page.getByTestId('lab-pause').click();
    await waitPhase('paused');
  });

  it('comes back after a reload, at the saved step with its loss history', async () => {
    await trainedAndSaved();
    const saved = await step();
    await tab.page.reload();
    await waitPhase('paused');
    expect(await step()).toBe(saved);
    expect(await tab.page.getByTestId('loss-chart').locator('svg path').count()).toBeGreaterThan(0);
  });

  it("shows the restored model's samples right after the reload, without training", async () => {
    await trainedAndSaved();
    const saved = await step();
    await tab.page.reload();
    await waitPhase('paused');
    await expect.poll(() => tab.page.getByTestId('sample-grid').locator('canvas').count(), { timeout: 60_000 }).toBe(4);
    expect(await tab.page.getByTestId('sample-grid').locator('figcaption').first().textContent()).toBeTruthy();
    expect(await tab.page.getByTestId('sample-head').textContent()).toContain(`at step ${saved}`);
    // Nothing trained to get them: still paused at the saved step.
    expect(await attr('data-phase')).toBe('paused');
    expect(await step()).toBe(saved);
  });

  it('exports the model as a checkpoint file that decodes', async () => {
    await trainedAndSaved();
    const ck = decodeCheckpoint(new Uint8Array(await exportFile()));
    expect(ck.state.step).toBe(await step());
    expect(ck.config.baseChannels).toBe(8);
  });

  it('rejects a corrupt file and a truncated file with a clear message, model untouched', async () => {
    await trainedAndSaved();
    const exported = await exportFile();
    const before = await step();
    const corrupt = Buffer.from(exported);
    corrupt[corrupt.length - 100] ^= 0xff;
    await tab.page.getByTestId('lab-import').setInputFiles({ name: 'corrupt.ddmw', mimeType: 'application/octet-stream', buffer: corrupt });
    await expect.poll(() => tab.page.getByTestId('lab-import-error').textContent(), { timeout: 30_000 }).toMatch(/corrupt/i);
    expect(await step()).toBe(before);
    await tab.page.getByTestId('lab-import').setInputFiles({ name: 'short.ddmw', mimeType: 'application/octet-stream', buffer: exported.subarray(0, 5000) });
    await expect.poll(() => tab.page.getByTestId('lab-import-error').textContent(), { timeout: 30_000 }).toMatch(/truncated/i);
    await tab.page.getByTestId('lab-import').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, this is not a model at all') });
    await expect.poll(() => tab.page.getByTestId('lab-import-error').textContent(), { timeout: 30_000 }).toMatch(/not a weight file/i);
    expect(await step()).toBe(before);
    expect(await attr('data-phase')).toBe('paused');
  });

  it('imports the exported file back (round trip)', async () => {
    await trainedAndSaved();
    const exported = await exportFile();
    const exportedStep = decodeCheckpoint(new Uint8Array(exported)).state.step;
    await tab.page.getByTestId('lab-reset').click();
    await waitPhase('idle');
    expect(await step()).toBe(0);
    await tab.page.getByTestId('lab-import').setInputFiles({ name: 'mine.ddmw', mimeType: 'application/octet-stream', buffer: exported });
    await expect.poll(() => tab.page.getByTestId('lab-notice').textContent(), { timeout: 60_000 }).toMatch(/Imported/);
    await waitPhase('paused');
    expect(await step()).toBe(exportedStep);
  });
});
