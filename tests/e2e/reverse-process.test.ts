/**
 * Lesson 5 on the built site: play, step, back, scrub and the seed lock drive
 * the step-through. The shipped 28×28 model takes ~6 s per step on SwiftShader
 * WebGPU (~1.3 s on WebGL), so these tests load `?model=tiny`, a tiny random
 * U-Net (8×8) that runs the same widget code in milliseconds per step. The
 * starting noise is checked pixel for pixel against the maths core in Node.
 */
import { describe, expect, inject, it } from 'vitest';
import { seededStart } from '../../src/widgets/reverse/trajectory';
import { pageForFile } from './browser';
import { canvasGrey, expectedGrey, maxAbsDiff } from './canvas';

const base = inject('baseUrl');
const PATH = '/lessons/reverse-process/';
const tab = pageForFile(base, { webgpu: false });

const position = (col: 'a' | 'b' = 'a') => tab.page.getByTestId(col === 'a' ? 'position' : 'b-position').textContent();

async function waitForStep(k: number, col: 'a' | 'b' = 'a') {
  await tab.page.waitForFunction(
    ([k, id]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.startsWith(`step ${k} of`),
    [k, col === 'a' ? 'position' : 'b-position'] as const,
    { timeout: 120_000 },
  );
  await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

async function scrubTo(k: number) {
  await tab.page.getByTestId('scrub').evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, k);
}

/** Each test opens its own state: a fresh page at `query`, its step `k` drawn. */
async function open(query: string, k = 0) {
  await tab.page.goto(`${base}${PATH}?${query}`);
  await tab.page.getByTestId('test-model').waitFor();
  await waitForStep(k);
}

const param = (name: string) => tab.page.evaluate((n) => new URLSearchParams(location.search).get(n), name);

describe('lesson 5: the reverse process (test model)', () => {
  it('starts from the seeded noise x_T, shown with the t = T convention', async () => {
    await open('model=tiny&steps=10&seed=5');
    expect(await position()).toContain('t = 1000 = T (noise)');
    const { xT } = seededStart(5, 64);
    expect(maxAbsDiff(await canvasGrey(tab.page, 'xt-a'), expectedGrey(xT))).toBeLessThanOrEqual(1);
    // ε̂ and x̂₀ of the first step are drawn (not blank canvases).
    await tab.page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('Ready'));
    const eps = await canvasGrey(tab.page, 'eps-a');
    expect(new Set(eps).size).toBeGreaterThan(4);
    // The network runs off the main thread.
    expect(await tab.page.getByTestId('where').textContent()).toMatch(/in a worker \((webgpu|webgl|wasm|cpu)\)/);
  });

  it('steps forward and back through the kept history, and the keyboard does too', async () => {
    await open('model=tiny&steps=10&seed=5');
    const x0 = await canvasGrey(tab.page, 'xt-a');
    await tab.page.getByTestId('step-forward').click();
    await waitForStep(1);
    const x1 = await canvasGrey(tab.page, 'xt-a');
    expect(maxAbsDiff(x0, x1)).toBeGreaterThan(0);
    await tab.page.getByTestId('step-back').click();
    await waitForStep(0);
    expect(await canvasGrey(tab.page, 'xt-a')).toEqual(x0);
    await tab.page.getByTestId('step-forward').focus();
    await tab.page.keyboard.press('ArrowRight');
    await waitForStep(1);
    await tab.page.keyboard.press('ArrowLeft');
    await waitForStep(0);
  });

  it('scrubs to any step (computing the way there) and keeps it in the URL', async () => {
    await open('model=tiny&steps=10&seed=5');
    await scrubTo(7);
    await waitForStep(7);
    expect(await param('k')).toBe('7');
    await scrubTo(3);
    await waitForStep(3);
  });

  it('plays to the end (t = 0, the data) and pauses', async () => {
    await open('model=tiny&steps=10&seed=5&k=3', 3);
    await tab.page.getByTestId('play').click();
    await waitForStep(10);
    expect(await position()).toContain('t = 0 (data)');
    expect(await tab.page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    await tab.page.getByTestId('to-start').click();
    await waitForStep(0);
    await tab.page.getByTestId('play').click();
    expect(await tab.page.getByTestId('play').getAttribute('aria-pressed')).toBe('true');
    await tab.page.waitForFunction(() => /^step [2-9] of/.test(document.querySelector('[data-testid="position"]')?.textContent ?? ''));
    await tab.page.getByTestId('play').click(); // pause
    expect(await tab.page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    const paused = await position();
    await tab.page.waitForTimeout(600);
    expect(await position()).toBe(paused);
  });

  it('the same URL gives the same images (determinism)', async () => {
    await open('model=tiny&steps=10&seed=5&k=6', 6);
    expect(await tab.page.getByTestId('scrub').inputValue()).toBe('6');
    const first = await canvasGrey(tab.page, 'xt-a');
    await tab.page.reload();
    await waitForStep(6);
    expect(await canvasGrey(tab.page, 'xt-a')).toEqual(first);
  });

  it('seed lock: a compare column runs on the very same x_T; unlocking draws new noise on a change', async () => {
    await open('model=tiny&steps=10&seed=9&cmp=1&csteps=20&csmp=ddpm-beta');
    await waitForStep(0, 'b');
    expect(await canvasGrey(tab.page, 'xt-b')).toEqual(await canvasGrey(tab.page, 'xt-a'));
    // Locked (default): changing a setting keeps the seed.
    await tab.page.getByTestId('sampler').selectOption('ddpm-posterior');
    await tab.page.waitForFunction(() => new URLSearchParams(location.search).get('smp') === 'ddpm-posterior');
    expect(await param('seed')).toBe('9');
    await scrubTo(10);
    await waitForStep(10);
    await waitForStep(20, 'b');
    // Unlocked: the next change draws a fresh seed.
    await tab.page.getByTestId('seed-lock').uncheck();
    await tab.page.getByTestId('sampler').selectOption('ddim');
    await tab.page.waitForFunction(() => new URLSearchParams(location.search).get('seed') !== '9');
    const { xT } = seededStart(Number(await param('seed')), 64);
    await tab.page.getByTestId('to-start').click();
    await waitForStep(0);
    expect(maxAbsDiff(await canvasGrey(tab.page, 'xt-a'), expectedGrey(xT))).toBeLessThanOrEqual(1);
  });

  it('grid mode samples 16 at once with a progress bar, in a grid laid out before it starts', async () => {
    await tab.page.goto(`${base}${PATH}?model=tiny&steps=10&digit=none`);
    // Before the run: the 16 empty cells with what each will hold, hidden from screen readers, and the
    // progress row's place kept, so starting moves nothing on the page.
    const grid = tab.page.getByTestId('sample-grid');
    await grid.locator('[data-testid="grid-cell-15"]').waitFor();
    expect(await grid.locator('.pixel-image.pending').count()).toBe(16);
    expect(await grid.locator('.cells').getAttribute('aria-hidden')).toBe('true');
    expect(await grid.locator('figcaption').first().textContent()).toBe('0');
    const before = (await grid.boundingBox())!.height;
    await tab.page.getByTestId('grid-start').click();
    await tab.page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="grid-progress"]') as HTMLProgressElement | null;
      return p && p.value === 10 && p.max === 10;
    });
    expect(await tab.page.locator('[data-testid^="grid-cell-"]').count()).toBe(16);
    expect(await grid.locator('.pixel-image.pending').count()).toBe(0);
    expect(await grid.locator('.cells').getAttribute('aria-hidden')).toBeNull();
    expect(Math.abs((await grid.boundingBox())!.height - before)).toBeLessThanOrEqual(1);
  });

  it('image to image fills both rows; the quality chart says plainly when it is pending; no console error', async () => {
    await open('model=tiny&steps=10&digit=none');
    await tab.page.getByTestId('sdedit').scrollIntoViewIfNeeded();
    await tab.page.getByTestId('sd-status').filter({ hasText: 'Done' }).waitFor({ timeout: 120_000 });
    const a = await canvasGrey(tab.page, 'sd-result-0');
    expect(new Set(a).size).toBeGreaterThan(2);
    const pending = await tab.page.getByTestId('quality-pending').count();
    const charts = await tab.page.getByTestId('quality-fid').count();
    expect(pending + charts).toBe(1);
    expect(await tab.page.getByTestId('quality-command').textContent()).toMatch(/eval/);
  });
});
