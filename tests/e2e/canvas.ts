/** Reads a grey canvas back as bytes (the red channel), to compare pixels with the maths. */
import type { Page } from 'playwright-core';

export function canvasGrey(page: Page, testid: string): Promise<number[]> {
  return page.getByTestId(testid).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let i = 0; i < d.length; i += 4) out.push(d[i]);
    return out;
  });
}

/** What a canvas shows for a value in [−1, 1]: the same mapping as src/viz/grey.ts. */
export function expectedGrey(x: ArrayLike<number>): number[] {
  return Array.from(x, (v) => Math.min(255, Math.max(0, Math.round((v + 1) * 127.5))));
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
