/**
 * Every lesson as a course page: goals first, exercises whose links open their
 * figure in the state they name, answers that open from the keyboard, and a
 * recap last.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { lessons, lessonPath } from '../../lessons/registry';
import { courses, exerciseHref } from '../../lessons/course';
import { launch, watch, DESKTOP } from './browser';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  // No WebGPU: the figures that start a model fall back quickly, and nothing here waits for them.
  browser = await launch([], { webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

describe('lessons as course pages', () => {
  // One page per lesson, walked as a reader would: read it (goals first, recap
  // last, nothing for engineers in the open), open an answer from the keyboard,
  // then follow each exercise's link from where the previous one left off. Each
  // test stands alone; two lessons run at a time (see maxConcurrency).
  it.concurrent.each(lessons.map((l) => [l.number, l] as const))(
    'lesson %i: goals first, recap last, no engineering text in the open, answers by keyboard, and every exercise link opens its state',
    async (_n, lesson) => {
      const page = await browser.newPage({ viewport: DESKTOP });
      const w = watch(page, base);
      try {
        await page.goto(`${base}${lessonPath(lesson)}`);
        await page.getByTestId('lesson-recap').waitFor();
        const c = courses[lesson.slug];
        expect(await page.getByTestId('lesson-goals').locator('li').count()).toBe(c.goals.length);
        expect(await page.getByTestId('exercise').count()).toBe(c.exercises.length);
        // Document order: goals before the first figure and exercise, recap after everything.
        const order = await page.evaluate(() => {
          const all = [...document.querySelectorAll('[data-testid="lesson-goals"], figure.figure, [data-testid="exercise"], [data-testid="lesson-recap"]')];
          return all.map((e) => ((e as HTMLElement).dataset.testid === 'lesson-goals' ? 'goals' : (e as HTMLElement).dataset.testid === 'lesson-recap' ? 'recap' : 'x'));
        });
        expect(order[0]).toBe('goals');
        expect(order[order.length - 1]).toBe('recap');

        await page.waitForLoadState('networkidle');
        // Every "Going further" starts closed, and innerText leaves out what a closed <details> hides.
        expect(await page.locator('details[data-testid="going-further"][open]').count()).toBe(0);
        // The visible text, less the titles of the closed boxes (a title may name what is inside).
        const text = await page.evaluate(() => {
          let t = (document.querySelector('article.lesson') as HTMLElement).innerText;
          for (const s of document.querySelectorAll('details[data-testid="going-further"] > summary')) t = t.replace((s as HTMLElement).innerText, '');
          return t;
        });
        expect(text).not.toMatch(/\bnpm\s/);
        expect(text).not.toMatch(/\btensors\b/i);
        expect(text).not.toMatch(/GPU memory/i);
        expect(text).not.toMatch(/[✓✗✔✘]/);
        expect(text).not.toMatch(/readers of the code/i);

        // The first answer is hidden, then opens from the keyboard.
        const first = page.getByTestId('exercise').first();
        const answer = first.getByTestId('exercise-answer');
        expect(await answer.isVisible()).toBe(false);
        await first.locator('summary').focus();
        await page.keyboard.press('Enter');
        await answer.waitFor({ state: 'visible' });

        for (const ex of c.exercises) {
          // A link that led to another lesson: come back for the next exercise.
          if ((await page.locator(`#${ex.id}`).count()) === 0) {
            await page.goto(`${base}${lessonPath(lesson)}`);
            await page.getByTestId('lesson-recap').waitFor();
          }
          const link = page.locator(`#${ex.id} [data-testid="exercise-link"]`);
          expect(await link.getAttribute('href'), ex.id).toBe(exerciseHref(lesson.slug, ex));
          // An exercise about a detour sits inside its closed "Going further": open it as a reader would.
          await link.evaluate((el) => {
            const d = el.closest('details');
            if (d) d.open = true;
          });
          // A DOM click: it goes through the page's router like a reader's click, without
          // Playwright waiting on its own clock for the heavy page it opens.
          await Promise.all([page.waitForEvent('load', { timeout: 90_000 }), link.evaluate((a) => (a as HTMLAnchorElement).click())]);
          await page.locator(`#fig-${ex.link.figure}`).waitFor({ state: 'attached', timeout: 90_000 });
          // Let the figures write their state back to the URL (one animation frame), then
          // read it: a value the figure clamps or rewrites would show here (the unit test
          // checks that every key is one the lesson knows).
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await page.waitForTimeout(200);
          const q = new URL(page.url()).searchParams;
          for (const [key, value] of Object.entries(ex.link.state)) expect(q.get(key), `${ex.id}: ${key}`).toBe(value);
        }
        expect(w.errors).toEqual([]);
        expect(w.foreignRequests).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it.concurrent.each(lessons.map((l) => [l.number, l] as const))(
    'lesson %i at 360 px: nothing overflows the page, and every wide equation scrolls in its own focusable box',
    async (_n, lesson) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(`${base}${lessonPath(lesson)}`);
      await page.getByTestId('lesson-recap').waitFor();
      await page.waitForLoadState('networkidle');
      const report = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const scrolls = (e: Element) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
        const clipped = (e: Element) => {
          for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
          return false;
        };
        const wide = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > vw + 1 && !clipped(e))
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
        const equations = [...document.querySelectorAll('.tex-display')].map((e) => ({
          over: e.scrollWidth > e.clientWidth + 1,
          scrolls: scrolls(e),
          focusable: e.getAttribute('tabindex') === '0',
          labelled: !!e.getAttribute('aria-label'),
        }));
        return { pageWidth: document.documentElement.scrollWidth, vw, wide, equations };
      });
      expect(report.wide, 'elements past the right edge').toEqual([]);
      expect(report.pageWidth).toBeLessThanOrEqual(report.vw);
      for (const eq of report.equations.filter((e) => e.over)) expect(eq).toEqual({ over: true, scrolls: true, focusable: true, labelled: true });
      await page.close();
    },
  );
});
