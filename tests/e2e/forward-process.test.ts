/**
 * Lesson 2 on the built site: the forward-process widget draws what the maths
 * says. Canvas pixels are read back and compared with qSample computed here in
 * Node (the seeded RNG is bit-identical in Node and browsers).
 */
import { describe, expect, inject, it } from 'vitest';
import { imageAt, indicesOfClass, loadDigits, toSigned } from '../../src/data/digits';
import { jumpNoise, noisedAt, makeSchedule } from '../../src/diffusion';
import { pageForFile } from './browser';

const base = inject('baseUrl');
const PATH = '/lessons/forward-process/';
const tab = pageForFile(base, { webgpu: false });

/** The 28×28 canvas of a panel as numbers in [−1, 1] (8-bit, clipped). */
async function canvasPixels(testid: string): Promise<number[]> {
  return tab.page.evaluate((id) => {
    const c = document.querySelector(`[data-testid="${id}"]`) as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let i = 0; i < d.length; i += 4) out.push(d[i] / 127.5 - 1);
    return out;
  }, testid);
}

async function waitForT(t: number) {
  await tab.page.waitForFunction((v) => {
    const el = document.querySelector('[data-testid="t-slider"]') as HTMLInputElement | null;
    return el && el.value === String(v);
  }, t);
  // Let the effects flush and the canvases draw.
  await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

/** Each test opens its own state: a fresh page at `query`, drawn at step t. */
async function open(query: string, t: number) {
  await tab.page.goto(`${base}${PATH}?${query}`);
  await tab.page.getByTestId('panel-jump').waitFor();
  await waitForT(t);
}

async function setT(t: number) {
  await tab.page.getByTestId('t-slider').evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, t);
  await waitForT(t);
}

function stats(x: number[]) {
  const m = x.reduce((s, v) => s + v, 0) / x.length;
  const v = x.reduce((s, u) => s + (u - m) ** 2, 0) / x.length;
  return { mean: m, std: Math.sqrt(v) };
}
function corr(a: number[], b: ArrayLike<number>) {
  const sa = stats(a);
  const bb = Array.from(b);
  const sb = stats(bb);
  let c = 0;
  for (let i = 0; i < a.length; i++) c += (a[i] - sa.mean) * (bb[i] - sb.mean);
  return c / a.length / (sa.std * sb.std);
}

async function expectedX0(ds: 'mnist' | 'fashion', cls: number, n: number): Promise<Float32Array> {
  const set = await loadDigits(ds, 'test');
  return toSigned(imageAt(set, indicesOfClass(set, cls)[n]));
}

describe('lesson 2: the forward process', () => {
  it('loads with the default image, and at t = 0 both panels are x₀', async () => {
    await open('t=0', 0);
    const x0 = await expectedX0('mnist', 3, 0);
    const want = Array.from(x0, (v) => Math.round((v + 1) * 127.5) / 127.5 - 1);
    for (const id of ['panel-chain', 'panel-jump', 'source-preview']) {
      const got = await canvasPixels(id);
      expect(got.length).toBe(784);
      for (let i = 0; i < 784; i++) expect(Math.abs(got[i] - want[i]), `${id} pixel ${i}`).toBeLessThan(1e-9);
    }
  });

  it('drives t with the keyboard and the URL follows', async () => {
    await open('t=0', 0);
    const slider = tab.page.getByTestId('t-slider');
    await slider.focus();
    await tab.page.keyboard.press('ArrowRight');
    await tab.page.keyboard.press('ArrowRight');
    await waitForT(2);
    await tab.page.waitForURL(/[?&]t=2(&|$)/);
    await tab.page.keyboard.press('End');
    await waitForT(1000);
    await tab.page.waitForURL(/[?&]t=1000(&|$)/);
  });

  it('at t = T the one-jump image is ≈ N(0, 1) and has forgotten x₀', async () => {
    await open('t=1000', 1000);
    const x0 = await expectedX0('mnist', 3, 0);
    const jump = await canvasPixels('panel-jump');
    const chain = await canvasPixels('panel-chain');
    // The canvas clips to [−1, 1]; compare the exact values for the statistics.
    const schedule = makeSchedule({ kind: 'linear', T: 1000 });
    const exact = Array.from(noisedAt(schedule, x0, 1000, jumpNoise(1, 784)));
    const s = stats(exact);
    expect(Math.abs(s.std - 1)).toBeLessThan(0.08);
    expect(Math.abs(corr(jump, x0))).toBeLessThan(0.12);
    expect(Math.abs(corr(chain, x0))).toBeLessThan(0.12);
    // The readout agrees with the theory: std ≈ 1.
    const theoryStd = Number((await tab.page.getByTestId('stats-theory').locator('td').nth(1).textContent()) ?? 'NaN');
    expect(theoryStd).toBeCloseTo(1, 2);
    const jumpStd = Number((await tab.page.getByTestId('stats-jump').locator('td').nth(1).textContent()) ?? 'NaN');
    expect(jumpStd).toBeCloseTo(s.std, 3);
  });

  it('draws exactly qSample with the seed’s noise, for several t and seeds', async () => {
    await open('t=0&seed=1', 0);
    const x0 = await expectedX0('mnist', 3, 0);
    const schedule = makeSchedule({ kind: 'linear', T: 1000 });
    for (const [t, seed] of [
      [1, 1],
      [137, 1],
      [400, 42],
    ] as const) {
      if (seed !== 1) {
        await tab.page.getByTestId('seed').fill(String(seed));
        await tab.page.getByTestId('seed').press('Enter');
        await tab.page.waitForURL(new RegExp(`[?&]seed=${seed}(&|$)`));
      }
      await setT(t);
      const want = noisedAt(schedule, x0, t, jumpNoise(seed, 784));
      const got = await canvasPixels('panel-jump');
      let checked = 0;
      for (let i = 0; i < 784; i++) {
        if (Math.abs(want[i]) >= 1) continue; // clipped on the canvas
        expect(Math.abs(got[i] - want[i]), `t=${t} seed=${seed} pixel ${i}`).toBeLessThanOrEqual(1 / 255 + 1e-9);
        checked++;
      }
      expect(checked).toBeGreaterThan(100);
      // The step-by-step panel differs (its own noise) but keeps the signal.
      const chain = await canvasPixels('panel-chain');
      expect(chain).not.toEqual(got);
      if (t <= 137) expect(corr(chain, x0)).toBeGreaterThan(0.6);
    }
  });

  it('reproduces the view from the URL, and frames jump to their t', async () => {
    const url = `${base}${PATH}?ds=fashion&cls=7&n=4&t=321&seed=9&sched=cosine`;
    await open(url.split('?')[1], 321);
    expect(await tab.page.getByTestId('schedule').inputValue()).toBe('cosine');
    expect(await tab.page.getByTestId('dataset').inputValue()).toBe('fashion');
    expect(await tab.page.getByTestId('source-description').textContent()).toContain('Sneaker');
    const x0 = await expectedX0('fashion', 7, 4);
    const schedule = makeSchedule({ kind: 'cosine', T: 1000 });
    const want = noisedAt(schedule, x0, 321, jumpNoise(9, 784));
    const got = await canvasPixels('panel-jump');
    for (let i = 0; i < 784; i++) {
      if (Math.abs(want[i]) < 1) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1 / 255 + 1e-9);
    }
    await tab.page.getByTestId('frame-2').click();
    await waitForT(286);
    await tab.page.waitForURL(/[?&]t=286(&|$)/);
    expect(tab.page.url()).toContain('sched=cosine');
  });

  it('refuses a text file as an upload, says so, and keeps the image', async () => {
    await open('t=0', 0);
    const before = await canvasPixels('panel-jump');
    await tab.page.getByTestId('source-upload').check({ force: true });
    await tab.page.waitForURL(/[?&]src=upload/);
    await tab.page.getByTestId('source-fallback').waitFor();
    await tab.page.getByTestId('upload-input').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    const alert = tab.page.getByRole('alert').filter({ hasText: 'not an image' });
    await alert.waitFor();
    // No upload came before this one, so no "previous image" is claimed: the data-set image stays.
    expect(await alert.textContent()).toContain('data-set image is shown until an upload works');
    expect(await canvasPixels('panel-jump')).toEqual(before);
  });

  it('uses a drawing once one is drawn', async () => {
    await open('t=0', 0);
    await tab.page.getByTestId('source-draw').check({ force: true });
    const pad = tab.page.getByTestId('drawing-pad');
    await pad.waitFor();
    const box = (await pad.boundingBox())!;
    await tab.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2);
    await tab.page.mouse.down();
    await tab.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 8 });
    await tab.page.mouse.up();
    await tab.page.getByTestId('source-fallback').waitFor({ state: 'detached' });
    const got = await canvasPixels('panel-jump');
    const lit = got.filter((v) => v > 0.5).length;
    expect(lit).toBeGreaterThan(10);
    expect(lit).toBeLessThan(200);
    await tab.page.getByTestId('drawing-pad-clear').click();
    await tab.page.getByTestId('source-fallback').waitFor();
  });

  it('says all of it in French on the French page: a refused upload, and the drawing pad’s help', async () => {
    await tab.page.goto(`${base}/fr${PATH}?t=0&src=upload`);
    await tab.page.getByTestId('source-fallback').waitFor();
    await tab.page.getByTestId('upload-input').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    const alert = tab.page.getByTestId('upload-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      '«\u202fnotes.txt\u202f» n’est pas une image que ce navigateur sait lire. L’image du jeu de données reste affichée tant qu’aucune importation ne réussit.',
    );
    await tab.page.getByTestId('source-draw').check({ force: true });
    await tab.page.getByTestId('drawing-pad').waitFor();
    const pad = tab.page.locator('.pad-wrap');
    expect(await pad.textContent()).toContain('dessinez ici');
    expect(await pad.textContent()).toContain('appuyez sur Espace pour poser ou lever le crayon');
    expect(await tab.page.getByTestId('drawing-pad').getAttribute('aria-label')).toMatch(/^Zone de dessin, 28 pixels sur 28\u202f: crayon levé, curseur en colonne 15, ligne 15$/);
  });
});
