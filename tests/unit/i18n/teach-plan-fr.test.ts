import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../../src/i18n/format';
import { QUESTIONS, ROUTE, routeWithTimes, teachPlan } from '../../../site/pages/teach-plan';

describe("the teachers' page in French", () => {
  const fr = teachPlan('fr');

  it('is the same route as the English one: lessons, minutes, figure ids and prepared states', () => {
    const shape = (route: typeof ROUTE) =>
      route.map((s) => ({ lesson: s.lesson, minutes: s.minutes, figures: s.figures.map((f) => ({ id: f.id, queries: f.states.map((x) => x.query) })) }));
    expect(shape(fr.route)).toEqual(shape(ROUTE));
    expect(routeWithTimes(fr.route).at(-1)!.end).toBe(50);
    expect(fr.questions.length).toBe(QUESTIONS.length);
    expect(teachPlan('en').route).toBe(ROUTE);
  });

  it('writes French punctuation and numbers: a narrow no-break space before : ; ! ? and inside « », decimal commas', () => {
    const texts = [
      ...Object.values(fr.text).filter((v): v is string => typeof v === 'string'),
      fr.text.lessonLabel(3, 'X'),
      ...fr.route.flatMap((s) => [s.point, s.machine, ...s.figures.flatMap((f) => [f.title, ...f.states.map((x) => x.label)])]),
      ...fr.questions.flatMap((q) => [q.q, q.a]),
    ];
    for (const t of texts) expect(t).toBe(frenchTypography(t));
    expect(fr.text.lessonLabel(3, 'X')).toBe('Leçon 3\u202f: X');
    for (const t of texts) expect(t, t).not.toMatch(/\d\.\d/);
  });
});
