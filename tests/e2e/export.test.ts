/**
 * Save PNG and Save GIF on the built site. A PNG is decoded here in Node (not
 * by the browser that made it), must be 2× the figure's box plus the footer,
 * must show the figure's canvas pixels where the canvas is, and must show its
 * chart; a GIF's frames are counted by walking its block structure. The
 * reverse run and the hero use `?model=tiny` (a tiny random U-Net): the
 * shipped model needs seconds per step on SwiftShader.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countGifFrames } from '../../src/viz/export-gif';
import { FOOTER_CSS_PX } from '../../src/viz/export-png';
import { pageForFile } from './browser';
import { canvasGrey } from './canvas';
import { decodePng, type DecodedPng } from './png';

const base = inject('baseUrl');
const tab = pageForFile(base, { webgpu: false });

async function save(page: Page, figure: string, action: 'export-png' | 'export-gif'): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }).catch(async (e: unknown) => {
      // Say what the figure said, not only that no file came.
      const status = await page.locator(`[data-testid="${figure}"] [data-testid="export-status"]`).first().textContent();
      throw new Error(`no download (${String(e)}); the figure says: ${status}`);
    }),
    page.locator(`[data-testid="${figure}"] [data-action="${action}"]`).first().click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

function box(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
}

function at(png: DecodedPng, x: number, y: number): [number, number, number] {
  const i = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  return [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]];
}

/** Distinct colours in a region: a blank or flat picture has one or two. */
function distinctColours(png: DecodedPng, x0: number, y0: number, w: number, h: number): number {
  const seen = new Set<number>();
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(png.height, y0 + h); y++)
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(png.width, x0 + w); x++) {
      const [r, g, b] = at(png, x, y);
      seen.add((r << 16) | (g << 8) | b);
    }
  return seen.size;
}

describe('export', () => {
  it('saves lesson 2 as a PNG at 2× with a footer, showing the canvas as on screen', async () => {
    const { page, w } = tab;
    await page.goto(`${base}/lessons/forward-process/?t=400&seed=3`);
    await page.getByTestId('panel-jump').waitFor();
    // Until the data set arrives and the chain is computed the figure shows a waiting or status line: save it as it stays.
    await page.waitForFunction(() => !document.querySelector('[data-testid="forward-process"] .waiting, [data-testid="chain-status"]'), null, { timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const before = await box(page, '[data-testid="forward-process"]');
    const { name, bytes } = await save(page, 'forward-process', 'export-png');
    expect(name).toBe('forward-process-forward-process.png');
    const png = decodePng(bytes);
    const fig = await box(page, '[data-testid="forward-process"]');
    // Saving's status message floats: the figure does not move when it comes and goes.
    expect(fig.height).toBe(before.height);
    expect(png.width).toBe(Math.round(fig.width * 2));
    expect(png.height).toBe(Math.round((fig.height + FOOTER_CSS_PX) * 2));

    // The one-jump canvas, sampled at each of its 28×28 pixel centres, equals what the page shows.
    const c = await box(page, '[data-testid="panel-jump"]');
    const screen = await canvasGrey(page, 'panel-jump');
    let worst = 0;
    for (let i = 0; i < 28; i++)
      for (let j = 0; j < 28; j++) {
        const x = 2 * (c.x - fig.x + ((j + 0.5) * c.width) / 28);
        const y = 2 * (c.y - fig.y + ((i + 0.5) * c.height) / 28);
        worst = Math.max(worst, Math.abs(at(png, x, y)[0] - screen[i * 28 + j]));
      }
    expect(worst).toBeLessThanOrEqual(1);
    // The time arrow above the images is a CSS gradient, black (t = 0) to white: the PNG has the ramp where
    // the arrow is, each point's grey its fraction of the way along (sRGB interpolation, as CSS and canvas both do).
    const arrow = await page.locator('[data-testid="forward-process"] .t-axis .t-bar').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return { x: r.left, y: r.top, width: r.width, height: r.height, border: parseFloat(s.borderLeftWidth), image: s.backgroundImage };
    });
    expect(arrow.image).toBe('linear-gradient(90deg, rgb(0, 0, 0), rgb(255, 255, 255))');
    const inner = arrow.width - 2 * arrow.border;
    for (const f of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const [r, g, b] = at(png, 2 * (arrow.x - fig.x + arrow.border + f * inner), 2 * (arrow.y - fig.y + arrow.height / 2));
      expect(Math.abs(r - 255 * f), `grey at ${f} of the arrow`).toBeLessThanOrEqual(12);
      expect([g, b]).toEqual([r, r]);
    }
    // Not blank: the whole picture and the footer line both have content.
    expect(distinctColours(png, 0, 0, png.width, png.height - 2 * FOOTER_CSS_PX)).toBeGreaterThan(200);
    expect(distinctColours(png, 0, png.height - 2 * FOOTER_CSS_PX + 2, png.width, 2 * FOOTER_CSS_PX - 2)).toBeGreaterThan(3);
  });

  it('rasterises an SVG chart into the PNG (lesson 3)', async () => {
    const { page, w } = tab;
    await page.goto(`${base}/lessons/noise-schedules/`);
    const svg = page.locator('[data-testid="schedule-curves"] svg').first();
    await svg.waitFor();
    const { bytes } = await save(page, 'schedule-curves', 'export-png');
    const png = decodePng(bytes);
    const fig = await box(page, '[data-testid="schedule-curves"]');
    const s = await box(page, '[data-testid="schedule-curves"] svg');
    // Curves, axes and labels: many colours where the chart is, not the figure's flat background.
    expect(distinctColours(png, 2 * (s.x - fig.x), 2 * (s.y - fig.y), 2 * s.width, 2 * s.height)).toBeGreaterThan(20);
  });

  it('saves the forward process as a GIF of at least 10 frames without blocking the page', async () => {
    const { page, w } = tab;
    await page.goto(`${base}/lessons/forward-process/?t=400&seed=3`);
    await page.getByTestId('panel-jump').waitFor();
    // A timer that must keep firing while the GIF encodes: the encoder yields between frames.
    await page.evaluate(() => {
      const g = globalThis as unknown as { ticks: number };
      g.ticks = 0;
      setInterval(() => g.ticks++, 20);
    });
    const { name, bytes } = await save(page, 'forward-process', 'export-gif');
    expect(name).toBe('forward-process-forward-process.gif');
    expect(countGifFrames(bytes)).toBeGreaterThanOrEqual(10);
    expect(await page.evaluate(() => (globalThis as unknown as { ticks: number }).ticks)).toBeGreaterThan(0);
  });

  it("saves lesson 5's reverse run as a GIF of its kept x_t frames", async () => {
    const { page, w } = tab;
    await page.goto(`${base}/lessons/reverse-process/?model=tiny&steps=10&seed=5&k=10`);
    await page.locator('[data-testid="reverse-stepper"] [data-action="export-gif"]').waitFor();
    await page.getByTestId('position').filter({ hasText: 'step 10 of 10' }).waitFor({ timeout: 120_000 });
    const { bytes } = await save(page, 'reverse-stepper', 'export-gif');
    // x_T and the ten steps after it.
    expect(countGifFrames(bytes)).toBe(11);
  });

  it('saves the hero as a GIF of the round trip', async () => {
    const { page, w } = tab;
    await page.goto(`${base}/lessons/what-is-diffusion/?model=tiny`);
    await page.getByTestId('hero-replay').waitFor({ timeout: 120_000 });
    const { bytes } = await save(page, 'hero', 'export-gif');
    expect(countGifFrames(bytes)).toBeGreaterThanOrEqual(10);
  });
});
