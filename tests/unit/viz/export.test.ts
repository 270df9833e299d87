import { describe, expect, it } from 'vitest';
import { GIFEncoder } from 'gifenc';
import { countGifFrames, greyIndices, GREY_PALETTE } from '../../../src/viz/export-gif';
import { exportFileName, exportSize, figureUrl, fitFooter, FOOTER_CSS_PX } from '../../../src/viz/export-png';

describe('PNG export: size, name, footer', () => {
  it('is the figure box at 2× plus the footer at 2×', () => {
    expect(exportSize({ width: 700, height: 400 })).toEqual({ width: 1400, height: 800 + 2 * FOOTER_CSS_PX });
    expect(exportSize({ width: 100.5, height: 50.25 }, 1)).toEqual({ width: 101, height: Math.round(50.25 + FOOTER_CSS_PX) });
  });

  it('names the file after the page and the figure, safely', () => {
    expect(exportFileName('forward-process', 'forward-process', 'png')).toBe('forward-process-forward-process.png');
    expect(exportFileName('Lessons/Ä b', '../x y', 'gif')).toBe('lessons-b-x-y.gif');
  });

  it("keeps the reader's state and replaces the anchor", () => {
    expect(figureUrl('http://h/lessons/x/?t=3&seed=2#old', 'fig-a')).toBe('http://h/lessons/x/?t=3&seed=2#fig-a');
  });

  // A monospace measure: every character is px * 0.5 wide.
  const mono = (text: string, px: number) => text.length * px * 0.5;

  it('fits the footer by shrinking the font first, then shortening the title, never the URL', () => {
    const url = 'http://h/lessons/x/?t=3';
    expect(fitFooter('Title', url, 1000, mono)).toEqual({ text: `Title · ${url}`, px: 12 });
    const tight = fitFooter('A long title of the figure', url, (`A long title of the figure · ${url}`.length * 10) / 2, mono);
    expect(tight.px).toBe(10);
    const tighter = fitFooter('A long title of the figure', url, 200, mono);
    expect(tighter.px).toBe(9);
    expect(tighter.text.endsWith(`… · ${url}`)).toBe(true);
    expect(mono(tighter.text, 9)).toBeLessThanOrEqual(200);
    expect(fitFooter('Title', url, 10, mono).text).toBe(url);
  });
});

describe('GIF export', () => {
  it('maps grey RGBA to palette indices equal to the grey level', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 10, 20, 30, 255]);
    expect([...greyIndices(rgba)]).toEqual([0, 128, 255, 20]);
    expect(GREY_PALETTE[77]).toEqual([77, 77, 77]);
  });

  it('counts the frames of a GIF by its block structure', () => {
    for (const n of [1, 3, 12]) {
      const gif = GIFEncoder();
      const w = 5;
      const h = 4;
      for (let i = 0; i < n; i++) {
        // Pixel values that include 0x2C and 0x21, which a byte search would miscount.
        const index = new Uint8Array(w * h).map((_, j) => [0x2c, 0x21, 0x3b, i][j % 4]);
        gif.writeFrame(index, w, h, { palette: i === 0 ? GREY_PALETTE : undefined, delay: 50 });
      }
      gif.finish();
      expect(countGifFrames(gif.bytes())).toBe(n);
    }
    expect(() => countGifFrames(new TextEncoder().encode('PNG...not a gif'))).toThrow(/not a GIF/);
  });
});
