/**
 * Lesson 6 on the built site, with `?model=tiny` (the 8×8 random text model:
 * it draws nothing meaningful but runs the very same worker, maps and widget
 * code in a fraction of the shipped model's time). Prompt chips and notices,
 * generation with progress, the heatmap for a chosen token, the step scrubber
 * and the probe by keyboard, and a flat tensor count over repeated runs.
 */
import { describe, expect, inject, it } from 'vitest';
import { pageForFile } from './browser';

const base = inject('baseUrl');
const PATH = '/lessons/text-conditioning/';
const tab = pageForFile(base, { webgpu: false });

const status = () => tab.page.getByTestId('text-status').textContent();

async function waitDone() {
  // Done, and its progress full: under load a run started by the previous test's typing can still be
  // reporting when the next one is asked for.
  await tab.page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="text-progress"]') as HTMLProgressElement | null;
    return document.querySelector('[data-testid="text-status"]')?.textContent?.startsWith('Done') && p !== null && p.max > 0 && p.value === p.max;
  }, null, {
    timeout: 120_000,
  });
}

/** All RGBA bytes of a canvas, to tell two renderings apart. */
function canvasBytes(testid: string): Promise<number[]> {
  return tab.page.getByTestId(testid).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
  });
}

/** Each test opens its own state: a fresh page with `prompt`, its first run done. */
async function open(prompt: string) {
  await tab.page.goto(`${base}${PATH}?model=tiny&steps=8&seed=3&p=${encodeURIComponent(prompt)}`);
  await tab.page.getByTestId('test-model').waitFor({ timeout: 120_000 });
  await waitDone();
}

const PROMPT = 'a 7 🐱 top left';

const differs = (a: number[], b: number[]) => a.some((v, i) => v !== b[i]);

describe('lesson 6: text conditioning (test model)', () => {
  it('shows the prompt as chips, with an emoji flagged [UNK]', async () => {
    await tab.page.goto(`${base}${PATH}?model=tiny&steps=8&seed=3`);
    await tab.page.getByTestId('test-model').waitFor({ timeout: 120_000 });
    await tab.page.getByTestId('prompt-input').fill(PROMPT);
    const chips = tab.page.getByTestId('prompt-chips');
    await expect.poll(() => chips.locator('li').count()).toBe(6); // 5 tokens + the [PAD] chip
    const unk = tab.page.getByTestId('chip-unk');
    expect(await unk.count()).toBe(1);
    expect(await unk.textContent()).toContain('🐱');
    expect(await unk.textContent()).toContain('[UNK]');
    expect(await tab.page.getByTestId('notice-unknown').textContent()).toContain('1 unknown word');
    expect(await tab.page.getByTestId('prompt-count').textContent()).toContain('5 / 16 tokens');
    // The prompt is state a link carries.
    expect(await tab.page.evaluate(() => new URLSearchParams(location.search).get('p'))).toBe('a 7 🐱 top left');
    // The lesson says what the shipped model measurably does, from its eval file, with the command.
    const note = await tab.page.getByTestId('text-quality').textContent();
    expect(note).toMatch(/On 500 held-out prompts \(DDIM-50, guidance 3\) it draws the asked-for digit in the\s+asked-for cell \d+% of the time/);
    expect(await tab.page.getByTestId('text-quality-command').textContent()).toContain('npm run eval -- --model trained-models/text-scenes');
    // The per-block chart is drawn from the two shipped eval files, not left pending.
    expect(await tab.page.getByTestId('grounding-pending').count()).toBe(0);
    expect(await tab.page.getByTestId('grounding-plot').locator('circle').count()).toBe(10);
  });

  it('generates in the worker with progress, and draws the chosen token’s map', async () => {
    await open(PROMPT);
    await tab.page.getByTestId('generate').click();
    await tab.page
      .waitForFunction(() => !document.querySelector('[data-testid="text-status"]')?.textContent?.startsWith('Done'), null, { timeout: 5_000 })
      .catch(() => {}); // on wasm a tiny run can start and end between two polls
    await waitDone();
    expect(await status()).toMatch(/^Done: 8 steps/);
    expect(await tab.page.getByTestId('text-where').textContent()).toMatch(/in a worker \((webgpu|webgl|wasm|cpu)\)/);
    const progress = tab.page.getByTestId('text-progress');
    expect(await progress.evaluate((el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).toEqual([8, 8]);
    // The chips of the run: 5 tokens and [PAD] ×11; the default is the first digit, "7".
    const chips = tab.page.getByTestId('token-chip');
    expect(await chips.count()).toBe(6);
    expect(await tab.page.getByTestId('shown-token').textContent()).toBe('7');
    expect(await chips.nth(2).textContent()).toBe('🐱 [UNK]');
    const seven = await canvasBytes('heatmap-big');
    expect(new Set(seven).size).toBeGreaterThan(8); // not a blank canvas
    await chips.nth(5).click();
    expect(await tab.page.getByTestId('shown-token').textContent()).toBe('[PAD] ×11');
    expect(differs(await canvasBytes('heatmap-big'), seven)).toBe(true);
    // Hovering a chip previews its map; leaving returns to the chosen one.
    await chips.nth(0).hover();
    expect(await tab.page.getByTestId('shown-token').textContent()).toBe('a');
    await tab.page.mouse.move(5, 5);
    expect(await tab.page.getByTestId('shown-token').textContent()).toBe('[PAD] ×11');
    // Arrow keys move along the chips (roving focus).
    await chips.nth(5).focus();
    await tab.page.keyboard.press('ArrowLeft');
    expect(await tab.page.getByTestId('shown-token').textContent()).toBe('left');
    expect(await tab.page.evaluate(() => (document.activeElement as HTMLElement).textContent)).toBe('left');
    // One tile per token, and a legend with its scale.
    // Polled: a run that starts late (the click's, seen as done before it began) clears the maps for a moment.
    await expect.poll(() => tab.page.getByTestId('tile').count(), { timeout: 30_000 }).toBe(6);
    expect(await tab.page.getByTestId('legend').textContent()).toMatch(/0\s*[\d.]+\s*[\d.]+/);
  });

  it('scrubs the steps and probes a region with the keyboard', async () => {
    await open(PROMPT);
    await tab.page.getByTestId('avg-steps').uncheck();
    const scrub = tab.page.getByTestId('step-scrubber');
    expect(await scrub.isDisabled()).toBe(false);
    await scrub.focus();
    await tab.page.keyboard.press('End');
    await expect.poll(() => scrub.evaluate((el) => (el as HTMLInputElement).getAttribute('aria-valuetext'))).toMatch(/^step 8 of 8/);
    const last = await canvasBytes('heatmap-big');
    await tab.page.keyboard.press('Home');
    await expect.poll(() => scrub.evaluate((el) => (el as HTMLInputElement).getAttribute('aria-valuetext'))).toMatch(/^step 1 of 8, t = \d+/);
    expect(differs(await canvasBytes('heatmap-big'), last)).toBe(true);
    await tab.page.keyboard.press('ArrowRight');
    await expect.poll(() => scrub.evaluate((el) => (el as HTMLInputElement).value)).toBe('2');
    expect(await tab.page.evaluate(() => new URLSearchParams(location.search).get('k'))).toBe('2');

    // Layer choice: one block instead of the average.
    const options = await tab.page.getByTestId('block-select').locator('option').allTextContents();
    expect(options[0]).toBe('Average of all layers');
    expect(options.length).toBe(6); // 5 cross-attention blocks of the tiny model
    await tab.page.getByTestId('block-select').selectOption({ index: 3 });
    expect(differs(await canvasBytes('heatmap-big'), last)).toBe(true);

    // The probe lists what one region reads; its shares sum to ~100%.
    await tab.page.getByTestId('probe').focus();
    await tab.page.keyboard.press('ArrowRight');
    const rows = tab.page.getByTestId('probe-list').locator('li');
    await expect.poll(() => rows.count()).toBe(6);
    const shares = (await rows.allTextContents()).map((t) => Number(/([\d.]+)%\s*$/.exec(t)?.[1]));
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(3);
  });

  it('keeps the chips, the tiles and the chosen layer through a new run, showing blank tiles until its first map', async () => {
    await open(PROMPT);
    await tab.page.getByTestId('block-select').selectOption({ index: 2 });
    const chosen = await tab.page.getByTestId('block-select').inputValue();
    // Watch the figure through the next run: the first tile's element, and whether the tiles or the chips ever left.
    await tab.page.evaluate(() => {
      const g = window as unknown as { __tile: Element | null; __gone: boolean; __blank: boolean };
      g.__tile = document.querySelector('[data-testid="tile"]');
      g.__gone = g.__blank = false;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="tile"]') || !document.querySelector('[data-testid="token-chip"]')) g.__gone = true;
        if (document.querySelector('[data-testid="tile"].empty')) g.__blank = true;
      }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    // A new seed starts a new run by itself.
    await tab.page.locator('#l6-seed').fill('4');
    await tab.page.locator('#l6-seed').press('Tab');
    await tab.page.waitForFunction(() => document.querySelector('[data-testid="text-status"]')?.textContent?.startsWith('Generating'), null, {
      timeout: 30_000,
    });
    await waitDone();
    expect(await tab.page.evaluate(() => (window as unknown as { __gone: boolean }).__gone)).toBe(false);
    expect(await tab.page.evaluate(() => (window as unknown as { __blank: boolean }).__blank)).toBe(true);
    expect(await tab.page.locator('[data-testid="tile"].empty').count()).toBe(0);
    expect(await tab.page.evaluate(() => (window as unknown as { __tile: Element }).__tile.isConnected)).toBe(true);
    expect(await tab.page.getByTestId('block-select').inputValue()).toBe(chosen);
    const tile = await tab.page.getByTestId('tile').first().evaluate((el) => {
      const c = el as HTMLCanvasElement;
      return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
    });
    expect(new Set(tile).size).toBeGreaterThan(8); // drawn again, not left blank
  });

  it('an empty prompt is unconditional and says so, and still generates', async () => {
    await open(PROMPT);
    await tab.page.getByTestId('prompt-input').fill('');
    expect(await tab.page.getByTestId('notice-empty').textContent()).toContain('unconditional');
    // A changed prompt restarts the run by itself after a pause in typing.
    await tab.page.waitForFunction(() => document.querySelector('[data-testid="text-status"]')?.textContent?.startsWith('Generating'), null, {
      timeout: 30_000,
    });
    await waitDone();
    expect(await tab.page.getByTestId('token-chip').count()).toBe(1); // only [PAD] ×16
    expect(await tab.page.getByTestId('shown-token').textContent()).toBe('[PAD] ×16');
  });

  it('a 500-character prompt is truncated with a visible notice', async () => {
    await open(PROMPT);
    const long = 'a seven in the top left and a two in the bottom right, '.repeat(10).slice(0, 500);
    await tab.page.getByTestId('prompt-input').fill(long);
    const notice = tab.page.getByTestId('notice-truncated');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Truncated\..*only\s+the first 16/s);
    expect(await tab.page.getByTestId('prompt-count').textContent()).toMatch(/16 \/ 16 tokens \(\+\d+ cut\)/);
    expect(await tab.page.getByTestId('prompt-chips').locator('[data-testid="chip"]').count()).toBe(16);
  });

  it('keeps the worker’s tensor count flat over repeated runs, and logs no errors', async () => {
    await open('3 top left');
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      // On wasm a tiny run can finish between two polls, so record that it ran rather than poll for it.
      await tab.page.evaluate(() => {
        const g = window as unknown as { __ran: boolean };
        g.__ran = false;
        const el = document.querySelector('[data-testid="text-status"]')!;
        new MutationObserver(() => {
          if (el.textContent?.startsWith('Generating')) g.__ran = true;
        }).observe(el, { childList: true, characterData: true, subtree: true });
      });
      await tab.page.getByTestId('generate').click();
      await tab.page.waitForFunction(() => (window as unknown as { __ran: boolean }).__ran);
      await waitDone();
      counts.push(Number(await tab.page.getByTestId('text-status').getAttribute('data-tensors')));
    }
    expect(counts[0]).toBeGreaterThan(0);
    // The first run may create kernels' cached tensors; after it nothing may grow.
    expect(counts.slice(1)).toEqual([counts[1], counts[1], counts[1]]);
    expect(counts[1]).toBeLessThanOrEqual(counts[0] + 2);
  });
});
