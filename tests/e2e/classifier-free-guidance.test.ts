/**
 * Lesson 7 on the built site with `?model=tiny` (a tiny random text U-Net,
 * 8×8, that runs the same widget code in milliseconds per step): the guidance
 * slider, driven by the keyboard, redraws the guided panels; the scale grid
 * fills; the chart says its measurement is pending until the sweep file
 * exists; bad prompts never throw.
 */
import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { pageForFile, textOf, waitForText } from './browser';
import { canvasGrey, maxAbsDiff } from './canvas';

const base = inject('baseUrl');
const PATH = '/lessons/classifier-free-guidance/';
const tab = pageForFile(base, { webgpu: false });

/** Each test opens its own state: a fresh page with the tiny test model, its guided panel done. */
async function open() {
  await tab.page.goto(`${base}${PATH}?model=tiny&steps=5&k=1&gsteps=5&grows=2`);
  await tab.page.getByTestId('test-model').first().waitFor();
  await waitForText(tab.page, 'gp-status', 'Done');
}

const param = (name: string) => tab.page.evaluate((n) => new URLSearchParams(location.search).get(n), name);

describe('lesson 7: classifier-free guidance (test model)', () => {
  it('labels the test model and samples with both predictions', async () => {
    await open();
    expect(await textOf(tab.page, 'test-model')).toMatch(/Test model/);
    for (const id of ['gp-xt', 'gp-epsu', 'gp-epsc', 'gp-scaled', 'gp-guided']) {
      expect(new Set(await canvasGrey(tab.page, id)).size, id).toBeGreaterThan(3);
    }
    // The random model's x̂₀ is mostly clipped to ±1: drawn, but with few greys.
    for (const id of ['gp-x0', 'gp-final']) expect(new Set(await canvasGrey(tab.page, id)).size, id).toBeGreaterThan(1);
  });

  it('the guidance slider, by keyboard, changes the guided panel and the URL', async () => {
    await open();
    const before = await canvasGrey(tab.page, 'gp-guided');
    const rmsBefore = await textOf(tab.page, 'gp-scaled-rms');
    await tab.page.getByTestId('gp-w').focus();
    for (let i = 0; i < 6; i++) await tab.page.keyboard.press('ArrowRight'); // 3 → 6 in steps of 0.5
    await tab.page.waitForFunction(() => (document.querySelector('[data-testid="gp-w"]') as HTMLInputElement).value === '6');
    await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    expect(maxAbsDiff(before, await canvasGrey(tab.page, 'gp-guided'))).toBeGreaterThan(0);
    expect(await textOf(tab.page, 'gp-scaled-rms')).not.toBe(rmsBefore);
    await tab.page.waitForFunction(() => new URLSearchParams(location.search).get('w') === '6');
    // The run is then resampled at the new scale.
    await waitForText(tab.page, 'gp-status', 'at w = 6');
    expect(await param('w')).toBe('6');
  });

  it('the step scrubber moves through the kept steps', async () => {
    await open();
    const at1 = await canvasGrey(tab.page, 'gp-xt');
    await tab.page.getByTestId('gp-step').focus();
    await tab.page.keyboard.press('Home');
    await tab.page.waitForFunction(() => new URLSearchParams(location.search).get('k') === '0');
    await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(maxAbsDiff(at1, await canvasGrey(tab.page, 'gp-xt'))).toBeGreaterThan(0);
  });

  it('renders the scale grid once the reader nears it: one run, seven scales per row, the same noise along a row', async () => {
    await open();
    // Far down the page, the grid waits for the reader (it would take the cores from the figure on screen).
    const grid = tab.page.getByTestId('guidance-grid');
    expect(await grid.getAttribute('data-state')).toBe('idle');
    expect(await grid.locator('.waiting').first().textContent()).toContain('Starts when the figure is on screen');
    expect(await textOf(tab.page, 'gg-status')).toBe('');
    await grid.scrollIntoViewIfNeeded();
    await waitForText(tab.page, 'gg-status', 'Done');
    const cols = 7;
    const row = await Promise.all(Array.from({ length: cols }, (_, c) => canvasGrey(tab.page, `gg-cell-0-${c}`)));
    for (const img of row) expect(new Set(img).size).toBeGreaterThan(3);
    // Scale 0 and scale 10 on the same seed give different images; two seeds at one scale do too.
    expect(maxAbsDiff(row[0], row[cols - 1])).toBeGreaterThan(0);
    expect(maxAbsDiff(row[3], await canvasGrey(tab.page, 'gg-cell-1-3'))).toBeGreaterThan(0);
  });

  it('the chart is pending until the sweep file exists, and shows the command', async () => {
    await open();
    const measured = existsSync('trained-models/text-scenes/guidance-sweep.json');
    if (measured) {
      await tab.page.getByTestId('guidance-adherence').locator('svg').waitFor();
    } else {
      expect(await textOf(tab.page, 'guidance-pending')).toContain('Measurement pending');
    }
    expect(await textOf(tab.page, 'guidance-command')).toContain('--guidance-sweep');
  });

  it('bad prompts: empty is unconditional, 500 characters are truncated, emoji are [UNK]; nothing throws', async () => {
    await open();
    const input = tab.page.locator('#gp-prompt');
    await input.fill('');
    await tab.page.getByTestId('gp-empty').waitFor();
    expect(await tab.page.getByTestId('notice-empty').first().isVisible()).toBe(true);
    await input.fill('seven '.repeat(84).slice(0, 500));
    await tab.page.getByTestId('notice-truncated').first().waitFor();
    await input.fill('🎨 3 top left 👩‍💻');
    await tab.page.getByTestId('chip-unk').first().waitFor();
    expect(await tab.page.getByTestId('prompt-chips').first().getByTestId('chip-unk').count()).toBe(2);
    await waitForText(tab.page, 'gp-status', 'Done');
  });
});
