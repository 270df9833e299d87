import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../../src/i18n/format';
import { routeWithTimes, teachPlan } from '../../../site/pages/teach-plan';

describe("the teachers' page in French", () => {
  const fr = teachPlan('fr');
  const en = teachPlan('en');

  it('has words for every stop, figure and state of the one route plan, and as many questions as in English', () => {
    // teachPlan throws when a language's words do not fit the plan; the clock is the plan's.
    expect(routeWithTimes(fr.route).at(-1)!.end).toBe(50);
    expect(fr.questions.length).toBe(en.questions.length);
    expect(fr.route.map((s) => s.point)).not.toEqual(en.route.map((s) => s.point));
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
