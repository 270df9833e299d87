/**
 * Classroom use from the outside: presenter mode by keyboard only, a copied
 * link that brings a figure's state back, and every figure embedded in an
 * <iframe> on a page of another origin.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lessonFigures } from '../../lessons/figures';
import { launch, readerContext, watchedPage, watchedPageIn } from './browser';
import { settleContrast } from './contrast';
import { serveStatic } from './static-server';

const base = inject('baseUrl');
const lesson3 = '/lessons/noise-schedules/';
let browser: Browser;
// The tests that save nothing (presenting, following links, embedding) share one context, its caches warm (see readerContext).
let reader: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  reader = await readerContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** The ᾱ chart's drawing: changes whenever the schedules on screen do. */
const alphaChart = (page: Page) => page.locator('#fig-schedule-curves .plot svg').first().innerHTML();
const sceneLabel = (page: Page) => page.getByTestId('presenter-scene').textContent();
const query = (page: Page) => new URL(page.url()).searchParams;
/** Long enough for a scene's glide and the charts' redraw on a busy 2-core machine. */
const SLOW = { timeout: 20_000, interval: 100 };

/**
 * The ᾱ chart once a scene has been drawn: different from `before` (the view
 * the key press left) and the same in two reads a few frames apart (the glide
 * has ended). A figure that does not change fails here, by timing out.
 */
async function settledChart(page: Page, before?: string): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      const a = await alphaChart(page);
      await page.waitForTimeout(250);
      const b = await alphaChart(page);
      last = b;
      return a === b && b !== before;
    }, SLOW)
    .toBe(true);
  return last;
}

describe('presenter mode', () => {
  it('presents a figure by keyboard: three scenes forward and back, blank, leave, and the reader’s state is back', async () => {
    const { page } = await watchedPageIn(reader, base, { width: 1280, height: 720 });
    await page.goto(`${base}${lesson3}?T=700&b=sigmoid`);
    await page.locator('#fig-schedule-curves .plot svg').first().waitFor();
    const readerChart = await alphaChart(page);

    // Enter with the keyboard: focus the figure's Present button, press Enter.
    await page.locator('#fig-schedule-curves [data-action="present"]').focus();
    await page.keyboard.press('Enter');
    const fig = page.getByTestId('schedule-curves');
    await expect.poll(() => fig.evaluate((el) => el.classList.contains('presented')), SLOW).toBe(true);
    // The figure alone fills the 1280×720 screen, its text at projector size.
    const box = await fig.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    const captionPx = await fig.locator('figcaption').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(captionPx).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.elementFromPoint(640, 400)?.closest('figure')?.dataset.testid)).toBe('schedule-curves');
    expect(await page.getByTestId('presenter-hint').textContent()).toMatch(/Esc/);

    // Scene 1 on entry, then three scenes forward with →, Space and PageDown.
    expect(await sceneLabel(page)).toMatch(/1 of 4.*Linear at T = 1000/);
    await expect.poll(() => query(page).get('b'), SLOW).toBe('linear');
    const charts = [await settledChart(page, readerChart)];
    for (const [key, n, check] of [
      ['ArrowRight', 2, (q: URLSearchParams) => q.get('a') === 'cosine' && !q.has('b') && !q.has('T')],
      [' ', 3, (q: URLSearchParams) => !q.has('a') && !q.has('b') && q.get('T') === '50'],
      ['PageDown', 4, (q: URLSearchParams) => q.get('za') === '1' && !q.has('T')],
    ] as const) {
      await page.keyboard.press(key);
      expect(await sceneLabel(page)).toMatch(new RegExp(`^${n} of 4`));
      await expect.poll(() => check(query(page)), SLOW).toBe(true);
      charts.push(await settledChart(page, charts.at(-1)));
    }
    // Every scene drew something different, and none is the reader's view.
    expect(new Set([readerChart, ...charts]).size).toBe(5);
    // The end is the end: one more → stays on the last scene.
    await page.keyboard.press('ArrowRight');
    expect(await sceneLabel(page)).toMatch(/^4 of 4/);

    // Back with ← and PageUp, through the same states.
    await page.keyboard.press('ArrowLeft');
    expect(await sceneLabel(page)).toMatch(/^3 of 4/);
    await expect.poll(() => query(page).get('T'), SLOW).toBe('50');
    await expect.poll(() => alphaChart(page), SLOW).toBe(charts[2]);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await sceneLabel(page)).toMatch(/^1 of 4/);
    await expect.poll(() => query(page).get('b'), SLOW).toBe('linear');
    await expect.poll(() => alphaChart(page), SLOW).toBe(charts[0]);

    // B blanks the screen and brings it back.
    await page.keyboard.press('b');
    await page.getByTestId('presenter-blank').waitFor();
    expect(await page.evaluate(() => (document.elementFromPoint(640, 360) as HTMLElement | null)?.dataset.testid)).toBe('presenter-blank');
    await page.keyboard.press('b');
    await page.getByTestId('presenter-blank').waitFor({ state: 'detached' });

    // Esc leaves, and the reader's T = 700 and sigmoid B are back, in the figure and the URL.
    await page.keyboard.press('Escape');
    await expect.poll(() => fig.evaluate((el) => el.classList.contains('presented')), SLOW).toBe(false);
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(false);
    await expect.poll(() => [query(page).get('T'), query(page).get('b'), query(page).get('a'), query(page).get('za')], SLOW).toEqual(['700', 'sigmoid', null, null]);
    await expect.poll(() => alphaChart(page), SLOW).toBe(readerChart);
    // Focus went back to where it was, the Present button.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('present');
    await page.close();
  });

  it('presents the whole lesson: every figure in turn, with its title', async () => {
    const { page } = await watchedPageIn(reader, base, { width: 1280, height: 720 });
    await page.goto(`${base}${lesson3}`);
    await page.locator('#fig-schedule-images [data-testid="now-a"]').waitFor();
    await page.locator('[data-action="present-lesson"]').focus();
    await page.keyboard.press('Enter');
    const titles: string[] = [];
    // 4 scenes of the curves, then 3 of the images.
    for (let i = 0; i < 7; i++) {
      const shown = page.locator('figure.presented');
      titles.push(`${await shown.getAttribute('data-testid')}: ${await shown.getByTestId('presenter-bar').locator('.title').textContent()}`);
      await page.keyboard.press('ArrowRight');
    }
    expect(new Set(titles)).toEqual(
      new Set(['schedule-curves: Comparing two noise schedules', 'schedule-images: The same digit and noise under both schedules']),
    );
    expect(titles.filter((t) => t.startsWith('schedule-images')).length).toBe(3);
    await expect.poll(() => query(page).get('t'), SLOW).toBe('1000');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('figure.presented').count(), SLOW).toBe(0);
    await expect.poll(() => query(page).toString(), SLOW).toBe('');
    await page.close();
  });
  // Lessons 2, 3, 5 and 7: one figure, schedule charts, the model's steppers, the guidance grid.
  // Two at a time (maxConcurrency): each presents in a page of its own.
  it.concurrent.for(['forward-process', 'noise-schedules', 'reverse-process', 'classifier-free-guidance'])(
    '%s: every presented figure and scene fits a 1280×720 projector, its picture on screen, its text and controls at projector size',
    { timeout: 360_000 },
    async (slug, { expect }) => {
      const { page } = await watchedPageIn(reader, base, { width: 1280, height: 720 });
      await page.goto(`${base}/lessons/${slug}/`);
      await page.locator('.row').first().waitFor();
      await page.locator('[data-action="present-lesson"]').focus();
      await page.keyboard.press('Enter');
      const seen = new Set<string>();
      for (let stop = 0; ; stop++) {
        const label = `${await page.locator('figure.presented').getAttribute('data-testid')} ${await sceneLabel(page)}`;
        if (seen.has(label)) break;
        seen.add(label);
        const layout = () =>
          page.locator('figure.presented').evaluate((f) => {
            const body = f.querySelector('.body')!.getBoundingClientRect();
            // A picture on screen: a canvas, chart or image of at least 64×64 px wholly in the body's visible part
            // (icons are smaller; a body too tall for the screen scrolls, and must show a picture).
            const shown = [...f.querySelectorAll('.body canvas, .body svg, .body img')]
              .map((e) => e.getBoundingClientRect())
              .filter((r) => r.width >= 64 && r.height >= 64)
              .some((r) => r.left >= body.left - 0.5 && r.top >= body.top - 0.5 && r.right <= body.right + 0.5 && r.bottom <= body.bottom + 0.5);
            // Text on screen at its real size: the computed font size times whatever scale the element is drawn at.
            // Every control's text and the caption's and the bar's; not the drawings' own text (SVG), typeset maths'
            // sub-parts, sub/superscripts or the small keys hint, and not what is hidden.
            const small: string[] = [];
            const texts = f.querySelectorAll('button, select, input, textarea, label, label *, summary, legend, output, figcaption, figcaption *, [data-testid="presenter-bar"] *');
            for (const el of texts) {
              if (!(el instanceof HTMLElement) || el.closest('svg, sub, sup, .katex, [data-testid="presenter-hint"]')) continue;
              const r = el.getBoundingClientRect();
              const cs = getComputedStyle(el);
              if (r.width <= 1 || r.height <= 1 || cs.visibility !== 'visible') continue;
              const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) || el.matches('select, textarea, input:is([type="text"], [type="number"], :not([type]))');
              if (!hasText) continue;
              // The scale it is drawn at, from the largest box it lies in (offset sizes are rounded to whole pixels).
              const outer: HTMLElement = el.closest<HTMLElement>('.fit') ?? (f as HTMLElement);
              const px = parseFloat(cs.fontSize) * (outer.getBoundingClientRect().width / outer.offsetWidth);
              if (px < 23.5) small.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}” ${px.toFixed(1)} px`);
            }
            // Sliders and boxes to tick: drawn at least as tall as the text beside them.
            // (Radio buttons drawn as labelled tabs are there for the keyboard, transparent: their label is the control.)
            const tiny = [...f.querySelectorAll<HTMLElement>('input:is([type="range"], [type="checkbox"], [type="radio"])')]
              .filter((e) => getComputedStyle(e).opacity !== '0')
              .map((e) => e.getBoundingClientRect())
              .filter((r) => r.width > 1 && r.height > 1 && r.height < 20).length;
            return { fits: f.scrollHeight <= f.clientHeight && f.scrollWidth <= f.clientWidth, shown, small: small.slice(0, 6), tiny };
          });
        // Polled: the picture may still be drawing, and the fit follows it a frame later.
        const ok = (l: Awaited<ReturnType<typeof layout>>) => l.fits && l.shown && l.small.length === 0 && l.tiny === 0;
        // Long: lesson 5's first stop waits for the model to load on a busy machine before it has a picture.
        await expect.poll(async () => ok(await layout()), { timeout: 120_000, interval: 250, message: `${label}: ${JSON.stringify(await layout())}` }).toBe(true);
        await page.keyboard.press('ArrowRight');
        expect(stop).toBeLessThan(30);
      }
      expect(seen.size).toBeGreaterThan(0);
      // Leaving restores the page: no transform or width stays behind on any figure, and the root's font size is back.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('figure.presented').count(), SLOW).toBe(0);
      expect(await page.locator('.fit').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.cssText).filter(Boolean))).toEqual([]);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
      await page.close();
    },
  );
});

describe('links to a state', () => {
  it('copies a link that brings the figure’s state back after a reload, scrolled to it', async () => {
    const { page, w } = await watchedPage(browser, base, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${base}${lesson3}`);
    const fig = page.getByTestId('schedule-images');
    await fig.getByTestId('now-a').waitFor();
    // Change the state with the page's own controls: schedule A sigmoid, t moved by the keyboard.
    await page.getByTestId('kind-a').selectOption('sigmoid');
    await page.getByTestId('t').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => query(page).get('t'), SLOW).toBe('999');
    await fig.locator('[data-action="copy-link"]').click();
    const shown = await fig.getByTestId('copied').locator('input').inputValue();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(shown);
    const link = new URL(clip);
    expect(link.pathname).toBe(lesson3);
    expect(link.hash).toBe('#fig-schedule-images');
    expect(Object.fromEntries(link.searchParams)).toEqual({ a: 'sigmoid', t: '999' });

    const { page: fresh, w: w2 } = await watchedPage(browser, base);
    await fresh.goto(clip);
    await fresh.getByTestId('now-a').waitFor();
    expect(await fresh.getByTestId('kind-a').inputValue()).toBe('sigmoid');
    expect(await fresh.getByTestId('t').inputValue()).toBe('999');
    // Scrolled to the figure.
    await expect.poll(async () => (await fresh.getByTestId('schedule-images').boundingBox())?.y ?? -1, SLOW).toBeLessThan(300);
    await expect.poll(async () => (await fresh.getByTestId('schedule-images').boundingBox())?.y ?? -1, SLOW).toBeGreaterThanOrEqual(0);
    await page.close();
    await fresh.close();
  });

  it('keeps the state of lesson 4’s one-step figure and U-Net diagram, and lesson 6’s Q/K/V block, in the URL', async () => {
    const { page, w } = await watchedPage(browser, base);
    await page.goto(`${base}/embed/denoiser-training/one-step/?digit=4&t=120`);
    await page.getByTestId('one-step-digit').waitFor();
    expect(await page.getByTestId('one-step-digit-4').isChecked()).toBe(true);
    expect(await page.getByTestId('one-step-t').inputValue()).toBe('120');
    // The digit picker's radios: an arrow key moves to the next digit and chooses it.
    await page.getByTestId('one-step-digit-4').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query(page).get('digit'), SLOW).toBe('5');

    await page.goto(`${base}/embed/denoiser-training/unet-diagram/?ublk=out`);
    await page.getByTestId('unet-detail').waitFor();
    expect(await page.getByTestId('unet-detail').textContent()).toMatch(/Output head/);
    await page.locator('#fig-unet-diagram [role="button"]').nth(2).focus();
    await expect.poll(() => query(page).get('ublk'), SLOW).not.toBe('out');
    const chosen = query(page).get('ublk');
    await page.reload();
    await page.getByTestId('unet-detail').waitFor();
    expect(query(page).get('ublk')).toBe(chosen);

    await page.goto(`${base}/embed/text-conditioning/qkv/`);
    const select = page.getByTestId('qkv-block');
    await expect.poll(() => select.locator('option').count(), SLOW).toBeGreaterThan(1);
    const other = await select.locator('option').first().getAttribute('value');
    await select.selectOption(other!);
    await expect.poll(() => query(page).get('qblk'), SLOW).toBe(other);
    await page.reload();
    await expect.poll(() => page.getByTestId('qkv-block').inputValue(), SLOW).toBe(other);
    await page.close();
  });

  it('puts an anchor on every section heading, and a link to one scrolls there', async () => {
    const { page } = await watchedPageIn(reader, base);
    await page.goto(`${base}${lesson3}`);
    await page.locator('.lesson h2').first().waitFor();
    const headings = await page.locator('.lesson .body h2').evaluateAll((hs) => hs.map((h) => ({ id: h.id, href: h.querySelector('a.heading-anchor')?.getAttribute('href') })));
    expect(headings.length).toBeGreaterThanOrEqual(5);
    for (const h of headings) expect(h.href).toBe(`#${h.id}`);
    expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
    expect(headings.map((h) => h.id)).toContain('the-same-image-the-same-noise');
    await page.goto(`${base}${lesson3}#the-same-image-the-same-noise`);
    await expect.poll(async () => (await page.locator('#the-same-image-the-same-noise').boundingBox())?.y ?? 1e9, SLOW).toBeLessThan(200);
    await page.close();
  });
});

describe('embeds', () => {
  let host: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    // A plain course page on another origin (another port) that frames whatever URL its hash names.
    const dir = mkdtempSync(join(tmpdir(), 'embed-host-'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A course page</title></head>
<body style="font:18px Georgia,serif;max-width:900px;margin:2rem auto">
<h1>Week 3: noise schedules</h1><p>Try the figure below, then answer the questions.</p>
<iframe id="f" title="Embedded figure" width="100%" height="640" style="border:1px solid #ccc"></iframe>
<script>document.getElementById('f').src = decodeURIComponent(location.hash.slice(1));</script>
</body></html>`,
    );
    host = await serveStatic(dir);
  });
  afterAll(async () => {
    await host?.close();
  });

  const embeds = Object.entries(lessonFigures).flatMap(([slug, ids]) => ids.map((id) => [`${slug}/${id}`, slug, id] as const));

  it.concurrent.each(embeds)('%s loads alone in an iframe on another origin, with no console error and no request elsewhere', async (_name, slug, id) => {
    expect(new URL(host.url).origin).not.toBe(new URL(base).origin);
    // Requests go to the host page's origin and the site's own, nowhere else.
    const { page } = await watchedPageIn(reader, host.url, { width: 1100, height: 800 }, { allowOrigins: [new URL(base).origin] });
    const src = `${base}/embed/${slug}/${id}/`;
    // The embed answers with a real file, not a fallback.
    const res = await page.request.get(src);
    expect(res.status()).toBe(200);
    await page.goto(`${host.url}/#${encodeURIComponent(src)}`);
    const frame = page.frameLocator('#f');
    await frame.getByTestId(id).waitFor({ timeout: 120_000 });
    // The figure alone: no site header, no lesson title, no other figure, and a link back to the lesson.
    expect(await frame.locator('.site-header, #lesson-title').count()).toBe(0);
    expect(await frame.locator('figure[data-testid]').count()).toBe(1);
    const back = frame.getByRole('link', { name: 'from Diffusion, demystified' });
    expect(await back.getAttribute('href')).toBe(`${base}/lessons/${slug}/#fig-${id}`);
    // The embed's own line reads at WCAG AA's 4.5:1 against what is really behind it, inside the host's frame.
    const embedded = page.frames().find((f) => f.url().startsWith(src));
    const [line] = await settleContrast(embedded!, ['p.from a']);
    expect(line.ratio).toBeGreaterThanOrEqual(4.5);
    // Visible: the figure is what a point in the middle of the frame hits.
    const inFrame = await frame.locator('body').evaluate((b, figId) => document.elementFromPoint(b.clientWidth / 2, 200)?.closest<HTMLElement>('figure[data-testid]')?.dataset.testid === figId, id);
    expect(inFrame).toBe(true);
    await page.waitForLoadState('networkidle');
    await page.close();
  });

  it('carries the state in its query, and Copy embed code writes an iframe for the figure as it stands', async () => {
    const { page } = await watchedPage(browser, base);
    await page.goto(`${base}/embed/noise-schedules/schedule-curves/?T=50&a=cosine`);
    await page.getByTestId('schedule-curves').waitFor();
    expect(await page.getByTestId('kind-a').inputValue()).toBe('cosine');
    // t stays within T (500 ≤ 600), so the link holds only what the reader changed.
    await page.goto(`${base}${lesson3}?T=600&b=sigmoid`);
    await page.getByTestId('schedule-curves').locator('[data-action="copy-embed"]').click();
    const code = await page.getByTestId('schedule-curves').getByTestId('copied').locator('input').inputValue();
    expect(code).toMatch(/^<iframe src="[^"]+" title="Comparing two noise schedules" width="100%" height="\d+"/);
    const src = new URL(/src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&'));
    expect(src.pathname).toBe('/embed/noise-schedules/schedule-curves/');
    expect(Object.fromEntries(src.searchParams)).toEqual({ T: '600', b: 'sigmoid' });
    await page.close();
  });
});
