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
  it.each(lessons.map((l) => [l.number, l] as const))(
    'lesson %i opens with its goals, holds its exercises and closes with its recap',
    async (_n, lesson) => {
      const page = await browser.newPage({ viewport: DESKTOP });
      const w = watch(page, base);
      await page.goto(`${base}${lessonPath(lesson)}`);
      await page.getByTestId('lesson-recap').waitFor();
      const c = courses[lesson.slug];
      expect(await page.getByTestId('lesson-goals').locator('li').count()).toBe(c.goals.length);
      expect(await page.getByTestId('exercise').count()).toBe(c.exercises.length);
      // Document order: goals before the first figure and exercise, recap after everything.
      const order = await page.evaluate(() => {
        const all = [...document.querySelectorAll('[data-testid="lesson-goals"], figure.figure, [data-testid="exercise"], [data-testid="lesson-recap"]')];
        return all.map((e) => (e as HTMLElement).dataset.testid === 'lesson-goals' ? 'goals' : (e as HTMLElement).dataset.testid === 'lesson-recap' ? 'recap' : 'x');
      });
      expect(order[0]).toBe('goals');
      expect(order[order.length - 1]).toBe('recap');
      // The first answer is hidden, then opens from the keyboard.
      const first = page.getByTestId('exercise').first();
      const answer = first.getByTestId('exercise-answer');
      expect(await answer.isVisible()).toBe(false);
      await first.locator('summary').focus();
      await page.keyboard.press('Enter');
      await answer.waitFor({ state: 'visible' });
      expect(w.errors).toEqual([]);
      await page.close();
    },
  );

  const all = lessons.flatMap((l) => courses[l.slug].exercises.map((e) => [l.slug, e.id, e] as const));
  it.each(all)('%s · %s: the link opens its figure with the state it names', async (slug, _id, ex) => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const w = watch(page, base);
    const lesson = lessons.find((l) => l.slug === slug)!;
    await page.goto(`${base}${lessonPath(lesson)}`);
    const link = page.locator(`#${ex.id} [data-testid="exercise-link"]`);
    expect(await link.getAttribute('href')).toBe(exerciseHref(slug, ex));
    await Promise.all([page.waitForEvent('load'), link.click()]);
    await page.locator(`#fig-${ex.link.figure}`).waitFor();
    // Let the figures write their state back to the URL (one animation frame), then
    // read it: a value the figure clamps or rewrites would show here (the unit test
    // checks that every key is one the lesson knows).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(200);
    const q = new URL(page.url()).searchParams;
    for (const [key, value] of Object.entries(ex.link.state)) expect(q.get(key), key).toBe(value);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  });
});
