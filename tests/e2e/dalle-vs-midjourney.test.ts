/**
 * Lesson 8 on the built site with `?model=tiny` (a tiny random text U-Net,
 * labelled on screen): the long prompt shows its truncated chips with the cut
 * and its rewritten (condensed) chips, and both are generated side by side; the two
 * guidance settings share prompt and noise; bad prompts never throw.
 */
import { describe, expect, inject, it } from 'vitest';
import { MAX_TOKENS } from '../../src/text/vocabulary';
import { pageForFile, textOf, waitForText } from './browser';
import { canvasGrey, maxAbsDiff } from './canvas';

const base = inject('baseUrl');
const PATH = '/lessons/dalle-vs-midjourney/';
const tab = pageForFile(base, { webgpu: false });

/** Each test opens its own state: a fresh page with the tiny test model. */
async function open() {
  await tab.page.goto(`${base}${PATH}?model=tiny`);
  await tab.page.getByTestId('test-model').first().waitFor();
}

describe('lesson 8: DALL·E vs Midjourney (test model)', () => {
  it('shows the long prompt truncated (with the cut) and condensed, and generates both', async () => {
    await open();
    const trunc = tab.page.getByTestId('dp-trunc');
    const cond = tab.page.getByTestId('dp-cond');
    // 16 kept chips (known or [UNK]), the cut, then struck-through dropped ones.
    const kept = (await trunc.getByTestId('dp-trunc-chip').count()) + (await trunc.getByTestId('dp-trunc-unk').count());
    expect(kept).toBe(MAX_TOKENS);
    expect(await trunc.getByTestId('dp-trunc-unk').count()).toBeGreaterThan(0);
    expect(await tab.page.getByTestId('dp-trunc-cut').isVisible()).toBe(true);
    expect(await trunc.getByTestId('dp-trunc-dropped').count()).toBeGreaterThan(0);
    expect(await textOf(tab.page, 'dp-trunc-notice')).toContain('Truncated');
    expect(await textOf(tab.page, 'dp-condensed')).toBe('seven top right and 2 bottom left');
    expect(await cond.getByTestId('dp-cond-chip').allTextContents()).toEqual(['seven', 'top', 'right', 'and', '2', 'bottom', 'left']);
    expect(await cond.getByTestId('dp-cond-cut').count()).toBe(0);
    await waitForText(tab.page, 'dp-status', 'Done');
    const a = await canvasGrey(tab.page, 'dp-img-trunc');
    const b = await canvasGrey(tab.page, 'dp-img-cond');
    expect(new Set(a).size).toBeGreaterThan(3);
    expect(new Set(b).size).toBeGreaterThan(3);
    expect(maxAbsDiff(a, b)).toBeGreaterThan(0);
  });

  it('the moderate and over-guided settings sample the same prompt and noise at two scales', async () => {
    await open();
    await waitForText(tab.page, 'ds-status', 'Done');
    const a = await canvasGrey(tab.page, 'ds-img-0');
    const b = await canvasGrey(tab.page, 'ds-img-1');
    expect(new Set(a).size).toBeGreaterThan(3);
    expect(maxAbsDiff(a, b)).toBeGreaterThan(0);
    expect(await textOf(tab.page, 'analogy')).toMatch(/Analogy/);
  });

  it('bad prompts: empty is unconditional, 500 characters are cut with a notice, emoji are [UNK]', async () => {
    await open();
    await tab.page.getByTestId('dp-example-empty').click();
    await tab.page.getByTestId('dp-trunc-empty').waitFor();
    expect(await textOf(tab.page, 'dp-notes')).toContain('unconditional');
    await tab.page.locator('#dp-prompt').fill('a seven top left '.repeat(30).slice(0, 500));
    await tab.page.getByTestId('dp-trunc-notice').waitFor();
    expect(await textOf(tab.page, 'dp-count')).toContain('500 characters');
    await tab.page.getByTestId('dp-example').nth(2).click();
    await tab.page.getByTestId('dp-trunc-unk').first().waitFor();
    // The styles widget's prompt box flags emoji too.
    await tab.page.locator('#ds-prompt').fill('👩‍💻 3 top left');
    await tab.page.getByTestId('dalle-styles').getByTestId('chip-unk').waitFor();
    await waitForText(tab.page, 'dp-status', 'Done');
    await waitForText(tab.page, 'ds-status', 'Done');
  });
});
